export * from './boxes';
export * from './packOrder';
