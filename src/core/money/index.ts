export * from './currencies';
export * from './parseMoney';
