export * from './calendar';
export * from './deliverBy';
