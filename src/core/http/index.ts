export * from './httpPort';
