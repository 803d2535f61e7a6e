/** Shipsheet's pure core: tables, workflows and the Workbook port. No I/O. */
export * from './dates';
export * from './flatfiles';
export * from './memoryWorkbook';
export * from './money';
export * from './orders/parseOrderReport';
export * from './orders/recognizeTable';
export * from './settings';
export * from './tables';
export * from './workbook';
export * from './workflow';
export * from './carriers';
export * from './http';
export * from './amazon';
