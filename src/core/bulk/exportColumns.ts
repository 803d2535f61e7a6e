/**
 * How each column of a table is written to an export file: its kind (so ids stay text and money stays a
 * number), width, number format and the list a spreadsheet should offer. One place decides it for xlsx and CSV.
 */
import { toIsoUtc } from '../dates/parseDateTime';
import type { Cell } from '../tables/cell';
import { cellText } from '../tables/cellCodec';
import type { ColumnSpec } from '../tables/column';
import { indexColumns } from '../tables/columnIndex';
import type { TableSchema } from '../tables/schema';
import { neutralizeText } from './neutralize';

export type ExportKind = 'text' | 'int' | 'decimal' | 'money' | 'date' | 'bool' | 'general';

export interface ExportColumn {
  /** The header as the sheet has it (user columns keep their own names). */
  readonly header: string;
  /** The schema column, or null for a user's own column. */
  readonly spec: ColumnSpec | null;
  readonly kind: ExportKind;
  /** Width in characters: the schema's hint, else enough for the header. */
  readonly width: number;
  /** Values a spreadsheet should offer in a drop-down, and whether others are refused (enums) or only warned. */
  readonly list?: { readonly values: readonly string[]; readonly strict: boolean };
}

/** Carriers a `carrier` column suggests; other names are allowed (a warning, not a refusal). */
export const KNOWN_CARRIERS = [
  'USPS',
  'UPS',
  'FedEx',
  'DHL',
  'OnTrac',
  'LaserShip',
  'Amazon Shipping',
] as const;

export function exportColumns(schema: TableSchema, header: readonly Cell[]): ExportColumn[] {
  const index = indexColumns(schema, header);
  const byPosition = new Map<number, ColumnSpec>();
  for (const [name, pos] of index.positions) {
    const spec = schema.columns.find((c) => c.name === name);
    if (spec) byPosition.set(pos, spec);
  }
  const out: ExportColumn[] = [];
  for (let i = 0; i < index.width; i++) {
    const text = header[i] === null || header[i] === undefined ? '' : cellText(header[i]);
    const spec = byPosition.get(i) ?? null;
    out.push({
      header: text,
      spec,
      kind: spec ? kindOf(spec) : 'general',
      width: Math.min(60, Math.max(spec?.width ?? 0, text.length + 2, 8)),
      list: spec ? listOf(spec) : undefined,
    });
  }
  return out;
}

function kindOf(spec: ColumnSpec): ExportKind {
  if (spec.keepAsText) return 'text';
  switch (spec.type) {
    case 'int':
    case 'decimal':
    case 'money':
    case 'date':
    case 'bool':
      return spec.type;
    default:
      return 'text';
  }
}

function listOf(spec: ColumnSpec): ExportColumn['list'] {
  if (spec.type === 'enum' && spec.values && spec.values.length > 0)
    return { values: spec.values, strict: true };
  if (spec.name === 'carrier') return { values: KNOWN_CARRIERS, strict: false };
  return undefined;
}

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The value an xlsx export stores: text as text (neutralised), numbers as numbers (a negative amount is a
 * number, not a formula), dates of date columns as real dates, booleans as booleans.
 */
export function exportXlsxValue(column: ExportColumn, cell: Cell | undefined): Cell {
  if (cell === null || cell === undefined || cell === '') return null;
  switch (column.kind) {
    case 'text':
      return neutralizeText(typeof cell === 'string' ? cell : cellText(cell));
    case 'int':
    case 'decimal':
    case 'money':
      if (typeof cell === 'number') return cell;
      if (typeof cell === 'string' && PLAIN_NUMBER.test(cell.trim())) return Number(cell.trim());
      break;
    case 'date':
      if (cell instanceof Date) return cell;
      if (typeof cell === 'string' && ISO_DATE.test(cell.trim())) return new Date(`${cell.trim()}T00:00:00Z`);
      break;
    case 'bool':
      if (typeof cell === 'boolean') return cell;
      break;
  }
  if (typeof cell === 'string') return neutralizeText(cell);
  return cell;
}

/** The text a CSV/TSV export writes: numbers without exponents, dates as ISO text, text neutralised. */
export function exportFieldText(column: ExportColumn, cell: Cell | undefined): string {
  const value = exportXlsxValue(column, cell);
  if (value === null) return '';
  if (value instanceof Date) {
    const iso = toIsoUtc(value);
    return column.kind === 'date' && /T00:00:00Z$/.test(iso) ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return numberText(value);
  return value;
}

/** The shortest text that reads back as the same number (exponent only past 1e21 or below 1e-6). */
function numberText(n: number): string {
  if (Object.is(n, -0)) return '0';
  return String(n);
}
