export * from './carrierExportFile';
export * from './localDate';
export * from './packageItems';
export * from './usDate';
export * from './readCarrierExport';
export * from './trackingSources';
