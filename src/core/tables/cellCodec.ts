/** One cell to one field and back, by the column's type. */
import { parseDateTime, toIsoUtc } from '../dates/parseDateTime';
import { parseMoney, toMajor } from '../money/parseMoney';
import type { Cell } from './cell';
import { isBlankCell } from './cell';
import type { ColumnSpec, FieldValue } from './column';

export type Decoded = { ok: true; value: FieldValue } | { ok: false; reason: string };

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'x']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0']);

/** Decode a cell for a column; `currency` is the row's currency for money columns. Blank decodes to null. */
export function decodeCell(spec: ColumnSpec, cell: Cell | undefined, currency?: string | null): Decoded {
  if (cell === undefined || isBlankCell(cell)) return { ok: true, value: null };
  switch (spec.type) {
    case 'text':
      return { ok: true, value: cellText(cell) };
    case 'int': {
      const n = toNumber(cell);
      if (n === null || !Number.isInteger(n)) return { ok: false, reason: 'is not a whole number' };
      if (spec.min !== undefined && n < spec.min)
        return { ok: false, reason: `must be at least ${spec.min}` };
      return { ok: true, value: n };
    }
    case 'decimal': {
      const n = toNumber(cell);
      if (n === null) return { ok: false, reason: 'is not a number' };
      if (spec.min !== undefined && n < spec.min)
        return { ok: false, reason: `must be at least ${spec.min}` };
      return { ok: true, value: n };
    }
    case 'money': {
      if (typeof cell !== 'string' && typeof cell !== 'number')
        return { ok: false, reason: 'is not an amount' };
      const m = parseMoney(cell, currency);
      if (!m.ok) return { ok: false, reason: m.reason };
      if (spec.min !== undefined && m.minor < spec.min)
        return { ok: false, reason: `must be at least ${spec.min}` };
      return { ok: true, value: m.minor };
    }
    case 'datetime': {
      const d = parseDateTime(cell);
      return d.ok ? { ok: true, value: d.iso } : { ok: false, reason: d.reason };
    }
    case 'date': {
      if (cell instanceof Date || typeof cell === 'number') {
        const d = parseDateTime(cell);
        return d.ok ? { ok: true, value: toIsoUtc(d.date).slice(0, 10) } : { ok: false, reason: d.reason };
      }
      const t = String(cell).trim();
      const d = parseDateTime(t);
      if (!d.ok) return { ok: false, reason: 'is not a date (yyyy-mm-dd)' };
      return { ok: true, value: /^\d{4}-\d{2}-\d{2}$/.test(t) ? t : d.iso };
    }
    case 'bool': {
      if (typeof cell === 'boolean') return { ok: true, value: cell };
      const w = cellText(cell).trim().toLowerCase();
      if (TRUE_WORDS.has(w)) return { ok: true, value: true };
      if (FALSE_WORDS.has(w)) return { ok: true, value: false };
      return { ok: false, reason: 'is not true or false' };
    }
    case 'enum': {
      const w = cellText(cell).trim();
      const found = (spec.values ?? []).find((v) => v.toLowerCase() === w.toLowerCase());
      if (found === undefined)
        return { ok: false, reason: `must be one of ${(spec.values ?? []).join(', ')}` };
      return { ok: true, value: found };
    }
  }
}

/** Encode a field for the sheet. Money becomes a number of major units; dates stay ISO text. */
export function encodeCell(spec: ColumnSpec, value: FieldValue | undefined, currency?: string | null): Cell {
  if (value === null || value === undefined) return null;
  if (spec.type === 'money' && typeof value === 'number') return toMajor(value, currency);
  return value;
}

/** A cell as text, the way a person reads it (numbers without float noise or exponents). */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return toIsoUtc(cell);
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && Math.abs(cell) < 1e21) return BigInt(cell).toString();
    return String(Number(cell.toPrecision(15)));
  }
  return String(cell).trim();
}

function toNumber(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell === 'boolean' || cell instanceof Date || cell === null) return null;
  const t = cell.trim().replace(/,(?=\d{3}(\D|$))/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return null;
  return Number(t);
}
