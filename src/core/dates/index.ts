export * from './parseDateTime';
