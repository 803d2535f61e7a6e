export * from './accountHealth';
export * from './healthSheet';
