/**
 * A Workbook on a Google Sheet through the Sheets API v4 (@googleapis/sheets). A read is one spreadsheets.get
 * (sheet properties) and one values.batchGet for every table asked for; a write is one spreadsheets.get, one
 * batchUpdate that adds a hidden staging sheet, one values.batchUpdate per ~1 MB of values, and one atomic
 * batchUpdate that commits: the number of requests does not grow with the number of rows or tables.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import type { Grid, Workbook, WritePlan } from '../../core';
import { isEmptyPlan, trimGrid } from '../../core';
import { quoteSheetName } from './a1';
import { MissingSheetError, planWrite } from './planWrite';
import type { PlannedWrite } from './planWrite';
import type { RetryPolicy } from './retry';
import { withRetry } from './retry';
import type { SheetMeta } from './sheetMeta';
import type { LockHolder } from './sheetLock';
import { acquireSheetLock, LOCK_TITLE } from './sheetLock';
import { findSheet, isStaging, META_FIELDS, stagingTitle, toSheetMeta } from './sheetMeta';
import { fromSheetsValue } from './sheetsCell';
import type { ErrorContext } from './sheetsError';
import { explain, GoogleSheetError } from './sheetsError';

export interface GoogleSheetsWorkbookOptions {
  readonly spreadsheetId: string;
  /** A client made by `sheetsClient()` (rootUrl, auth, gaxios retry off). */
  readonly sheets: sheets_v4.Sheets;
  readonly retry?: RetryPolicy;
  /** Largest values.batchUpdate body (default 1,000,000 bytes: well under Google's advised 2 MB). */
  readonly maxRequestBytes?: number;
  /** Who the requests run as, for error messages (e.g. a service account's e-mail). */
  readonly principal?: string;
  readonly now?: () => number;
  readonly random?: () => number;
  /** Told when a read, the uploads and the commit start (a terminal shows them as phases). */
  readonly onPhase?: (label: string) => void;
}

export const DEFAULT_MAX_REQUEST_BYTES = 1_000_000;

export class GoogleSheetsWorkbook implements Workbook {
  readonly label: string;
  readonly spreadsheetId: string;
  private readonly api: sheets_v4.Sheets;
  private readonly options: GoogleSheetsWorkbookOptions;
  private readonly ctx: ErrorContext;

