export * from './actionResult';
export * from './importOrders';
export * from './importTable';
export * from './logEntry';
export * from './setUpSheets';
export * from './recordTracking';
export * from './exportShipConfirm';
export * from './checkHealth';
