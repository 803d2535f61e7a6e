/**
 * The cached sign-in of the installed-app OAuth flow: refresh tokens by OAuth client and scope, in one file of
 * the user's config directory, readable by its owner only. Tokens are never printed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Credentials } from 'google-auth-library';

export const TOKEN_FILE = 'google-oauth-tokens.json';

type CacheFile = Record<string, Credentials>;

export function cacheKey(clientId: string, scope: string): string {
  return `${clientId} ${scope}`;
}

export class TokenCache {
  readonly file: string;

  constructor(configDir: string) {
    this.file = path.join(configDir, TOKEN_FILE);
  }

  private readAll(): CacheFile {
    try {
      return JSON.parse(fs.readFileSync(this.file, 'utf8')) as CacheFile;
    } catch {
      return {};
    }
  }

  get(key: string): Credentials | undefined {
    return this.readAll()[key];
  }

  /** Merge new tokens in (a refresh answer has no refresh_token: the old one is kept). */
  set(key: string, tokens: Credentials): void {
    const all = this.readAll();
    all[key] = { ...all[key], ...tokens, refresh_token: tokens.refresh_token ?? all[key]?.refresh_token };
    fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(all, null, 2), { mode: 0o600 });
    fs.renameSync(tmp, this.file);
    fs.chmodSync(this.file, 0o600);
  }

  /** Forget one sign-in, or all of them. Returns how many were removed. */
  remove(key?: string): number {
    const all = this.readAll();
    const n = key === undefined ? Object.keys(all).length : key in all ? 1 : 0;
    if (key === undefined) fs.rmSync(this.file, { force: true });
    else if (n > 0) {
      delete all[key];
      fs.writeFileSync(this.file, JSON.stringify(all, null, 2), { mode: 0o600 });
    }
    return n;
  }
}
