/** The rejected rows of an import, as a CSV beside the input (row, column, value, message) to fix and re-import. */
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { ActionResult, Problem } from '../../core';
import { neutralizeText } from '../../core';

/** `in/listings.xlsx` → `in/listings.errors.csv`. */
export function errorsFileFor(file: string): string {
  const ext = path.extname(file);
  return path.join(path.dirname(file), `${path.basename(file, ext)}.errors.csv`);
}

/** Write the problems (a stale errors file is removed when there are none). Returns the path written, or null. */
export async function writeErrorsFile(file: string, problems: readonly Problem[]): Promise<string | null> {
  if (problems.length === 0) {
    await fs.promises.rm(file, { force: true });
    return null;
  }
  const tmp = `${file}.${process.pid}.tmp`;
  await pipeline(
    Readable.from(
      (function* () {
        yield ['row', 'column', 'value', 'message'];
        for (const p of problems)
          yield [
            p.row === null ? '' : String(p.row),
            neutralizeText(p.column ?? ''),
            neutralizeText(p.value ?? ''),
            neutralizeText(p.message),
          ];
      })(),
    ),
    stringify({ record_delimiter: '\r\n', bom: true }),
    fs.createWriteStream(tmp),
  );
  await fs.promises.rename(tmp, file);
  return file;
}

/**
 * An import's result with its rejected rows written to the errors file (`errorsFile`: a path, absent for the
 * default beside the input, false for none): a line naming the file and `data.errorsFile` added.
 */
export async function withErrorsFile(
  result: ActionResult,
  input: string,
  errorsFile: string | false | undefined,
): Promise<ActionResult> {
  if (errorsFile === false) return result;
  const written = await writeErrorsFile(errorsFile ?? errorsFileFor(input), result.problems);
  if (!written) return result;
  return {
    ...result,
    lines: [...result.lines, `Rejected rows and why: ${path.relative(process.cwd(), written) || written}`],
    data: {
      ...(typeof result.data === 'object' && result.data !== null ? result.data : {}),
      errorsFile: written,
    },
  };
}
