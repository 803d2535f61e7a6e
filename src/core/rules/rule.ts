/** A shipping rule parsed from one Rules row: when its condition holds, what it does to the choice of service. */
import type { Condition } from './condition';

/** Which services a rule names: by mode (air/ground), a whole carrier, or one carrier service. */
export type ServiceTarget =
  | { readonly kind: 'mode'; readonly mode: 'air' | 'ground' }
  | { readonly kind: 'carrier'; readonly carrier: string }
  | { readonly kind: 'service'; readonly carrier: string; readonly service: string };

export type RuleAction =
  | { readonly kind: 'use'; readonly target: ServiceTarget }
  | { readonly kind: 'exclude'; readonly targets: readonly ServiceTarget[] }
  | { readonly kind: 'fastest' }
  | { readonly kind: 'cheapest' }
  | { readonly kind: 'signature' }
  | { readonly kind: 'separate' }
  | { readonly kind: 'hold' };

export interface Rule {
  /** Row of the Rules sheet (problems and explanations name it). */
  readonly row: number;
  readonly priority: number;
  readonly conditionText: string;
  readonly actionText: string;
  readonly condition: Condition;
  readonly action: RuleAction;
}

/** The service facts a target is matched against. */
export interface ServiceIdentity {
  readonly carrier: string;
  readonly service: string;
  readonly mode: 'air' | 'ground';
}

const lowered = new Map<string, string>();
/** Lower case, memoised: targets are matched against every service of every package, always the same names. */
const lower = (s: string): string => {
  let l = lowered.get(s);
  if (l === undefined) {
    l = s.toLowerCase();
    if (lowered.size < 1000) lowered.set(s, l);
  }
  return l;
};

export function targetMatches(target: ServiceTarget, s: ServiceIdentity): boolean {
  switch (target.kind) {
    case 'mode':
      return s.mode === target.mode;
    case 'carrier':
      return lower(s.carrier) === lower(target.carrier);
    case 'service':
      return lower(s.carrier) === lower(target.carrier) && lower(s.service) === lower(target.service);
  }
}

export function describeTarget(t: ServiceTarget): string {
  return t.kind === 'mode' ? t.mode : t.kind === 'carrier' ? t.carrier : `${t.carrier} ${t.service}`;
}
