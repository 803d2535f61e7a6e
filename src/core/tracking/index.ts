export * from './carrierNames';
export * from './checksums';
export * from './formats';
export * from './validateTracking';
