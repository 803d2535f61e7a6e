/**
 * An order's promise in local dates: its ship-by (Amazon's `promise-date`) and its deliver-by — the
 * `delivery-end-date` when Amazon gives one, else the ship-by plus the business days of its service level
 * (Settings `service-level-days`; Prime orders take the Prime days when fewer).
 */
import type { WorkingDays } from './calendar';
import { addWorkingDays, isIanaTimeZone, calendarDateIn } from './calendar';

export interface OrderPromiseInput {
  /** ISO instants as Amazon writes them. */
  readonly promiseDate: string | null;
  readonly deliveryEndDate: string | null;
  readonly deliveryTimeZone: string | null;
  readonly shipServiceLevel: string | null;
  readonly isPrime: boolean;
}

export interface PromiseOptions {
  readonly timeZone: string;
  /** Service level (lower case) → business days from ship-by to deliver-by. */
  readonly levelDays: ReadonlyMap<string, number>;
  readonly businessDays: WorkingDays;
}

export interface OrderPromise {
  readonly shipBy: string | null;
  readonly deliverBy: string | null;
  readonly deliverBySource: 'delivery-end-date' | 'service-level' | null;
}

/** `parseLevelDays('Standard:5, NextDay:1')` → Map { standard → 5, nextday → 1 }. */
export function parseLevelDays(
  items: readonly string[],
): { ok: true; days: Map<string, number> } | { ok: false; message: string } {
  const days = new Map<string, number>();
  for (const item of items) {
    const m = /^([A-Za-z][\w -]*?)\s*[:=]\s*(\d+)$/.exec(item.trim());
    if (!m) return { ok: false, message: `"${item}" is not LEVEL:DAYS (e.g. Standard:5)` };
    days.set(m[1].toLowerCase().replace(/[\s-]/g, ''), Number(m[2]));
  }
  return { ok: true, days };
}

/** `shipDate` is the base when the order has no ship-by. */
export function orderPromise(
  input: OrderPromiseInput,
  options: PromiseOptions,
  shipDate: string,
): OrderPromise {
  const shipBy = input.promiseDate ? calendarDateIn(new Date(input.promiseDate), options.timeZone) : null;
  if (input.deliveryEndDate) {
    const zone =
      input.deliveryTimeZone && isIanaTimeZone(input.deliveryTimeZone)
        ? input.deliveryTimeZone
        : options.timeZone;
    return {
      shipBy,
      deliverBy: calendarDateIn(new Date(input.deliveryEndDate), zone),
      deliverBySource: 'delivery-end-date',
    };
  }
  const level = (input.shipServiceLevel ?? '').toLowerCase().replace(/[\s-]/g, '');
  let days = options.levelDays.get(level);
  const prime = options.levelDays.get('prime');
  if (input.isPrime && prime !== undefined && (days === undefined || prime < days)) days = prime;
  if (days === undefined) return { shipBy, deliverBy: null, deliverBySource: null };
  return {
    shipBy,
    deliverBy: addWorkingDays(shipBy ?? shipDate, days, options.businessDays),
    deliverBySource: 'service-level',
  };
}
