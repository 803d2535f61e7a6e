export * from './detectEncoding';
export * from './locateHeader';
export * from './splitTabDelimited';
