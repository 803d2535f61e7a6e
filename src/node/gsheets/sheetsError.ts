/** Sheets API failures as messages a seller can act on (share the sheet, check the id, sign in again). */
import { RetriesExhaustedError, statusOf } from './retry';

/** A Google Sheets problem the CLI reports without a stack trace (exit 2: nothing written unless it says so). */
export class GoogleSheetError extends Error {}

interface GoogleErrorBody {
  error?: { code?: number; message?: string; status?: string };
}

/** Google's own message from an error response body, when there is one. */
export function googleMessage(e: unknown): string | undefined {
  const data = (e as { response?: { data?: unknown } })?.response?.data;
  const body = (typeof data === 'string' ? safeJson(data) : data) as GoogleErrorBody | undefined;
  return body?.error?.message;
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

export interface ErrorContext {
  readonly label: string;
  readonly spreadsheetId: string;
  /** Who the requests run as (a service account's e-mail), for the "share the sheet with" hint. */
  readonly principal?: string;
}

/** Turn any failure of an API call into a GoogleSheetError; `what` says what was being done. */
export function explain(e: unknown, what: string, ctx: ErrorContext): GoogleSheetError {
  if (e instanceof GoogleSheetError) return e;
  if (e instanceof RetriesExhaustedError) return new GoogleSheetError(`${ctx.label}: ${e.message}`);
  const status = statusOf(e);
  const google = googleMessage(e) ?? (e as Error)?.message ?? String(e);
  const who = ctx.principal ? ` with ${ctx.principal}` : '';
  const oauth = (e as { response?: { data?: { error?: unknown } } })?.response?.data?.error;
  if (oauth === 'invalid_grant' || /invalid_grant/.test(google))
    return new GoogleSheetError(
      `${ctx.label}: the saved Google sign-in was revoked or has expired (invalid_grant). Run shipsheet google login --credentials CLIENT.json again.`,
    );
  switch (status) {
    case 401:
      return new GoogleSheetError(
        `${ctx.label}: Google refused the credentials while ${what} (${google}). Sign in again (shipsheet google login) or check the key file or access token.`,
      );
    case 403:
      return new GoogleSheetError(
        `${ctx.label}: no permission while ${what} (${google}). Share the spreadsheet${who} as an Editor (Share, in the sheet), and check the Google Sheets API is enabled for the project.`,
      );
    case 404:
      return new GoogleSheetError(
        `${ctx.label}: Google has no spreadsheet with id ${ctx.spreadsheetId} (${google}). The id is the part of the sheet's URL between /d/ and /edit.`,
      );
    default:
      return new GoogleSheetError(
        `${ctx.label}: Google Sheets failed while ${what}${status ? ` (HTTP ${status})` : ''}: ${google}`,
      );
  }
}
