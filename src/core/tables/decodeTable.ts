/** A grid read from a sheet or file to typed records, with every problem collected. */
import type { Cell, Grid } from './cell';
import type { ColumnIndex } from './columnIndex';
import { indexColumns } from './columnIndex';
import type { Problem } from './problem';
import { problem } from './problem';
import { compileRowDecoder, isBlankRow } from './rowDecoder';
import type { RecordOf, TableSchema } from './schema';

export interface DecodedRow<R> {
  /** 1-based row number in the sheet or file (the header is `headerRow`). */
  readonly rowNumber: number;
  readonly record: R;
  /** False when a cell failed validation; the failing fields are null in `record`. */
  readonly valid: boolean;
  readonly cells: readonly Cell[];
}

export interface DecodedTable<R> {
  readonly columns: ColumnIndex;
  readonly rows: DecodedRow<R>[];
  readonly problems: Problem[];
  /** False when the header lacks a required column: then no row is decoded. */
  readonly usable: boolean;
  /** 1-based row of the header in the grid's sheet or file. */
  readonly headerRow: number;
  /** Number of grid rows below the header, blank ones included (the next appended row is headerRow + this + 1). */
  readonly dataRowCount: number;
}

export interface DecodeOptions {
  /** Name used in problems (the sheet, or the file being imported). */
  source?: string;
  /** Grid index of the header row (default 0); data rows follow it. */
  headerIndex?: number;
  /** Rows are numbered from this 1-based line for the header (default headerIndex + 1). */
  firstRowNumber?: number;
  /** Check `required` columns (default true). Off for tables where a workflow fills them later. */
  checkRequired?: boolean;
  /** Decode only these columns (the others are left out of the records): for steps that read a few of many. */
  only?: readonly string[];
}

export function decodeTable<S extends TableSchema>(
  schema: S,
  grid: Grid,
  options: DecodeOptions = {},
): DecodedTable<RecordOf<S>> {
  const source = options.source ?? schema.name;
  const headerIndex = options.headerIndex ?? 0;
  const headerRow = options.firstRowNumber ?? headerIndex + 1;
  const header = grid[headerIndex] ?? [];
  const columns = indexColumns(schema, header);
  const problems: Problem[] = [];
  const checkRequired = options.checkRequired ?? true;
  const missingRequired = schema.columns.filter((c) => c.required && !columns.positions.has(c.name));
  const dataRowCount = Math.max(0, grid.length - headerIndex - 1);
  if (missingRequired.length > 0) {
    problems.push(
      problem(
        source,
        headerRow,
        null,
        `the header has no ${missingRequired.map((c) => c.name).join(', ')} column${missingRequired.length > 1 ? 's' : ''}`,
      ),
    );
    return { columns, rows: [], problems, usable: false, headerRow, dataRowCount };
  }
  const decoder = compileRowDecoder<RecordOf<S>>(schema.columns, columns, {
    source,
    checkRequired,
    only: options.only,
  });
  const rows: DecodedRow<RecordOf<S>>[] = [];
  for (let i = headerIndex + 1; i < grid.length; i++) {
    const cells = grid[i] ?? [];
    if (isBlankRow(cells)) continue;
    const rowNumber = headerRow + (i - headerIndex);
    const { record, valid } = decoder.decode(cells, rowNumber, problems);
    rows.push({ rowNumber, record, valid, cells });
  }
  return { columns, rows, problems, usable: true, headerRow, dataRowCount };
}
