/** The Sheets number format for each of the core's cell formats, and how a written string keeps its meaning. */
import type { CellFormat } from '../../src/core';

/** Pattern for Range.setNumberFormat; null leaves the cell's format as the seller has it. */
export function numberFormatFor(format: CellFormat): string | null {
  switch (format) {
    case 'text':
      return '@';
    case 'int':
      return '0';
    case 'decimal':
      return '0.###';
    case 'money':
      return '#,##0.00';
    case 'date':
      return 'yyyy-mm-dd';
    case 'datetime':
      return '@';
    case 'bool':
    case 'general':
      return null;
  }
}

/**
 * Text Sheets would turn into something else when written into a cell without the plain-text format: a
 * formula (=…), a number (02134, 1e5, -3), a boolean (TRUE), a date (2026-12-01), a percent or currency.
 */
const COERCED =
  /^\s*([=+\-@]|[-+]?[$€£¥]?\s*[\d.,]+\s*%?$|[-+]?\d+(\.\d*)?e[-+]?\d+$|true$|false$|\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?([ T]|$))/i;

/**
 * The value to hand to setValues so the cell ends up holding exactly this text: a leading apostrophe is
 * Sheets' own "this is text" mark (it is not part of the value getValues returns). Plain-text (@) cells keep
 * text as typed, except formulas, which still need the mark.
 */
export function protectText(value: string, plainText: boolean): string {
  if (value === '') return value;
  if (plainText) return value.startsWith('=') || value.startsWith("'") ? `'${value}` : value;
  return COERCED.test(value) || value.startsWith("'") ? `'${value}` : value;
}
