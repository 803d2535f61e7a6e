/**
 * Credentials for the Sheets API, the ways Google's Node users expect, in this order:
 * 1. `SHIPSHEET_GOOGLE_ACCESS_TOKEN`: a ready access token (e.g. from `gcloud auth print-access-token`);
 * 2. a key file from `--credentials PATH` or `SHIPSHEET_GOOGLE_CREDENTIALS`: a service account key (the sheet
 *    shared with its e-mail), an OAuth client of type Desktop app (a person signs in once, in the browser), or
 *    an authorized-user file;
 * 3. Application Default Credentials (`GOOGLE_APPLICATION_CREDENTIALS`, `gcloud auth application-default
 *    login`, or the metadata server on Google Cloud).
 * Credentials never come from the repository and are never printed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { GoogleAuth, JWT, OAuth2Client } from 'google-auth-library';
import type { OAuth2ClientOptions } from 'google-auth-library';
import { packageRoot } from '../packageRoot';
import { userConfigDir } from './configDir';
import type { OAuthClientFile } from './installedAppFlow';
import { installedAppClient } from './installedAppFlow';
import { nodeFetch } from './sheetsClient';

export const SCOPE_READ_WRITE = 'https://www.googleapis.com/auth/spreadsheets';
export const SCOPE_READ_ONLY = 'https://www.googleapis.com/auth/spreadsheets.readonly';

export class GoogleCredentialsError extends Error {}

export interface GoogleAuthOptions {
  /** A key file path (from `--credentials`); else `SHIPSHEET_GOOGLE_CREDENTIALS`. */
  readonly credentialsFile?: string;
  /** Only read the spreadsheet: ask for the read-only scope. */
  readonly readOnly?: boolean;
  readonly env?: NodeJS.ProcessEnv;
  /** Whether a browser sign-in may be started (default: stdin and stderr are terminals). */
  readonly interactive?: boolean;
  readonly say?: (line: string) => void;
  /** OAuth endpoints (tests point them at a loopback server). */
  readonly oauthEndpoints?: OAuth2ClientOptions['endpoints'];
  /** Sign in again even when a token is cached. */
  readonly forceSignIn?: boolean;
}

export interface ResolvedAuth {
  readonly client: OAuth2Client | GoogleAuth;
  /** How the run is signed in, for messages: never a secret. */
  readonly describe: string;
  /** The e-mail to share the sheet with, when known (a service account's). */
  readonly principal?: string;
}

interface KeyFile {
  type?: string;
  client_email?: string;
  private_key?: string;
  private_key_id?: string;
  installed?: OAuthClientFile;
  web?: OAuthClientFile;
}

export async function resolveGoogleAuth(options: GoogleAuthOptions = {}): Promise<ResolvedAuth> {
  const env = options.env ?? process.env;
  const scope = options.readOnly ? SCOPE_READ_ONLY : SCOPE_READ_WRITE;
  const token = env.SHIPSHEET_GOOGLE_ACCESS_TOKEN?.trim();
  if (token) {
    const client = new OAuth2Client({ transporterOptions: { fetchImplementation: nodeFetch } });
    client.setCredentials({ access_token: token });
    return { client, describe: 'the access token in SHIPSHEET_GOOGLE_ACCESS_TOKEN' };
  }
  const file = options.credentialsFile ?? env.SHIPSHEET_GOOGLE_CREDENTIALS;
  if (file) return fromKeyFile(file, scope, env, options);
  const adc = new GoogleAuth({
    scopes: [scope],
    clientOptions: { transporterOptions: { fetchImplementation: nodeFetch } },
  });
  try {
    await adc.getClient();
  } catch (e) {
    throw new GoogleCredentialsError(
      `No Google credentials found (${(e as Error).message}). Use one of: SHIPSHEET_GOOGLE_ACCESS_TOKEN=$(gcloud auth print-access-token); ` +
        `--credentials KEY.json (a service account key, or an OAuth client for a Desktop app); ` +
        `or Application Default Credentials (gcloud auth application-default login, or GOOGLE_APPLICATION_CREDENTIALS). See docs/google-sheets.md.`,
    );
  }
  return { client: adc, describe: 'Application Default Credentials' };
}

/** Refuse key files inside Shipsheet's own folder: they would be one `git add` away from the repository. */
function checkOutsideRepo(resolved: string): void {
  let root: string;
  try {
    root = fs.realpathSync(packageRoot());
  } catch {
    return;
  }
  const real = fs.realpathSync(resolved);
  const rel = path.relative(root, real);
  if (!rel.startsWith('..') && !path.isAbsolute(rel))
    throw new GoogleCredentialsError(
      `${resolved} is inside Shipsheet's folder (${root}). Keep credentials outside the repository, e.g. in ~/.config/shipsheet/, and pass that path.`,
    );
}

async function fromKeyFile(
  file: string,
  scope: string,
  env: NodeJS.ProcessEnv,
  options: GoogleAuthOptions,
): Promise<ResolvedAuth> {
  const resolved = path.resolve(file);
  let key: KeyFile;
  try {
    key = JSON.parse(fs.readFileSync(resolved, 'utf8')) as KeyFile;
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'is not a JSON key file';
    throw new GoogleCredentialsError(`${file} ${why}: pass a service account key or an OAuth client file.`);
  }
  checkOutsideRepo(resolved);
  if (key.type === 'service_account') {
    if (!key.client_email || !key.private_key)
      throw new GoogleCredentialsError(
        `${file}: the service account key has no client_email or private_key.`,
      );
    // A self-signed JWT with the scope (Google's "JWT access" for service accounts): no token exchange needed.
    const client = new JWT({
      email: key.client_email,
      key: key.private_key,
      keyId: key.private_key_id,
      scopes: [scope],
      transporterOptions: { fetchImplementation: nodeFetch },
    });
    client.useJWTAccessWithScope = true;
    return {
      client,
      describe: `the service account ${key.client_email}`,
      principal: `the service account ${key.client_email}`,
    };
  }
  const oauthClient = key.installed ?? key.web;
  if (oauthClient?.client_id) {
    const client = await installedAppClient(oauthClient, {
      scope,
      configDir: userConfigDir(env),
      interactive: options.interactive ?? Boolean(process.stdin.isTTY && process.stderr.isTTY),
      say: options.say ?? ((line) => process.stderr.write(`${line}\n`)),
      endpoints: options.oauthEndpoints,
      force: options.forceSignIn,
    });
    return { client, describe: 'your Google account (signed in through the browser)' };
  }
  if (key.type === 'authorized_user') {
    const auth = new GoogleAuth({
      keyFile: resolved,
      scopes: [scope],
      clientOptions: { transporterOptions: { fetchImplementation: nodeFetch } },
    });
    return { client: auth, describe: `the Google account in ${path.basename(file)}` };
  }
  throw new GoogleCredentialsError(
    `${file} is neither a service account key ("type": "service_account") nor an OAuth client for a Desktop app ("installed"). See docs/google-sheets.md.`,
  );
}
