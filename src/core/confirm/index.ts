export * from './amazonCarrierCodes';
export * from './carrierCodeFor';
export * from './shipConfirmFile';
