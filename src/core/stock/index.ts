export * from './allocateStock';
export * from './listingIndex';
export * from './locationRank';
export * from './planStockCheck';
export * from './suggestReorders';
export * from './inventoryLoader';
export * from './stockOrderColumns';
export * from './selectLots';
