/**
 * `shipsheet import TABLE FILE --check`: every row of a bulk file validated against the table's schema in one
 * streaming pass — each row decoded (by a decoder compiled once for the header) and dropped, keys remembered
 * only to find duplicates, problems streamed to FILE.errors.csv in row order — so a million-row file is checked
 * in bounded memory without touching a book.
 */
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify';
import type { ActionResult, FieldValue, Grid, Problem, RowDecoder, TableSchema } from '../../core';
import {
  checkTableHeader,
  compileRowDecoder,
  indexColumns,
  isBlankRow,
  keyOf,
  neutralizeText,
  problem,
  refused,
} from '../../core';
import type { Progress } from '../progress';
import type { BulkLimits } from './bulkLimits';
import { errorsFileFor } from './errorsFile';
import type { SheetRow } from './xlsxRows';
import { openTableFile } from './tableFileRows';

export interface ValidateOptions {
  readonly encoding?: string;
  readonly sheet?: string;
  readonly limits?: BulkLimits;
  readonly progress?: Progress;
  readonly errorsFile?: string | false;
}

/** Rows between progress updates. */
const PROGRESS_EVERY = 2048;
const HEADER_SCAN_ROWS = 10;
/** Problems kept in the result (all of them go to the errors file). */
const PROBLEMS_KEPT = 1000;

export async function validateTableFile(
  schema: TableSchema,
  file: string,
  options: ValidateOptions = {},
): Promise<ActionResult> {
  const action = `check ${schema.name.toLowerCase()}`;
  const source = path.basename(file);
  const input = await openTableFile(file, {
    encoding: options.encoding,
    sheet: options.sheet,
    preferSheet: schema.name,
    limits: options.limits,
  });
  const errorsPath = options.errorsFile === false ? null : (options.errorsFile ?? errorsFileFor(file));
  const errors = errorsPath ? new ErrorsWriter(errorsPath) : null;
  const kept: Problem[] = [];
  let problemCount = 0;
  const report = (p: Problem) => {
    problemCount++;
    if (kept.length < PROBLEMS_KEPT) kept.push(p);
    errors?.write(p);
  };
  const head: SheetRow[] = [];
  let decoder: RowDecoder<Record<string, FieldValue>> | null = null;
  const seen = new Map<string, number>();
  let rows = 0;
  let rejected = 0;
  const rowProblems: Problem[] = [];
  const check = (row: SheetRow) => {
    if (isBlankRow(row.cells)) return;
    rows++;
    const { record, valid } = decoder!.decode(row.cells, row.rowNumber, rowProblems);
    if (rowProblems.length > 0) {
      for (const p of rowProblems) report(p);
      rowProblems.length = 0;
    }
    if (!valid) {
      rejected++;
      return;
    }
    if (schema.key.length === 0) return;
    const key = keyOf(schema, record);
    if (key === null) return;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      rejected++;
      report(
        problem(
          source,
          row.rowNumber,
          schema.key[schema.key.length - 1],
          `duplicate ${schema.key.join(' + ')}: the same as row ${earlier}; this row would not be imported`,
        ),
      );
    } else seen.set(key, row.rowNumber);
  };
  /** Find the header in the first rows and compile the row decoder for it; the message when it is not there. */
  const start = (): string | null => {
    const grid: Grid = [];
    for (const r of head) {
      while (grid.length < r.rowNumber - 1) grid.push([]);
      grid[r.rowNumber - 1] = r.cells;
    }
    const found = checkTableHeader(schema, grid, source);
    if (!found.ok) return found.message;
    const headerRowNumber = found.headerIndex + 1;
    const columns = indexColumns(schema, grid[found.headerIndex]);
    decoder = compileRowDecoder(schema.columns, columns, { source, checkRequired: true });
    for (const r of head) if (r.rowNumber > headerRowNumber) check(r);
    return null;
  };
  let nextProgress = PROGRESS_EVERY;
  try {
    for await (const batch of input.batches) {
      for (const row of batch) {
        if (decoder) {
          check(row);
          continue;
        }
        head.push(row);
        if (head.length < HEADER_SCAN_ROWS) continue;
        const refusal = start();
        if (refusal) return refused(action, refusal);
      }
      if (rows >= nextProgress) {
        options.progress?.update(`Checking ${source}`, rows, 0);
        nextProgress = rows + PROGRESS_EVERY;
      }
    }
    if (!decoder) {
      const refusal = start();
      if (refusal) return refused(action, refusal);
    }
    options.progress?.update(`Checking ${source}`, rows, 0);
  } finally {
    options.progress?.stop();
    await errors?.close(problemCount === 0);
  }
  const good = rows - rejected;
  const lines = [
    `Checked ${source} as ${schema.name}: ${rows} rows read: ${good} would be imported, ${rejected} rejected. Nothing was written to the workbook.`,
  ];
  if (problemCount > 0 && errorsPath)
    lines.push(`Rejected rows and why: ${path.relative(process.cwd(), errorsPath) || errorsPath}`);
  return {
    action,
    ok: true,
    changes: [],
    problems: kept,
    stats: { rowsRead: rows, valid: good, rejected, problems: problemCount },
    lines,
    data: errorsPath && problemCount > 0 ? { errorsFile: errorsPath } : undefined,
  };
}

/** Problems streamed to a CSV as they are found; the file is removed when there were none. */
class ErrorsWriter {
  private readonly stringifier = stringify({ record_delimiter: '\r\n', bom: true });
  private readonly done: Promise<void>;
  private readonly tmp: string;

  constructor(private readonly file: string) {
    this.tmp = `${file}.${process.pid}.tmp`;
    const out = fs.createWriteStream(this.tmp);
    this.stringifier.pipe(out);
    this.done = new Promise((resolve, reject) => {
      out.on('finish', () => resolve());
      out.on('error', reject);
    });
    this.stringifier.write(['row', 'column', 'value', 'message']);
  }

  write(p: Problem): void {
    this.stringifier.write([
      p.row === null ? '' : String(p.row),
      neutralizeText(p.column ?? ''),
      neutralizeText(p.value ?? ''),
      neutralizeText(p.message),
    ]);
  }

  async close(empty: boolean): Promise<void> {
    this.stringifier.end();
    await this.done;
    if (empty) {
      await fs.promises.rm(this.tmp, { force: true });
      await fs.promises.rm(this.file, { force: true });
    } else await fs.promises.rename(this.tmp, this.file);
  }
}
