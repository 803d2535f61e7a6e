/**
 * Account-health figures shown in the sales report: the health step's metrics (issue 6's accountHealth, run on
 * the same Orders rows) worded as label, value and target. The report shows them; it does not judge them.
 */
import type { AccountHealth } from '../health/accountHealth';
import { METRIC_LABELS, percent } from '../health/healthSheet';

export interface HealthFigure {
  /** e.g. `Late Shipment Rate (last 10 days)`. */
  readonly label: string;
  /** As it should read, e.g. `1.8% (2 of 111)`. */
  readonly value: string;
  /** Amazon's target, e.g. `< 4%`, when there is one. */
  readonly target?: string;
  /** False when the figure misses its target. */
  readonly ok?: boolean;
}

/** The Amazon-window metrics and the orders at risk now, as report figures. */
export function healthFigures(health: AccountHealth): HealthFigure[] {
  const figures: HealthFigure[] = health.metrics
    .filter((m) => m.amazonWindow)
    .map((m) => ({
      label: `${METRIC_LABELS[m.metric]} (last ${m.windowDays} days)`,
      value: m.rate === null ? 'no orders to measure' : `${percent(m.rate)}% (${m.count} of ${m.of})`,
      target: `${m.goodWhen === 'below' ? '<' : '≥'} ${m.target * 100}%`,
      ok: m.ok,
    }));
  figures.push({
    label: 'Orders at risk of shipping late now',
    value: `${health.atRisk.length}${health.overdue > 0 ? ` (${health.overdue} past ship-by)` : ''}`,
    ok: health.overdue === 0,
  });
  return figures;
}
