/** The `shipsheet` command: parse options, run a core workflow through an adapter, print what changed. */
import { Command, CommanderError } from 'commander';
import { COMMANDS } from './commands';
import { isUserError } from './commands/errors';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('shipsheet')
    .description(
      'Amazon merchant-fulfilled orders on a spreadsheet: import, check stock, choose carriers, labels, tracking, reports.',
    )
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();
  for (const register of COMMANDS) register(program);
  for (const c of program.commands) c.exitOverride();
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (
        e.code === 'commander.helpDisplayed' ||
        e.code === 'commander.version' ||
        e.code === 'commander.help'
      )
        return 0;
      return 2;
    }
    if (isUserError(e)) {
      process.stderr.write(`shipsheet: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`shipsheet: unexpected error: ${(e as Error).stack ?? String(e)}\n`);
    return 2;
  }
}

if (require.main === module && !process.env.SHIPSHEET_NO_MAIN) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
