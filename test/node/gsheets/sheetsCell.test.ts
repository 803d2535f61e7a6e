import { a1Range, columnLetters, quoteSheetName } from '../../../src/node/gsheets/a1';
import {
  dateToSerial,
  fromSheetsValue,
  isoDateToSerial,
  toSheetsValue,
} from '../../../src/node/gsheets/sheetsCell';

describe('A1 notation', () => {
  it('names columns as Sheets does and quotes sheet names', () => {
    expect([1, 26, 27, 52, 702, 703, 18278].map(columnLetters)).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'ZZ',
      'AAA',
      'ZZZ',
    ]);
    expect(quoteSheetName("Bob's Orders")).toBe("'Bob''s Orders'");
    expect(a1Range('Orders', 2, 3, 10, 2)).toBe("'Orders'!C2:D11");
    expect(() => columnLetters(0)).toThrow();
  });
});

describe('cells to Sheets values', () => {
  it('writes blanks as "", dates as serial days, and everything else as it is', () => {
    expect(toSheetsValue(null, 'text')).toBe('');
    expect(toSheetsValue('02134', 'text')).toBe('02134');
    expect(toSheetsValue('2026-12-01', 'date')).toBe(46357);
    expect(toSheetsValue('2026-12-01', 'text')).toBe('2026-12-01');
    expect(toSheetsValue('not a date', 'date')).toBe('not a date');
    expect(toSheetsValue(new Date('2026-12-01T12:00:00Z'), undefined)).toBe(46357.5);
    expect(toSheetsValue(false, 'bool')).toBe(false);
    expect(() => toSheetsValue(Number.POSITIVE_INFINITY, 'decimal')).toThrow();
  });

  it('knows real calendar dates', () => {
    expect(isoDateToSerial('1899-12-30')).toBe(0);
    expect(isoDateToSerial('2024-02-29')).toBe(45351);
    expect(isoDateToSerial('2026-02-29')).toBeNull();
    expect(dateToSerial(new Date(Date.UTC(1970, 0, 1)))).toBe(25569);
  });

  it('reads "" as an empty cell', () => {
    expect(['', 0, false, 'x', null, undefined].map(fromSheetsValue)).toEqual([
      null,
      0,
      false,
      'x',
      null,
      null,
    ]);
  });
});
