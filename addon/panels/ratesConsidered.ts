/** The Orders `rates-considered` cell, as the carriers step writes it: the core's parser, re-exported for the sidebar. */
export { formatRatesConsidered, parseRatesConsidered } from '../../src/core';
export type { ConsideredRate } from '../../src/core';
