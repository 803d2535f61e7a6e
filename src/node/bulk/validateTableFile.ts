/**
 * `shipsheet import TABLE FILE --check`: every row of a bulk file validated against the table's schema in one
 * streaming pass — chunks of rows decoded and dropped, keys remembered only to find duplicates, problems
 * streamed to FILE.errors.csv — so a million-row file is checked in bounded memory without touching a book.
 */
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify';
import type { ActionResult, Cell, FieldValue, Grid, Problem, TableSchema } from '../../core';
import { checkTableHeader, decodeTable, keyOf, neutralizeText, problem, refused } from '../../core';
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

const CHUNK = 2048;
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
  let header: Cell[] | null = null;
  let headerRowNumber = 0;
  let chunk: SheetRow[] = [];
  const seen = new Map<string, number>();
  let rows = 0;
  let rejected = 0;
  const flush = () => {
    if (!header || chunk.length === 0) return;
    const first = chunk[0].rowNumber;
    const grid: Grid = [header];
    for (const r of chunk) {
      while (grid.length < r.rowNumber - first + 1) grid.push([]);
      grid.push(r.cells);
    }
    const decoded = decodeTable(schema, grid, { source, firstRowNumber: first - 1 });
    const bad = new Set<number>();
    for (const p of decoded.problems) {
      if (p.row !== null) bad.add(p.row);
      report(p);
    }
    for (const row of decoded.rows) {
      rows++;
      if (bad.has(row.rowNumber) || !row.valid) {
        rejected++;
        continue;
      }
      if (schema.key.length === 0) continue;
      const key = keyOf(schema, row.record as Record<string, FieldValue>);
      if (key === null) continue;
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
    }
    chunk = [];
    options.progress?.update(`Checking ${source}`, rows, 0);
  };
  const start = (): string | null => {
    const grid: Grid = [];
    for (const r of head) {
      while (grid.length < r.rowNumber - 1) grid.push([]);
      grid[r.rowNumber - 1] = r.cells;
    }
    const check = checkTableHeader(schema, grid, source);
    if (!check.ok) return check.message;
    headerRowNumber = check.headerIndex + 1;
    header = grid[check.headerIndex];
    chunk = head.filter((r) => r.rowNumber > headerRowNumber);
    return null;
  };
  try {
    for await (const row of input.rows) {
      if (!header) {
        head.push(row);
        if (head.length < HEADER_SCAN_ROWS) continue;
        const refusal = start();
        if (refusal) return refused(action, refusal);
        continue;
      }
      chunk.push(row);
      if (chunk.length >= CHUNK) flush();
    }
    if (!header) {
      const refusal = start();
      if (refusal) return refused(action, refusal);
    }
    flush();
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
