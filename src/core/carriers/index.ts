export * from './plugin';
export * from './sampleProvider';
export * from './labelProviders';
export * from './rateForPurchase';
