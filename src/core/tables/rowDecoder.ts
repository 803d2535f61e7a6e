/**
 * A table's row decoder compiled once per header: each column's position, currency column and cell decoder are
 * worked out before the first row, so decoding a million rows does no per-cell lookups, regexes or result
 * objects. Cells of the common shapes take the fast paths of `fastCells`; everything else, and every failure,
 * goes through `decodeCell`, so values and messages are exactly decodeCell's.
 */
import { minorUnits } from '../money/currencies';
import type { Cell } from './cell';
import { decodeCell } from './cellCodec';
import type { ColumnSpec, FieldValue } from './column';
import type { ColumnIndex } from './columnIndex';
import {
  fastDecimal,
  fastInteger,
  fastMoneyNumber,
  fastMoneyText,
  isPlainDate,
  isPlainDateTime,
} from './fastCells';
import type { Problem } from './problem';
import { problem } from './problem';

/** Why a cell was rejected (decodeCell's reason); only built when a cell fails. */
export class CellFailure {
  constructor(readonly reason: string) {}
}

/** One cell (never null or undefined) to its field value, or why it is not one. `currency` only for money. */
export type CellDecoder = (cell: Cell, currency: string | null) => FieldValue | CellFailure;

export interface RowDecoderOptions {
  /** Name used in problems. */
  readonly source: string;
  readonly checkRequired: boolean;
  /** Decode only these columns (the others are left out of the records). */
  readonly only?: readonly string[];
}

export interface DecodedCells<R> {
  readonly record: R;
  /** False when a cell failed validation; the failing fields are null in `record`. */
  readonly valid: boolean;
}

export interface RowDecoder<R> {
  /** Decode one row (1-based `rowNumber` as the user sees it); its problems are appended to `problems`. */
  decode(cells: readonly Cell[], rowNumber: number, problems: Problem[]): DecodedCells<R>;
}

/** True when every cell is null, empty or whitespace: such rows are skipped, not decoded. */
export function isBlankRow(cells: readonly Cell[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (c === null || c === undefined) continue;
    if (typeof c !== 'string' || c.trim() !== '') return false;
  }
  return true;
}

interface ColumnPlan {
  readonly name: string;
  /** Position in the row, or -1 when the sheet lacks the column. */
  readonly position: number;
  /** Money: position of the currency cell, or -1. */
  readonly currencyAt: number;
  readonly required: boolean;
  readonly decode: CellDecoder;
}

export function compileRowDecoder<R>(
  specs: readonly ColumnSpec[],
  columns: ColumnIndex,
  options: RowDecoderOptions,
): RowDecoder<R> {
  const selected = options.only ? specs.filter((c) => options.only!.includes(c.name)) : specs;
  const currencyPos = columns.positions.get('currency');
  const plans: ColumnPlan[] = selected.map((spec) => {
    const currencyAt =
      spec.type !== 'money'
        ? undefined
        : spec.currencyColumn
          ? columns.positions.get(spec.currencyColumn)
          : currencyPos;
    return {
      name: spec.name,
      position: columns.positions.get(spec.name) ?? -1,
      currencyAt: currencyAt ?? -1,
      required: spec.required === true && options.checkRequired,
      decode: compileCellDecoder(spec),
    };
  });
  // Every record gets every selected column, in schema order, starting from null: cloning this template gives
  // all records one shape (one V8 hidden class) and each store below overwrites a property instead of adding one.
  // (fromEntries, not a loop of keyed stores: those turn an object of more than a few dozen properties, like
  // an Orders record, into a slow dictionary-mode object.)
  const template: Record<string, FieldValue> = Object.fromEntries(plans.map((p) => [p.name, null]));
  const { source } = options;
  // Columns the sheet lacks stay null from the template: only a required one needs a look per row (an Orders
  // sheet read from a 41-column report skips 66 of its 107 columns this way).
  const active = plans.filter((p) => p.position >= 0 || p.required);
  return {
    decode(cells, rowNumber, problems) {
      const record: Record<string, FieldValue> = { ...template };
      let valid = true;
      for (let k = 0; k < active.length; k++) {
        const plan = active[k];
        const cell = plan.position < 0 ? undefined : cells[plan.position];
        if (cell === null || cell === undefined) {
          if (plan.required) {
            valid = false;
            problems.push(problem(source, rowNumber, plan.name, `${plan.name} is required`));
          }
          continue;
        }
        let currency: string | null = null;
        if (plan.currencyAt >= 0) {
          const c = cells[plan.currencyAt];
          if (typeof c === 'string') currency = c.trim();
        }
        const value = plan.decode(cell, currency);
        if (value instanceof CellFailure) {
          valid = false;
          problems.push(problem(source, rowNumber, plan.name, `${plan.name} ${value.reason}`, String(cell)));
          continue;
        }
        if (value === null && plan.required) {
          valid = false;
          problems.push(problem(source, rowNumber, plan.name, `${plan.name} is required`));
        }
        record[plan.name] = value;
      }
      return { record: record as R, valid };
    },
  };
}

