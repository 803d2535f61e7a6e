/** Amazon fee estimates from Settings: referral fee by category with its minimum, and the selling plan's fees. */
import { parseMoney } from '../money/parseMoney';
import type { Settings } from '../settings/readSettings';
import { settingsTable } from '../tables/settingsTable';
import type { Problem } from '../tables/problem';
import { problem } from '../tables/problem';

export interface ReferralRate {
  /** Percent in hundredths (15% → 1500), so fees are computed in integers. */
  readonly basisPoints: number;
  /** Minimum per unit, minor units. */
  readonly minimumMinor: number;
}

export interface FeeRules {
  readonly plan: 'Professional' | 'Individual';
  readonly defaultRate: ReferralRate;
  /** By category, lower-case. */
  readonly categories: ReadonlyMap<string, ReferralRate>;
  readonly perItemFeeMinor: number;
  readonly monthlyFeeMinor: number;
}

function percentToBasisPoints(text: string): number | null {
  if (!/^\d+(\.\d{1,2})?$/.test(text.trim())) return null;
  const m = parseMoney(text, 'USD');
  return m.ok ? m.minor : null;
}

function minorSetting(settings: Settings, key: string, currency: string, problems: Problem[]): number {
  const m = parseMoney(settings.text(key), currency);
  if (m.ok && m.minor >= 0) return m.minor;
  problems.push(
    problem(
      settingsTable.name,
      settings.rowOf(key),
      'value',
      `${key} is not an amount in ${currency}; using 0`,
    ),
  );
  return 0;
}

/** The fee rules for a report in `currency`; a bad category entry is a problem and that entry is skipped. */
export function readFeeRules(settings: Settings, currency: string): { rules: FeeRules; problems: Problem[] } {
  const problems: Problem[] = [];
  const minimumMinor = minorSetting(settings, 'referral-fee-minimum', currency, problems);
  const basisPoints = percentToBasisPoints(settings.text('referral-fee-percent')) ?? 1500;
  const categories = new Map<string, ReferralRate>();
  for (const entry of settings.list('referral-fee-categories')) {
    const m = /^(.+?)\s*=\s*([\d.]+)%?\s*(?::\s*([\d.]+))?$/.exec(entry);
    const bp = m ? percentToBasisPoints(m[2]) : null;
    const min = m?.[3] !== undefined ? parseMoney(m[3], currency) : null;
    if (!m || bp === null || (min !== null && !min.ok)) {
      problems.push(
        problem(
          settingsTable.name,
          settings.rowOf('referral-fee-categories'),
          'value',
          `referral-fee-categories entry ${JSON.stringify(entry)} is not category=percent[:minimum]; it was skipped`,
        ),
      );
      continue;
    }
    categories.set(m[1].trim().toLowerCase(), {
      basisPoints: bp,
      minimumMinor: min && min.ok ? min.minor : minimumMinor,
    });
  }
  return {
    problems,
    rules: {
      plan: /^individual$/i.test(settings.text('selling-plan')) ? 'Individual' : 'Professional',
      defaultRate: { basisPoints, minimumMinor },
      categories,
      perItemFeeMinor: minorSetting(settings, 'individual-per-item-fee', currency, problems),
      monthlyFeeMinor: minorSetting(settings, 'professional-monthly-fee', currency, problems),
    },
  };
}

/**
 * Estimated fees of one order line (positive, minor units): the referral fee on what the buyer paid
 * (item + shipping + gift wrap − promotions), at least the per-unit minimum; plus the Individual plan's
 * per-item fee. Half a cent rounds up, as Amazon rounds.
 */
export function estimateLineFees(
  rules: FeeRules,
  category: string | null,
  paidMinor: number,
  units: number,
): number {
  const rate = (category && rules.categories.get(category.trim().toLowerCase())) || rules.defaultRate;
  const referral = Math.max(
    Math.round((Math.max(0, paidMinor) * rate.basisPoints) / 10_000),
    rate.minimumMinor * units,
  );
  return referral + (rules.plan === 'Individual' ? rules.perItemFeeMinor * units : 0);
}

/**
 * The Professional subscription's share of one day: the month's fee split so the days of a month add up to
 * exactly the fee (day n gets ⌊fee·n/days⌋ − ⌊fee·(n−1)/days⌋).
 */
export function subscriptionShareOfDay(
  monthlyFeeMinor: number,
  dayOfMonth: number,
  daysInMonth: number,
): number {
  return (
    Math.floor((monthlyFeeMinor * dayOfMonth) / daysInMonth) -
    Math.floor((monthlyFeeMinor * (dayOfMonth - 1)) / daysInMonth)
  );
}
