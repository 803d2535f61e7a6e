export * from './condition';
export * from './facts';
export * from './packageFacts';
export * from './parseRules';
export * from './rule';
export * from './evaluateRules';
