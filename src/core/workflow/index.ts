export * from './actionResult';
export * from './importOrders';
export * from './importTable';
export * from './logEntry';
export * from './setUpSheets';
export * from './replaceRows';
export * from './tableFileHeader';
