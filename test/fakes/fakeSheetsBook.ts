/** Test helper: a GoogleSheetsWorkbook on googleapis talking to the loopback fake server with a static token. */
import { OAuth2Client } from 'google-auth-library';
import type { Grid } from '../../src/core';
import type { GoogleSheetsWorkbookOptions } from '../../src/node/gsheets/googleSheetsWorkbook';
import { GoogleSheetsWorkbook } from '../../src/node/gsheets/googleSheetsWorkbook';
import { nodeFetch, sheetsClient } from '../../src/node/gsheets/sheetsClient';
import type { FakeSheetsServer } from './fakeSheetsServer';

let counter = 0;

export function fakeSheetsBook(
  server: FakeSheetsServer,
  spreadsheetId: string,
  options: Partial<GoogleSheetsWorkbookOptions> = {},
): GoogleSheetsWorkbook {
  const auth = new OAuth2Client({ transporterOptions: { fetchImplementation: nodeFetch } });
  auth.setCredentials({ access_token: 'test-token', expiry_date: Date.now() + 3600_000 });
  return new GoogleSheetsWorkbook({
    spreadsheetId,
    sheets: sheetsClient({ auth, rootUrl: server.rootUrl }),
    retry: { baseDelayMs: 1, maxDelayMs: 5, sleep: async () => undefined },
    ...options,
  });
}

export function newSpreadsheet(server: FakeSheetsServer, initial: Record<string, Grid> = {}): string {
  const id = `sheet${++counter}-${Math.random().toString(36).slice(2, 10)}`;
  server.addSpreadsheet(id, initial);
  return id;
}
