/**
 * The services Amazon Buy Shipping sells in the US, named as Shipsheet names services (carrier, then the service
 * without the carrier's name in front: `UPS` + `2nd Day Air`), so Rules can name them when rates come from Amazon
 * and a Buy Shipping quote meets the rate card's service of the same name.
 */
import type { ServiceIdentity } from '../rules/rule';

export const BUY_SHIPPING_SERVICES: readonly ServiceIdentity[] = [
  { carrier: 'Amazon Shipping', service: 'Ground', mode: 'ground' },
  { carrier: 'USPS', service: 'Ground Advantage', mode: 'ground' },
  { carrier: 'USPS', service: 'Priority Mail', mode: 'air' },
  { carrier: 'USPS', service: 'Priority Mail Express', mode: 'air' },
  { carrier: 'USPS', service: 'Media Mail', mode: 'ground' },
  { carrier: 'UPS', service: 'Ground', mode: 'ground' },
  { carrier: 'UPS', service: 'Ground Saver', mode: 'ground' },
  { carrier: 'UPS', service: '3 Day Select', mode: 'air' },
  { carrier: 'UPS', service: '2nd Day Air', mode: 'air' },
  { carrier: 'UPS', service: 'Next Day Air Saver', mode: 'air' },
  { carrier: 'UPS', service: 'Next Day Air', mode: 'air' },
  { carrier: 'FedEx', service: 'Ground', mode: 'ground' },
  { carrier: 'FedEx', service: 'Home Delivery', mode: 'ground' },
  { carrier: 'FedEx', service: 'Express Saver', mode: 'air' },
  { carrier: 'FedEx', service: '2Day', mode: 'air' },
  { carrier: 'FedEx', service: 'Standard Overnight', mode: 'air' },
  { carrier: 'FedEx', service: 'Priority Overnight', mode: 'air' },
];

/** `USPS Ground Advantage` from carrier `USPS` → `Ground Advantage`; a name without the prefix stays as it is. */
export function shortServiceName(carrier: string, service: string): string {
  const s = service.replace(/[®™]/g, '').replace(/\s+/g, ' ').trim();
  const c = carrier.trim();
  return s.toLowerCase().startsWith(`${c.toLowerCase()} `) ? s.slice(c.length + 1).trim() : s;
}
