/**
 * The hook for account-health figures (late shipment rate, valid tracking rate, …) that the health step
 * computes: the report shows whatever it is given, as label, value and target, and computes none itself.
 */
export interface HealthFigure {
  /** e.g. `Late shipment rate`. */
  readonly label: string;
  /** As it should read, e.g. `1.8%`. */
  readonly value: string;
  /** Amazon's target, e.g. `< 4%`, when there is one. */
  readonly target?: string;
  /** False when the figure misses its target. */
  readonly ok?: boolean;
}
