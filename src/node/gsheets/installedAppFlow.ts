/**
 * Signing a person in with Google's installed-app OAuth flow: a loopback redirect on 127.0.0.1 (Google's
 * recommended redirect for desktop apps), PKCE and a state check, the refresh token cached in the user's config
 * directory so the browser is needed once.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CodeChallengeMethod, OAuth2Client } from 'google-auth-library';
import type { OAuth2ClientOptions } from 'google-auth-library';
import { nodeFetch } from './sheetsClient';
import { cacheKey, TokenCache } from './tokenCache';

/** The `installed` (or `web`) part of a client_secret_….json downloaded from the Google Cloud console. */
export interface OAuthClientFile {
  readonly client_id: string;
  readonly client_secret?: string;
}

export interface InstalledAppOptions {
  readonly scope: string;
  readonly configDir: string;
  /** Whether a browser sign-in may be started (false on a server without a person: then an error says how). */
  readonly interactive: boolean;
  /** Where to tell the person which URL to open (never a token). */
  readonly say: (line: string) => void;
  readonly endpoints?: OAuth2ClientOptions['endpoints'];
  /** How long to wait for the browser (default 5 minutes). */
  readonly timeoutMs?: number;
  /** Run a sign-in even when a token is cached (`shipsheet google login`). */
  readonly force?: boolean;
}

export class SignInError extends Error {}

function newClient(file: OAuthClientFile, options: InstalledAppOptions, redirectUri?: string): OAuth2Client {
  return new OAuth2Client({
    clientId: file.client_id,
    clientSecret: file.client_secret,
    redirectUri,
    endpoints: options.endpoints,
    transporterOptions: { fetchImplementation: nodeFetch },
  });
}

/** An OAuth2Client signed in as the person: from the cache, or through the browser once. */
export async function installedAppClient(
  file: OAuthClientFile,
  options: InstalledAppOptions,
): Promise<OAuth2Client> {
  const cache = new TokenCache(options.configDir);
  const key = cacheKey(file.client_id, options.scope);
  const cached = options.force ? undefined : cache.get(key);
  if (cached?.refresh_token || (cached?.access_token && (cached.expiry_date ?? 0) > Date.now() + 60000)) {
    const client = newClient(file, options);
    client.setCredentials(cached);
    client.on('tokens', (t) => cache.set(key, t));
    return client;
  }
  if (!options.interactive)
    throw new SignInError(
      'Google sign-in is needed and this run has no terminal to do it in. Run `shipsheet google login --credentials FILE` once in a terminal, or use a service account.',
    );
  const tokens = await browserSignIn(file, options);
  cache.set(key, tokens);
  const client = newClient(file, options);
  client.setCredentials(cache.get(key) ?? tokens);
  client.on('tokens', (t) => cache.set(key, t));
  return client;
}

async function browserSignIn(file: OAuthClientFile, options: InstalledAppOptions) {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const redirectUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = newClient(file, options, redirectUri);
  try {
    const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
    const state = crypto.randomBytes(16).toString('hex');
    const url = client.generateAuthUrl({
      access_type: 'offline',
      scope: [options.scope],
      state,
      code_challenge: codeChallenge,
      code_challenge_method: CodeChallengeMethod.S256,
      prompt: 'consent',
    });
    const code = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new SignInError('Google sign-in timed out: nobody finished it in the browser.')),
        options.timeoutMs ?? 300000,
      );
      server.on('request', (req, res) => {
        const u = new URL(req.url ?? '/', redirectUri);
        if (u.pathname !== '/') {
          res.writeHead(404).end();
          return;
        }
        const err = u.searchParams.get('error');
        const got = u.searchParams.get('code');
        const ok = !err && got && u.searchParams.get('state') === state;
        res.writeHead(ok ? 200 : 400, { 'content-type': 'text/html; charset=utf-8' });
        res.end(
          ok
            ? '<p>Shipsheet is signed in to Google. You can close this tab.</p>'
            : '<p>Shipsheet could not sign in to Google. Go back to the terminal.</p>',
        );
        clearTimeout(timer);
        if (ok) resolve(got);
        else
          reject(new SignInError(`Google sign-in failed: ${err ?? 'the answer did not match this sign-in'}`));
      });
    });
    options.say(
      `Sign in to Google to let Shipsheet use your spreadsheets. Open this address in a browser:\n\n  ${url}\n`,
    );
    const { tokens } = await client.getToken({ code: await code, codeVerifier, redirect_uri: redirectUri });
    return tokens;
  } finally {
    server.closeAllConnections?.();
    server.close();
  }
}
