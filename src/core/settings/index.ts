export * from './definitions';
export * from './readSettings';
