import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { resolveGoogleAuth, SCOPE_READ_ONLY, SCOPE_READ_WRITE } from '../../../src/node/gsheets/googleAuth';
import { GoogleSheetsWorkbook } from '../../../src/node/gsheets/googleSheetsWorkbook';
import { spreadsheetIdOf } from '../../../src/node/gsheets/openGoogleSheet';
import { sheetsClient, sheetsRootUrl } from '../../../src/node/gsheets/sheetsClient';
import { TOKEN_FILE } from '../../../src/node/gsheets/tokenCache';
import { packageRoot } from '../../../src/node/packageRoot';
import { FakeSheetsServer } from '../../fakes/fakeSheetsServer';
import { newSpreadsheet } from '../../fakes/fakeSheetsBook';

const server = new FakeSheetsServer();
let dir: string;
beforeAll(async () => {
  await server.start();
  dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'shipsheet-auth-'));
});
afterAll(async () => {
  await server.stop();
  await fs.promises.rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  server.authorize = (t) => t.length > 0;
  server.tokens.length = 0;
});

async function readWith(auth: Awaited<ReturnType<typeof resolveGoogleAuth>>) {
  const id = newSpreadsheet(server, { A: [['h'], ['v']] });
  const book = new GoogleSheetsWorkbook({
    spreadsheetId: id,
    sheets: sheetsClient({ auth: auth.client, rootUrl: server.rootUrl }),
  });
  return (await book.read(['A'])).get('A');
}

function b64urlJson(part: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('Google credentials', () => {
  it('uses a ready access token from SHIPSHEET_GOOGLE_ACCESS_TOKEN', async () => {
    const auth = await resolveGoogleAuth({ env: { SHIPSHEET_GOOGLE_ACCESS_TOKEN: 'ya29.from-gcloud' } });
    expect(await readWith(auth)).toEqual([['h'], ['v']]);
    expect(server.tokens).toContain('ya29.from-gcloud');
    expect(auth.describe).not.toContain('ya29');
  });

  it('signs requests as a service account with a self-signed JWT carrying the scope', async () => {
    const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    const keyFile = path.join(dir, 'sa.json');
    const email = 'shipsheet@test-project.iam.gserviceaccount.com';
    fs.writeFileSync(
      keyFile,
      JSON.stringify({
        type: 'service_account',
        client_email: email,
        private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }),
        private_key_id: 'kid-1',
      }),
    );
    const seen: Record<string, unknown>[] = [];
    server.authorize = (token) => {
      const [h, p, sig] = token.split('.');
      const ok = crypto.verify(
        'RSA-SHA256',
        Buffer.from(`${h}.${p}`),
        publicKey,
        Buffer.from(sig, 'base64url'),
      );
      seen.push(b64urlJson(p));
      return ok && b64urlJson(h).kid === 'kid-1';
    };
    const auth = await resolveGoogleAuth({ credentialsFile: keyFile, env: {} });
    expect(auth.principal).toContain(email);
    expect(await readWith(auth)).toEqual([['h'], ['v']]);
    expect(seen[0]).toMatchObject({ iss: email, sub: email, scope: SCOPE_READ_WRITE });
    const ro = await resolveGoogleAuth({ credentialsFile: keyFile, env: {}, readOnly: true });
    await readWith(ro);
    expect(seen[seen.length - 1]).toMatchObject({ scope: SCOPE_READ_ONLY });
  });

  it('falls back to Application Default Credentials (here GOOGLE_APPLICATION_CREDENTIALS) without a request', async () => {
    const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });
    const keyFile = path.join(dir, 'adc.json');
    fs.writeFileSync(
      keyFile,
      JSON.stringify({
        type: 'service_account',
        project_id: 'p',
        client_email: 'adc@p.iam.gserviceaccount.com',
        private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }),
      }),
    );
    const saved = process.env.GOOGLE_APPLICATION_CREDENTIALS;
    const detection = process.env.METADATA_SERVER_DETECTION;
    process.env.GOOGLE_APPLICATION_CREDENTIALS = keyFile;
    // Never let google-auth-library probe the GCE metadata server (169.254.169.254) from a test.
    process.env.METADATA_SERVER_DETECTION = 'none';
    try {
      const before = server.requests.length;
      const auth = await resolveGoogleAuth({ env: {} });
      expect(auth.describe).toBe('Application Default Credentials');
      expect(server.requests.length).toBe(before);
    } finally {
      if (saved === undefined) delete process.env.GOOGLE_APPLICATION_CREDENTIALS;
      else process.env.GOOGLE_APPLICATION_CREDENTIALS = saved;
      if (detection === undefined) delete process.env.METADATA_SERVER_DETECTION;
      else process.env.METADATA_SERVER_DETECTION = detection;
    }
  });

  it('refuses a key file inside the repository and a file that is not a key', async () => {
    const inside = path.join(packageRoot(), 'test-output', `key-${process.pid}.json`);
    fs.mkdirSync(path.dirname(inside), { recursive: true });
    fs.writeFileSync(
      inside,
      JSON.stringify({ type: 'service_account', client_email: 'a@b', private_key: 'x' }),
    );
    try {
      await expect(resolveGoogleAuth({ credentialsFile: inside, env: {} })).rejects.toThrow(
        /outside the repository/,
      );
    } finally {
      fs.rmSync(inside);
    }
    const other = path.join(dir, 'other.json');
    fs.writeFileSync(other, '{"hello": 1}');
    await expect(resolveGoogleAuth({ credentialsFile: other, env: {} })).rejects.toThrow(
      /neither a service account key/,
    );
    await expect(
      resolveGoogleAuth({ credentialsFile: path.join(dir, 'none.json'), env: {} }),
    ).rejects.toThrow(/does not exist/);
  });
});

