export * from './carrierExportFile';
export * from './localDate';
export * from './packageItems';
export * from './usDate';
