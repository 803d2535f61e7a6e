/** `shipsheet google login|logout`: sign a person in to Google once (installed-app flow), or forget it. */
import type { Command } from 'commander';
import { userConfigDir } from '../gsheets/configDir';
import { resolveGoogleAuth } from '../gsheets/googleAuth';
import { TokenCache } from '../gsheets/tokenCache';
import { UsageError } from './errors';

export function registerGoogle(program: Command): void {
  const google = program.command('google').description('sign in to Google for gsheet: workbooks and sync');
  google
    .command('login')
    .description('sign in through the browser with an OAuth client for a Desktop app; the token is cached')
    .option(
      '--credentials <file>',
      'the OAuth client file (client_secret_….json); else SHIPSHEET_GOOGLE_CREDENTIALS',
    )
    .option('--readonly', 'ask only to read spreadsheets (enough for sync pull)')
    .action(async (opts: { credentials?: string; readonly?: boolean }) => {
      if (!opts.credentials && !process.env.SHIPSHEET_GOOGLE_CREDENTIALS)
        throw new UsageError(
          'shipsheet google login: pass --credentials CLIENT.json (an OAuth client for a Desktop app).',
        );
      const auth = await resolveGoogleAuth({
        credentialsFile: opts.credentials,
        readOnly: opts.readonly,
        interactive: true,
        forceSignIn: true,
        env: { ...process.env, SHIPSHEET_GOOGLE_ACCESS_TOKEN: '' },
      });
      process.stdout.write(
        `Signed in: Shipsheet will use ${auth.describe}. Token cached in ${userConfigDir()}.\n`,
      );
    });
  google
    .command('logout')
    .description('forget every cached Google sign-in')
    .action(() => {
      const n = new TokenCache(userConfigDir()).remove();
      process.stdout.write(
        n > 0 ? `Forgot ${n} Google sign-in${n > 1 ? 's' : ''}.\n` : 'No Google sign-in was cached.\n',
      );
    });
  google.commands.forEach((c) => c.exitOverride());
}
