export * from './actionResult';
export * from './importAmazonOrders';
export * from './importOrders';
export * from './importTable';
export * from './logEntry';
export * from './setUpSheets';
export * from './trackShipments';