  constructor(options: GoogleSheetsWorkbookOptions) {
    this.options = options;
    this.spreadsheetId = options.spreadsheetId;
    this.api = options.sheets;
    this.label = `gsheet:${options.spreadsheetId}`;
    this.ctx = { label: this.label, spreadsheetId: options.spreadsheetId, principal: options.principal };
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private random(): number {
    return (this.options.random ?? Math.random)();
  }

  /** One API call with retries; any failure becomes a GoogleSheetError saying what was being done. */
  private async call<T>(
    what: string,
    request: () => Promise<{ data: T }>,
    onRetry?: () => void,
    override: RetryPolicy = {},
  ): Promise<T> {
    const policy: RetryPolicy = {
      ...this.options.retry,
      ...override,
      onRetry: (info) => {
        onRetry?.();
        this.options.retry?.onRetry?.(info);
      },
    };
    try {
      return (await withRetry(`${this.label}: ${what}`, request, policy)).data;
    } catch (e) {
      throw explain(e, what, this.ctx);
    }
  }

  /** A sheet id not in `used` (then added to it): the API lets clients choose ids, up to 2^31 - 1. */
  private freshSheetId(used: Set<number>): number {
    for (;;) {
      const id = 1 + Math.floor(this.random() * 2_000_000_000);
      if (!used.has(id)) {
        used.add(id);
        return id;
      }
    }
  }

  private async meta(): Promise<SheetMeta[]> {
    const data = await this.call('reading the list of sheets', () =>
      this.api.spreadsheets.get({ spreadsheetId: this.spreadsheetId, fields: META_FIELDS }),
    );
    return toSheetMeta(data.sheets);
  }

  async sheetNames(): Promise<string[]> {
    return (await this.meta())
      .filter((m) => !isStaging(m.title) && m.title !== LOCK_TITLE)
      .sort((a, b) => a.index - b.index)
      .map((m) => m.title);
  }

  async read(names: readonly string[]): Promise<ReadonlyMap<string, Grid | null>> {
    const out = new Map<string, Grid | null>();
    if (names.length === 0) return out;
    const meta = await this.meta();
    const present = names.map((n) => ({ name: n, sheet: findSheet(meta, n) }));
    const ranges = present.filter((p) => p.sheet).map((p) => quoteSheetName(p.sheet!.title));
    if (ranges.length > 0)
      this.options.onPhase?.(
        `Reading ${ranges.length} sheet${ranges.length > 1 ? 's' : ''} from Google Sheets`,
      );
    const got =
      ranges.length === 0
        ? []
        : ((
            await this.call(
              `reading ${present
                .filter((p) => p.sheet)
                .map((p) => p.name)
                .join(', ')}`,
              () =>
                this.api.spreadsheets.values.batchGet({
                  spreadsheetId: this.spreadsheetId,
                  ranges,
                  majorDimension: 'ROWS',
                  valueRenderOption: 'UNFORMATTED_VALUE',
                  dateTimeRenderOption: 'SERIAL_NUMBER',
                }),
            )
          ).valueRanges ?? []);
    let i = 0;
    for (const p of present) {
      if (!p.sheet) {
        out.set(p.name, null);
        continue;
      }
      const values = (got[i++]?.values ?? []) as unknown[][];
      out.set(p.name, trimGrid(values.map((row) => (row ?? []).map(fromSheetsValue))));
    }
    return out;
  }

  /**
   * Hold the spreadsheet for one run (as the .xlsx backend's lock file does): resolves to the release
   * function. Another run holding it is refused with a message saying who and since when.
   */
  async lock(owner: string, options: { staleMs?: number } = {}): Promise<() => Promise<void>> {
    const holder: LockHolder = {
      owner,
      at: this.now(),
      token: Math.floor(this.random() * 2 ** 48).toString(36),
    };
    return acquireSheetLock(
      {
        label: this.label,
        meta: () => this.meta(),
        newSheetId: (meta) => this.freshSheetId(new Set(meta.map((m) => m.sheetId))),
        readCell: async (range) =>
          (
            await this.call('reading the lock', () =>
              this.api.spreadsheets.values.get({
                spreadsheetId: this.spreadsheetId,
                range,
                valueRenderOption: 'UNFORMATTED_VALUE',
              }),
            )
          ).values?.[0]?.[0],
        batchUpdate: (what, requests, onRetry) =>
          this.call(
            what,
            () =>
              this.api.spreadsheets.batchUpdate({
                spreadsheetId: this.spreadsheetId,
                requestBody: { requests },
              }),
            onRetry,
          ),
      },
      holder,
      options,
    );
  }

  async write(plan: WritePlan): Promise<void> {
    if (isEmptyPlan(plan)) return;
    const meta = await this.meta();
    const used = new Set(meta.map((m) => m.sheetId));
    const newSheetId = () => this.freshSheetId(used);
    let planned: PlannedWrite;
    try {
      planned = planWrite(plan, meta, {
        label: this.label,
        stagingTitle: stagingTitle(this.now(), () => this.random()),
        newSheetId,
        maxRequestBytes: this.options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES,
        now: this.now(),
      });
    } catch (e) {
      if (e instanceof MissingSheetError) throw new GoogleSheetError(e.message);
      throw e;
    }
    const { staging } = planned;
    const tables = planned.sheets.join(', ');

    // 1. The staging sheet. Retrying an addSheet that was applied fails ("already exists"): then check.
    let unsure = false;
    try {
      await this.call(
        'adding a staging sheet',
        () =>
          this.api.spreadsheets.batchUpdate({
            spreadsheetId: this.spreadsheetId,
            requestBody: {
              requests: [
                {
                  addSheet: {
                    properties: {
                      sheetId: staging.sheetId,
                      title: staging.title,
                      hidden: true,
                      gridProperties: { rowCount: staging.rowCount, columnCount: staging.columnCount },
                    },
                  },
                },
              ],
            },
          }),
        () => (unsure = true),
      );
    } catch (e) {
      if (!unsure || !(await this.hasSheet(staging.sheetId)))
        throw this.notWritten(e, tables, 'preparing the write');
    }

    // 2. The values, RAW, into the staging sheet only.
    this.options.onPhase?.(
      `Uploading to Google Sheets (${planned.uploads.length} request${planned.uploads.length > 1 ? 's' : ''})`,
    );
    try {
      for (const [i, data] of planned.uploads.entries()) {
        await this.call(`uploading values (part ${i + 1} of ${planned.uploads.length})`, () =>
          this.api.spreadsheets.values.batchUpdate({
            spreadsheetId: this.spreadsheetId,
            requestBody: { valueInputOption: 'RAW', data, includeValuesInResponse: false },
          }),
        );
      }
    } catch (e) {
      await this.dropStaging(staging.sheetId);
      throw this.notWritten(e, tables, 'uploading the values');
    }

    // 3. The commit: one atomic batchUpdate. It deletes the staging sheet, so after an answer lost to a
    //    timeout or a 5xx, the staging sheet being gone proves the commit was applied.
    unsure = false;
    this.options.onPhase?.(`Writing ${tables} on Google Sheets`);
    try {
      await this.call(
        `writing ${tables}`,
        () =>
          this.api.spreadsheets.batchUpdate({
            spreadsheetId: this.spreadsheetId,
            requestBody: { requests: planned.commit },
          }),
        () => (unsure = true),
      );
    } catch (e) {
      if (unsure) {
        let applied: boolean;
        try {
          applied = !(await this.hasSheet(staging.sheetId));
        } catch {
          throw new GoogleSheetError(
            `${this.label}: the write to ${tables} may or may not have been applied (Google did not answer, then could not be asked). ` +
              `Look at the spreadsheet: if a hidden sheet named ${staging.title} is still there, nothing was written and it can be deleted.`,
          );
        }
        if (applied) return;
      }
      await this.dropStaging(staging.sheetId);
      throw this.notWritten(e, tables, `writing ${tables}`);
    }
  }

  private notWritten(e: unknown, tables: string, what: string): GoogleSheetError {
    const err = explain(e, what, this.ctx);
    return new GoogleSheetError(`${err.message} Nothing was written to ${tables}.`);
  }

  private async hasSheet(sheetId: number): Promise<boolean> {
    return (await this.meta()).some((m) => m.sheetId === sheetId);
  }

  /** Best effort: a staging sheet left behind is hidden, and the next write removes it after an hour. */
  private async dropStaging(sheetId: number): Promise<void> {
    try {
      await this.call(
        'removing the staging sheet',
        () =>
          this.api.spreadsheets.batchUpdate({
            spreadsheetId: this.spreadsheetId,
            requestBody: { requests: [{ deleteSheet: { sheetId } }] },
          }),
        undefined,
        // A few tries only: the write has already failed, and a leftover is removed later anyway.
        { maxAttempts: 3 },
      );
    } catch {
      // Left for the next write's commit to remove.
    }
  }
}
