export * from './plugin';
export * from './sampleProvider';
export * from './labelProviders';