describe('installed-app sign-in', () => {
  let oauth: http.Server;
  let oauthRoot: string;
  const grants: URLSearchParams[] = [];
  beforeAll(async () => {
    oauth = http.createServer(async (req, res) => {
      let body = '';
      for await (const c of req) body += c;
      const form = new URLSearchParams(body);
      grants.push(form);
      res.writeHead(200, { 'content-type': 'application/json' });
      if (form.get('grant_type') === 'authorization_code')
        res.end(
          JSON.stringify({
            access_token: 'user-access-1',
            refresh_token: 'user-refresh-1',
            expires_in: 3600,
            token_type: 'Bearer',
          }),
        );
      else res.end(JSON.stringify({ access_token: 'user-access-2', expires_in: 3600, token_type: 'Bearer' }));
    });
    await new Promise<void>((r) => oauth.listen(0, '127.0.0.1', r));
    oauthRoot = `http://127.0.0.1:${(oauth.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => oauth.close(() => r())));

  const clientFile = () => {
    const f = path.join(dir, 'client_secret.json');
    fs.writeFileSync(
      f,
      JSON.stringify({
        installed: { client_id: 'cid.apps.googleusercontent.com', client_secret: 'csecret' },
      }),
    );
    return f;
  };

  it('signs in once through a 127.0.0.1 redirect with PKCE, caches the token privately, then reuses it', async () => {
    const configDir = path.join(dir, 'config-1');
    const said: string[] = [];
    const env = { SHIPSHEET_CONFIG_DIR: configDir };
    const endpoints = { oauth2AuthBaseUrl: `${oauthRoot}/auth`, oauth2TokenUrl: `${oauthRoot}/token` };
    const pending = resolveGoogleAuth({
      credentialsFile: clientFile(),
      env,
      interactive: true,
      oauthEndpoints: endpoints,
      say: (l) => said.push(l),
    });
    // Play the browser: wait for the printed address, consent, follow the redirect.
    while (said.length === 0) await new Promise((r) => setTimeout(r, 5));
    const authUrl = new URL(/https?:\/\/\S+/.exec(said[0])![0]);
    expect(authUrl.origin + authUrl.pathname).toBe(`${oauthRoot}/auth`);
    expect(authUrl.searchParams.get('scope')).toBe(SCOPE_READ_WRITE);
    expect(authUrl.searchParams.get('access_type')).toBe('offline');
    expect(authUrl.searchParams.get('code_challenge_method')).toBe('S256');
    const redirect = authUrl.searchParams.get('redirect_uri')!;
    expect(redirect).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const browser = await fetch(`${redirect}/?code=the-code&state=${authUrl.searchParams.get('state')}`);
    expect(browser.status).toBe(200);
    const auth = await pending;
    const exchange = grants.find((g) => g.get('grant_type') === 'authorization_code')!;
    expect(exchange.get('code')).toBe('the-code');
    const challenge = crypto.createHash('sha256').update(exchange.get('code_verifier')!).digest('base64url');
    expect(challenge).toBe(authUrl.searchParams.get('code_challenge'));
    expect(await readWith(auth)).toEqual([['h'], ['v']]);
    expect(server.tokens).toContain('user-access-1');
    const cache = path.join(configDir, TOKEN_FILE);
    expect(fs.statSync(cache).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(cache, 'utf8')).toContain('user-refresh-1');
    expect(said.join('\n')).not.toMatch(/user-access|user-refresh|csecret/);
    // A later run needs no browser.
    const again = await resolveGoogleAuth({
      credentialsFile: clientFile(),
      env,
      interactive: false,
      oauthEndpoints: endpoints,
    });
    expect(await readWith(again)).toEqual([['h'], ['v']]);
  });

  it('rejects an answer whose state does not match, and needs a terminal when nothing is cached', async () => {
    const said: string[] = [];
    const env = { SHIPSHEET_CONFIG_DIR: path.join(dir, 'config-2') };
    const pending = resolveGoogleAuth({
      credentialsFile: clientFile(),
      env,
      interactive: true,
      oauthEndpoints: { oauth2AuthBaseUrl: `${oauthRoot}/auth`, oauth2TokenUrl: `${oauthRoot}/token` },
      say: (l) => said.push(l),
    });
    const caught = pending.catch((e: Error) => e);
    while (said.length === 0) await new Promise((r) => setTimeout(r, 5));
    const redirect = new URL(/https?:\/\/\S+/.exec(said[0])![0]).searchParams.get('redirect_uri')!;
    expect((await fetch(`${redirect}/?code=x&state=forged`)).status).toBe(400);
    expect(String(await caught)).toMatch(/sign-in failed/);
    await expect(
      resolveGoogleAuth({ credentialsFile: clientFile(), env, interactive: false }),
    ).rejects.toThrow(/shipsheet google login/);
  });
});

describe('a revoked sign-in', () => {
  it('refreshes an expired token from the cache, and says to sign in again when Google revoked it', async () => {
    const configDir = path.join(dir, 'config-3');
    fs.mkdirSync(configDir, { recursive: true });
    const cid = 'cid3.apps.googleusercontent.com';
    const file = path.join(dir, 'client3.json');
    fs.writeFileSync(file, JSON.stringify({ installed: { client_id: cid, client_secret: 's' } }));
    fs.writeFileSync(
      path.join(configDir, TOKEN_FILE),
      JSON.stringify({
        [`${cid} ${SCOPE_READ_WRITE}`]: { access_token: 'old', expiry_date: 1, refresh_token: 'revoked' },
      }),
    );
    const oauth = http.createServer((req, res) => {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ error: 'invalid_grant', error_description: 'Token has been expired or revoked.' }),
      );
    });
    await new Promise<void>((r) => oauth.listen(0, '127.0.0.1', r));
    try {
      const auth = await resolveGoogleAuth({
        credentialsFile: file,
        env: { SHIPSHEET_CONFIG_DIR: configDir },
        interactive: false,
        oauthEndpoints: { oauth2TokenUrl: `http://127.0.0.1:${(oauth.address() as AddressInfo).port}/token` },
      });
      await expect(readWith(auth)).rejects.toThrow(/revoked or has expired.*shipsheet google login/);
    } finally {
      await new Promise<void>((r) => oauth.close(() => r()));
    }
  });
});

describe('configuration', () => {
  it('takes the API root from SHIPSHEET_SHEETS_ROOT_URL, adding the slash googleapis needs', () => {
    expect(sheetsRootUrl({})).toBe('https://sheets.googleapis.com/');
    expect(sheetsRootUrl({ SHIPSHEET_SHEETS_ROOT_URL: 'http://127.0.0.1:9/proxy' })).toBe(
      'http://127.0.0.1:9/proxy/',
    );
    expect(() => sheetsRootUrl({ SHIPSHEET_SHEETS_ROOT_URL: 'ftp://x/' })).toThrow(/http/);
  });

  it('finds the spreadsheet id in gsheet:ID or in the sheet URL', () => {
    expect(spreadsheetIdOf('gsheet:1AbC-dEf_ghIJKLmnop')).toBe('1AbC-dEf_ghIJKLmnop');
    expect(
      spreadsheetIdOf('gsheet:https://docs.google.com/spreadsheets/d/1AbC-dEf_ghIJKLmnop/edit#gid=0'),
    ).toBe('1AbC-dEf_ghIJKLmnop');
    expect(spreadsheetIdOf('gsheet:nope!')).toBeNull();
  });
});