/** The general decoder, for cells no fast path is sure of. */
function general(spec: ColumnSpec): CellDecoder {
  return (cell, currency) => {
    const d = decodeCell(spec, cell, currency);
    return d.ok ? d.value : new CellFailure(d.reason);
  };
}

/** A column's cell decoder: its type's fast path in front of decodeCell. */
export function compileCellDecoder(spec: ColumnSpec): CellDecoder {
  const slow = general(spec);
  const min = spec.min;
  switch (spec.type) {
    case 'text':
      return (cell, currency) => {
        if (typeof cell !== 'string') return slow(cell, currency);
        const t = cell.trim();
        return t === '' ? null : t;
      };
    case 'int':
      return (cell, currency) => {
        if (typeof cell === 'string') {
          const t = cell.trim();
          if (t === '') return null;
          const n = fastInteger(t);
          if (n !== undefined && (min === undefined || n >= min)) return n;
        } else if (typeof cell === 'number' && Number.isInteger(cell) && (min === undefined || cell >= min))
          return cell;
        return slow(cell, currency);
      };
    case 'decimal':
      return (cell, currency) => {
        if (typeof cell === 'string') {
          const t = cell.trim();
          if (t === '') return null;
          const n = fastDecimal(t);
          if (n !== undefined && (min === undefined || n >= min)) return n;
        } else if (typeof cell === 'number' && Number.isFinite(cell) && (min === undefined || cell >= min))
          return cell;
        return slow(cell, currency);
      };
    case 'money': {
      // One-entry cache: a file's rows nearly always share a currency, and minorUnits upper-cases its input.
      let lastCurrency: string | null = null;
      let lastDigits = minorUnits(null);
      return (cell, currency) => {
        if (currency !== lastCurrency) {
          lastCurrency = currency;
          lastDigits = minorUnits(currency);
        }
        let minor: number | undefined;
        if (typeof cell === 'string') {
          const t = cell.trim();
          if (t === '') return null;
          minor = fastMoneyText(t, lastDigits);
        } else if (typeof cell === 'number') minor = fastMoneyNumber(cell, lastDigits);
        if (minor !== undefined && (min === undefined || minor >= min)) return minor;
        return slow(cell, currency);
      };
    }
    case 'datetime':
    case 'date':
      return (cell, currency) => {
        if (typeof cell === 'string') {
          const t = cell.trim();
          if (t === '') return null;
          // Valid ISO text is kept as written, in both column types (see decodeCell).
          if (isPlainDateTime(t) || isPlainDate(t)) return t;
        }
        return slow(cell, currency);
      };
    case 'enum': {
      const values = spec.values ?? [];
      // decodeCell takes the first listed value equal ignoring case: the same choice, looked up once.
      const byLower = new Map<string, string>();
      for (const v of values) if (!byLower.has(v.toLowerCase())) byLower.set(v.toLowerCase(), v);
      const exact = new Map<string, string>();
      for (const v of values) exact.set(v, byLower.get(v.toLowerCase())!);
      return (cell, currency) => {
        if (typeof cell === 'string') {
          const t = cell.trim();
          if (t === '') return null;
          const found = exact.get(t) ?? byLower.get(t.toLowerCase());
          if (found !== undefined) return found;
        }
        return slow(cell, currency);
      };
    }
    case 'bool':
      // Sheets hand booleans over as booleans; words (TRUE, yes, 1) go through decodeCell.
      return (cell, currency) => (typeof cell === 'boolean' ? cell : slow(cell, currency));
  }
}
