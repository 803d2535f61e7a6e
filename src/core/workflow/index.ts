export * from './actionResult';
export * from './importOrders';
export * from './importTable';
export * from './logEntry';
export * from './setUpSheets';
export * from './chooseCarriers';
export * from './chooseCarriersConfig';
export * from './rateOrder';
