/**
 * Import orders… : the dialog hands over the uploaded report's bytes (base64); they are decoded with
 * Utilities in the encoding the core detects (UTF-8, UTF-16, Windows-1252, Shift-JIS), split as Amazon's
 * tab-delimited text (or Utilities.parseCsv for .csv), parsed by the core's order-report reader, and merged
 * into Orders by the same importOrders step the CLI runs.
 */
import type { Grid } from '../../src/core';
import {
  detectEncoding,
  importOrders,
  looksBinary,
  looksLikeZip,
  parseOrderReport,
  splitTabDelimited,
} from '../../src/core';
import type { ActionSpec } from '../actions/actionTable';
import type { RunOutcome } from '../actions/runAction';
import { runAction } from '../actions/runAction';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Apps Script's charset names for the encodings the core detects. */
const CHARSETS = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  'windows-1252': 'windows-1252',
  shift_jis: 'Shift_JIS',
} as const;

/** About 40 MB of text, well under what google.script.run carries and a sheet holds. */
const MAX_BYTES = 40 * 1024 * 1024;

export interface Upload {
  readonly name: string;
  readonly base64: string;
}

function refusedOutcome(body: string): RunOutcome {
  return {
    action: 'importOrders',
    status: 'refused',
    title: 'Import orders: nothing changed',
    body,
    problems: 0,
    passes: 0,
  };
}

export function decodeUpload(upload: Upload): { grid: Grid } | { error: string } {
  const name = String(upload?.name ?? 'upload');
  const signed = Utilities.base64Decode(String(upload?.base64 ?? ''));
  if (signed.length === 0) return { error: `${name} is empty.` };
  if (signed.length > MAX_BYTES)
    return {
      error: `${name} is ${Math.round(signed.length / 1048576)} MB; split it (at most 40 MB a file).`,
    };
  // Java bytes are signed; a Uint8Array wraps them to 0–255 natively (no per-byte JavaScript).
  const bytes = new Uint8Array(signed);
  if (looksLikeZip(bytes))
    return {
      error: `${name} is an Excel workbook. Upload Amazon's order report as downloaded (.txt, tab-delimited), or open the workbook in Sheets and paste its rows into Orders.`,
    };
  if (looksBinary(bytes))
    return { error: `${name} is not a text file (it holds binary data); upload the order report .txt.` };
  const encoding = detectEncoding(bytes);
  const text = Utilities.newBlob(signed).getDataAsString(CHARSETS[encoding]);
  const grid: Grid = /\.csv$/i.test(name)
    ? Utilities.parseCsv(text.replace(/^\uFEFF/, ''))
    : splitTabDelimited(text);
  return { grid };
}

export function importOrderFile(spreadsheet: Spreadsheet, upload: Upload): RunOutcome {
  const name = String(upload?.name ?? 'upload');
  const decoded = decodeUpload(upload);
  if ('error' in decoded) return refusedOutcome(decoded.error);
  const report = parseOrderReport(decoded.grid, name);
  const spec: ActionSpec = {
    id: 'importOrders',
    label: 'Import orders',
    handler: 'menuImportOrders',
    rows: 'none',
    logsItself: true,
    run: ({ book, context }) => importOrders(book, report, name, context),
  };
  return runAction(spec, { spreadsheet, interactive: false, source: name });
}
