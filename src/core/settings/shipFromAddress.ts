/** The seller's ship-from address from Settings, every required line checked (labels and live rates need it all). */
import type { Address } from '../carriers/plugin';
import type { Problem } from '../tables/problem';
import { problem } from '../tables/problem';
import { settingsTable } from '../tables/settingsTable';
import type { Settings } from './readSettings';

/** The address, or null with a problem on each empty required row; `why` ends each message ("labels need …"). */
export function shipFromAddress(
  settings: Settings,
  why: string,
): { address: Address | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const get = (key: string, required: boolean) => {
    const v = settings.text(key).trim();
    if (required && v === '')
      problems.push(problem(settingsTable.name, settings.rowOf(key), 'value', `${key} is empty: ${why}`));
    return v;
  };
  const address: Address = {
    name: get('ship-from-name', true),
    line1: get('ship-from-address-1', true),
    line2: get('ship-from-address-2', false) || undefined,
    city: get('ship-from-city', true),
    state: get('ship-from-state', false) || undefined,
    postalCode: get('ship-from-postal-code', true),
    country: get('ship-from-country', true).toUpperCase(),
    phone: get('ship-from-phone', false) || undefined,
  };
  return { address: problems.length > 0 ? null : address, problems };
}
