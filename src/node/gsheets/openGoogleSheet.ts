/** `gsheet:ID` (or a sheet's URL) to a signed-in GoogleSheetsWorkbook. */
import os from 'node:os';
import type { GoogleAuthOptions } from './googleAuth';
import { resolveGoogleAuth } from './googleAuth';
import { GoogleSheetsWorkbook } from './googleSheetsWorkbook';
import type { RetryPolicy } from './retry';
import { sheetsClient, sheetsRootUrl } from './sheetsClient';
import { GoogleSheetError } from './sheetsError';

export interface OpenGoogleSheetOptions extends GoogleAuthOptions {
  readonly retry?: RetryPolicy;
  readonly maxRequestBytes?: number;
  /** Where to say that a run waits for quota (default stderr). */
  readonly notify?: (line: string) => void;
  readonly onPhase?: (label: string) => void;
}

/** Who holds a run's lock, for the message another run gets: user@host and the process id. */
export function runOwner(): string {
  let user = process.env.USER ?? 'someone';
  try {
    user = os.userInfo().username;
  } catch {
    // keep $USER
  }
  return `${user}@${os.hostname()}, pid ${process.pid}`;
}

/**
 * The spreadsheet id in `gsheet:ID`, a bare id, or a URL like https://docs.google.com/spreadsheets/d/ID/edit.
 * Null when there is none.
 */
export function spreadsheetIdOf(spec: string): string | null {
  const text = spec.trim().replace(/^gsheet:/i, '');
  const fromUrl = /\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(text);
  if (fromUrl) return fromUrl[1];
  return /^[A-Za-z0-9_-]{10,}$/.test(text) ? text : null;
}

export async function openGoogleSheet(
  spec: string,
  options: OpenGoogleSheetOptions = {},
): Promise<GoogleSheetsWorkbook> {
  const id = spreadsheetIdOf(spec);
  if (!id)
    throw new GoogleSheetError(
      `${spec}: not a Google spreadsheet id. Use gsheet:ID, where ID is the part of the sheet's URL between /d/ and /edit.`,
    );
  const env = options.env ?? process.env;
  const rootUrl = sheetsRootUrl(env);
  const auth = await resolveGoogleAuth(options);
  const notify = options.notify ?? ((line: string) => process.stderr.write(`${line}\n`));
  return new GoogleSheetsWorkbook({
    spreadsheetId: id,
    sheets: sheetsClient({ auth: auth.client, rootUrl }),
    principal: auth.principal,
    maxRequestBytes: options.maxRequestBytes,
    onPhase: options.onPhase,
    retry: {
      ...options.retry,
      onRetry: (info) => {
        notify(`Google Sheets: ${info.reason}; trying again in ${(info.delayMs / 1000).toFixed(1)} s.`);
        options.retry?.onRetry?.(info);
      },
    },
  });
}
