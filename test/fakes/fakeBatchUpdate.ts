/** The fake Sheets API's spreadsheets.batchUpdate requests, each validated as Google does (errors name requests[i]). */
import type { FakeCell, FakeSheet, FakeSpreadsheet, Value } from './fakeSheetsModel';
import { ApiError, gridRange, own, setCell } from './fakeSheetsModel';

export function applyRequest(
  book: FakeSpreadsheet,
  request: Record<string, unknown>,
  i: number,
  nextSheetId: () => number,
): unknown {
  const keys = Object.keys(request);
  if (keys.length !== 1)
    throw new ApiError(400, `Invalid requests[${i}]: exactly one kind of request must be set`);
  const kind = keys[0];
  const r = request[kind] as Record<string, unknown>;
  const fail = (msg: string): never => {
    throw new ApiError(400, `Invalid requests[${i}].${kind}: ${msg}`);
  };
  const byId = (id: unknown): FakeSheet =>
    own(book.sheets.find((s) => s.sheetId === (id ?? 0)) ?? fail(`No grid with id: ${String(id ?? 0)}`));
  switch (kind) {
    case 'addSheet': {
      const p = (r.properties ?? {}) as Record<string, unknown>;
      const title = String(p.title ?? `Sheet${book.sheets.length + 1}`);
      if (book.sheets.some((s) => s.title.toLowerCase() === title.toLowerCase()))
        fail(`A sheet with the name "${title}" already exists. Please enter another name.`);
      const sheetId = p.sheetId === undefined ? nextSheetId() : Number(p.sheetId);
      if (book.sheets.some((s) => s.sheetId === sheetId)) fail(`Sheet with id ${sheetId} already exists.`);
      const g = (p.gridProperties ?? {}) as Record<string, number>;
      const sheet: FakeSheet = {
        sheetId,
        title,
        index: book.sheets.length,
        hidden: Boolean(p.hidden),
        rowCount: g.rowCount ?? 1000,
        columnCount: g.columnCount ?? 26,
        frozenRowCount: g.frozenRowCount ?? 0,
        cells: [],
      };
      if (sheet.frozenRowCount >= sheet.rowCount) fail('You cannot freeze all rows of a sheet.');
      book.sheets.push(sheet);
      return { addSheet: { properties: { sheetId, title, index: sheet.index } } };
    }
    case 'deleteSheet': {
      const s = byId(r.sheetId);
      if (book.sheets.length === 1) fail("You can't remove all the sheets in a document.");
      book.sheets = book.sheets.filter((x) => x !== s);
      book.sheets.forEach((x, idx) => (x.index = idx));
      return {};
    }
    case 'updateSheetProperties': {
      const p = (r.properties ?? {}) as Record<string, unknown>;
      const s = byId(p.sheetId);
      const fields = String(r.fields ?? '').split(',');
      for (const f of fields) {
        if (f === 'gridProperties.frozenRowCount') {
          const n = Number((p.gridProperties as Record<string, number>)?.frozenRowCount ?? 0);
          if (n >= s.rowCount) fail('You cannot freeze all rows of a sheet.');
          s.frozenRowCount = n;
        } else if (f === 'title') s.title = String(p.title);
        else if (f === 'hidden') s.hidden = Boolean(p.hidden);
        else fail(`The fake does not support the field ${f}`);
      }
      return {};
    }
    case 'appendDimension': {
      const s = byId(r.sheetId);
      const n = Number(r.length);
      if (!(n > 0)) fail('length must be positive');
      if (r.dimension === 'ROWS') s.rowCount += n;
      else if (r.dimension === 'COLUMNS') s.columnCount += n;
      else fail(`Unknown dimension ${String(r.dimension)}`);
      return {};
    }
    case 'deleteDimension': {
      const range = r.range as Record<string, unknown>;
      const s = byId(range.sheetId);
      const start = Number(range.startIndex ?? 0);
      const end = Number(range.endIndex ?? (range.dimension === 'ROWS' ? s.rowCount : s.columnCount));
      if (range.dimension !== 'ROWS') fail('The fake deletes rows only');
      if (start < 0 || end > s.rowCount || start >= end)
        fail(`Invalid range [${start}, ${end}) for ${s.rowCount} rows`);
      const remaining = s.rowCount - (end - start);
      if (remaining <= s.frozenRowCount) fail('Sorry, it is not possible to delete all non-frozen rows.');
      s.cells.splice(start, end - start);
      s.rowCount = remaining;
      return {};
    }
    case 'updateCells': {
      const fields = String(r.fields ?? '');
      if (!fields) fail('fields is required');
      const rows = (r.rows ?? []) as { values?: { userEnteredValue?: Record<string, Value> }[] }[];
      const range = (r.range ?? null) as Record<string, number> | null;
      const startAt = r.start as Record<string, number> | undefined;
      const s = byId(range ? range.sheetId : startAt?.sheetId);
      const g = range
        ? gridRange(s, range, fail)
        : {
            r0: startAt?.rowIndex ?? 0,
            c0: startAt?.columnIndex ?? 0,
            r1: (startAt?.rowIndex ?? 0) + rows.length,
            c1: Infinity,
          };
      if (!fields.split(',').every((f) => f === 'userEnteredValue'))
        fail(`The fake supports fields=userEnteredValue only`);
      for (let rr = g.r0; rr < Math.min(g.r1, s.rowCount); rr++)
        for (let cc = g.c0; cc < Math.min(g.c1, s.columnCount); cc++) {
          const cd = rows[rr - g.r0]?.values?.[cc - g.c0]?.userEnteredValue;
          const v = cd ? (cd.stringValue ?? cd.numberValue ?? cd.boolValue) : undefined;
          const cell = s.cells[rr]?.[cc];
          if (v === undefined) {
            if (cell) delete cell.v;
          } else setCell(s, rr, cc, { ...(cell ?? {}), v });
        }
      return {};
    }
    case 'repeatCell': {
      const range = r.range as Record<string, number>;
      const s = byId(range.sheetId);
      const g = gridRange(s, range, fail);
      const fmt = ((r.cell ?? {}) as { userEnteredFormat?: Record<string, unknown> }).userEnteredFormat ?? {};
      const fields = String(r.fields ?? '').split(',');
      for (let rr = g.r0; rr < g.r1; rr++)
        for (let cc = g.c0; cc < g.c1; cc++) {
          const cell = { ...(s.cells[rr]?.[cc] ?? {}) };
          for (const f of fields) {
            if (f === 'userEnteredFormat.numberFormat')
              cell.numberFormat = fmt.numberFormat as FakeCell['numberFormat'];
            else if (f === 'userEnteredFormat.textFormat.bold')
              cell.bold = Boolean((fmt.textFormat as { bold?: boolean } | undefined)?.bold);
            else fail(`The fake does not support the field ${f}`);
          }
          setCell(s, rr, cc, cell);
        }
      return {};
    }
    case 'copyPaste': {
      const src = r.source as Record<string, number>;
      const dst = r.destination as Record<string, number>;
      const from = byId(src.sheetId);
      const to = byId(dst.sheetId);
      const a = gridRange(from, src, fail);
      const b = gridRange(to, dst, fail);
      const type = String(r.pasteType ?? 'PASTE_NORMAL');
      if (type !== 'PASTE_VALUES' && type !== 'PASTE_NORMAL') fail(`The fake does not support ${type}`);
      const h = a.r1 - a.r0;
      const w = a.c1 - a.c0;
      // A destination that is a multiple of the source repeats it; a smaller one still takes it whole.
      const rows = Math.max(h, Math.floor((b.r1 - b.r0) / h) * h);
      const cols = Math.max(w, Math.floor((b.c1 - b.c0) / w) * w);
      if (b.r0 + rows > to.rowCount || b.c0 + cols > to.columnCount) fail('Range exceeds grid limits.');
      const snapshot: (FakeCell | undefined)[][] = [];
      for (let rr = 0; rr < h; rr++)
        snapshot.push(Array.from({ length: w }, (_, cc) => from.cells[a.r0 + rr]?.[a.c0 + cc]));
      for (let rr = 0; rr < rows; rr++)
        for (let cc = 0; cc < cols; cc++) {
          const sc = snapshot[rr % h][cc % w];
          const current = to.cells[b.r0 + rr]?.[b.c0 + cc];
          const next: FakeCell =
            type === 'PASTE_VALUES' ? { ...(current ?? {}), v: sc?.v } : { ...(sc ?? {}) };
          if (next.v === undefined) delete next.v;
          setCell(to, b.r0 + rr, b.c0 + cc, next);
        }
      return {};
    }
    default:
      throw new ApiError(
        400,
        `Invalid JSON payload received. Unknown name "${kind}" at 'requests[${i}]': Cannot find field.`,
      );
  }
}
