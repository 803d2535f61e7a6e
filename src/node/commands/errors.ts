/** Errors a command reports as bad usage or unreadable input (exit 2, nothing written), without a stack trace. */
import { InputFileError } from '../flatfiles/readTableFile';
import { GoogleCredentialsError } from '../gsheets/googleAuth';
import { SignInError } from '../gsheets/installedAppFlow';
import { GoogleSheetError } from '../gsheets/sheetsError';
import { BookSpecError } from '../openBook';
import { ReportOutputError } from '../reports/salesReportRun';
import { WorkbookBusyError } from '../xlsx/fileLock';
import { WorkbookFileError } from '../xlsx/xlsxWorkbook';

export class UsageError extends Error {}

export function isUserError(e: unknown): e is Error {
  return (
    e instanceof UsageError ||
    e instanceof InputFileError ||
    e instanceof BookSpecError ||
    e instanceof WorkbookBusyError ||
    e instanceof WorkbookFileError ||
    e instanceof ReportOutputError ||
    e instanceof GoogleSheetError ||
    e instanceof GoogleCredentialsError ||
    e instanceof SignInError
  );
}
