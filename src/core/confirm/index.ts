export * from './amazonCarrierCodes';
export * from './carrierCodeFor';
export * from './shipConfirmFile';
export * from './planConfirmations';
