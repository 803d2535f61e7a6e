export * from './isSellable';
export * from './reportDates';
