export * from './exportColumns';
export * from './neutralize';
