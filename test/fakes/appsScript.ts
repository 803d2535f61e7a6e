/**
 * The Apps Script environment the built add-on runs in, offline: dist/Code.js loaded into a Node `vm`
 * context whose globals are the fakes of Google's services, every call counted. A test plays the seller
 * (menu clicks, dialogs) or a trigger, and looks at the spreadsheet afterwards.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { CallLog, tracked } from './calls';
import { FakeDrive } from './drive';
import { chartsGlobal } from './charts';
import { FakeUrlFetchApp } from './urlFetchApp';
import type { FakeSpreadsheet } from './spreadsheetApp';
import { FakeSpreadsheetApp } from './spreadsheetApp';
import type { SentMail } from './services';
import {
  FakeLock,
  FakeLockState,
  FakeProperties,
  FakeScriptApp,
  fakeHtmlService,
  fakeMailApp,
  fakeUtilities,
} from './services';

/** The repository (the folder whose package.json is shipsheet's), also when this file is bundled elsewhere. */
function findRoot(): string {
  for (const start of [__dirname, process.cwd()]) {
    let dir = start;
    for (;;) {
      const pkg = path.join(dir, 'package.json');
      if (
        fs.existsSync(pkg) &&
        (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === 'shipsheet'
      )
        return dir;
      const up = path.dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  throw new Error('cannot find the shipsheet folder');
}

export const ROOT = findRoot();
export const DIST = path.join(ROOT, 'dist');

export interface AppsScriptOptions {
  /** The user running (Session.getActiveUser), by default seller@example.com. */
  readonly user?: string;
  /** Build dist/Code.js from source first (default true; the benchmark builds once). */
  readonly build?: boolean;
}

let built = false;

/** The newest modification time of the files the bundle is built from. */
function newestSource(): number {
  let newest = 0;
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  walk(path.join(ROOT, 'addon'));
  walk(path.join(ROOT, 'src/core'));
  newest = Math.max(newest, fs.statSync(path.join(ROOT, 'scripts/build-addon.mjs')).mtimeMs);
  return newest;
}

/** Build the add-on as `npm run build` does, unless dist/ is newer than every source file (once per test file). */
export function buildAddonOnce(force = false): void {
  if (built && !force) return;
  const code = path.join(DIST, 'Code.js');
  const fresh = !force && fs.existsSync(code) && fs.statSync(code).mtimeMs > newestSource();
  if (!fresh) {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-addon.mjs')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`add-on build failed:\n${r.stdout}\n${r.stderr}`);
  }
  built = true;
}

export class AppsScript {
  readonly calls = new CallLog();
  readonly context: vm.Context;
  readonly sheets: FakeSpreadsheetApp;
  readonly scriptApp: FakeScriptApp;
  readonly mail: SentMail[] = [];
  readonly drive: FakeDrive;
  /** Where UrlFetchApp requests go: register the fake servers standing in for Amazon's or a carrier's. */
  readonly urlFetch: FakeUrlFetchApp;
  /** Utilities.sleep calls (ms); the fake never waits. */
  readonly sleeps: number[] = [];
  /** The manifest as built (dist/appsscript.json): its scopes decide what Drive lets the script see. */
  readonly manifest: {
    oauthScopes?: string[];
    dependencies?: { enabledAdvancedServices?: { userSymbol: string; serviceId: string; version: string }[] };
  };
  readonly documentProperties = new Map<string, FakeProperties>();
  readonly userProperties = new Map<string, FakeProperties>();
  private readonly documentLocks = new Map<string, FakeLockState>();
  private readonly userLocks = new Map<string, FakeLockState>();
  user: string;
  /** Running as a time-driven trigger: no UI, no active spreadsheet, no document properties. */
  inTrigger = false;
  /** onOpen under AuthMode.NONE: any service needing authorization throws. */
  authModeNone = false;
  private book: FakeSpreadsheet;

  constructor(options: AppsScriptOptions = {}) {
    if (options.build !== false) buildAddonOnce();
    this.user = options.user ?? 'seller@example.com';
    this.manifest = JSON.parse(
      fs.readFileSync(path.join(DIST, 'appsscript.json'), 'utf8'),
    ) as AppsScript['manifest'];
    this.drive = new FakeDrive(() => this.manifest.oauthScopes ?? []);
    this.urlFetch = new FakeUrlFetchApp(() => this.manifest.oauthScopes ?? []);
    this.context = vm.createContext({});
    const realm = { Date: vm.runInContext('Date', this.context) as DateConstructor };
    this.sheets = new FakeSpreadsheetApp(this.calls, realm);
    this.book = this.sheets.create('Shipsheet test', 'sheet-1');
    this.scriptApp = new FakeScriptApp(
      () => this.user,
      () => (this.inTrigger ? null : (this.sheets.active?.id ?? null)),
    );
    const guard = <T>(service: string, value: T): T => {
      if (this.authModeNone) throw new Error(`You do not have permission to call ${service} (AuthMode.NONE)`);
      return value;
    };
    const activeId = (): string | null => (this.inTrigger ? null : (this.sheets.active?.id ?? null));
    const props = (map: Map<string, FakeProperties>, key: string): FakeProperties => {
      let p = map.get(key);
      if (!p) map.set(key, (p = new FakeProperties()));
      return p;
    };
    const lock = (map: Map<string, FakeLockState>, key: string): FakeLock => {
      let s = map.get(key);
      if (!s) map.set(key, (s = new FakeLockState()));
      return tracked(new FakeLock(s, `${this.user}#execution`), this.calls, 'LockService', 'Lock');
    };
    const spreadsheetApp = this.sheets.global();
    const globals: Record<string, unknown> = {
      SpreadsheetApp: new Proxy(spreadsheetApp, {
        get: (t, p, r) => {
          if (p === 'getActiveSpreadsheet' && this.inTrigger) return () => null;
          if (p === 'getUi' && this.inTrigger)
            return () => {
              throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
            };
          const v = Reflect.get(t, p, r);
          return p === 'getUi' || p === 'newDataValidation'
            ? v
            : typeof v === 'function'
              ? (...a: unknown[]) => guard('SpreadsheetApp', v(...a))
              : v;
        },
      }),
      PropertiesService: tracked(
        {
          getDocumentProperties: () => {
            guard('PropertiesService', null);
            const id = activeId();
            return id === null
              ? null
              : tracked(props(this.documentProperties, id), this.calls, 'PropertiesService', 'Properties');
          },
          getUserProperties: () =>
            guard(
              'PropertiesService',
              tracked(props(this.userProperties, this.user), this.calls, 'PropertiesService', 'Properties'),
            ),
          getScriptProperties: () =>
            guard(
              'PropertiesService',
              tracked(props(this.userProperties, '(script)'), this.calls, 'PropertiesService', 'Properties'),
            ),
        },
        this.calls,
        'PropertiesService',
        'PropertiesService',
      ),
      LockService: tracked(
        {
          getDocumentLock: () => {
            guard('LockService', null);
            const id = activeId();
            return id === null ? null : lock(this.documentLocks, id);
          },
          getUserLock: () => lock(this.userLocks, this.user),
          getScriptLock: () => lock(this.userLocks, '(script)'),
        },
        this.calls,
        'LockService',
        'LockService',
      ),
      HtmlService: fakeHtmlService(this.calls, DIST),
      ScriptApp: this.scriptApp.global(this.calls),
      Utilities: fakeUtilities(this.calls, this.sleeps),
      UrlFetchApp: this.urlFetch.global(this.calls),
      Charts: chartsGlobal(),
      MailApp: new Proxy(fakeMailApp(this.calls, this.mail), {
        get: (t, p, r) => guard('MailApp', Reflect.get(t, p, r)),
      }),
      Session: tracked(
        {
          getActiveUser: () => ({ getEmail: () => (this.authModeNone ? '' : this.user) }),
          getEffectiveUser: () => ({ getEmail: () => this.user }),
          getScriptTimeZone: () => 'Etc/UTC',
          getActiveUserLocale: () => 'en',
        },
        this.calls,
        'Session',
        'Session',
      ),
      Logger: { log: () => undefined },
      console: { log: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
    };
    // An advanced service is a global only when the manifest enables it, under the symbol it names.
    for (const s of this.manifest.dependencies?.enabledAdvancedServices ?? [])
      if (s.serviceId === 'drive' && s.version === 'v3')
        globals[s.userSymbol] = this.drive.global(this.calls);
    Object.assign(this.context, globals);
    const code = fs.readFileSync(path.join(DIST, 'Code.js'), 'utf8');
    vm.runInContext(code, this.context, { filename: 'Code.js' });
  }

  /** The spreadsheet the seller has open. */
  get spreadsheet(): FakeSpreadsheet {
    return this.book;
  }

  /** Call a top-level function of Code.js as Apps Script would (a menu item, google.script.run, a trigger). */
  call<T = unknown>(name: string, ...args: unknown[]): T {
    const fn = this.context[name] as unknown;
    if (typeof fn !== 'function') throw new Error(`Code.js has no top-level function ${name}`);
    // Arguments cross google.script.run as JSON, so do results.
    const result = (fn as (...a: unknown[]) => unknown)(
      ...args.map((a) => (a === undefined ? a : JSON.parse(JSON.stringify(a)))),
    );
    return (result === undefined ? undefined : JSON.parse(JSON.stringify(result))) as T;
  }

  /** Run a function the way a time-driven trigger does (no UI, no active spreadsheet). */
  trigger<T = unknown>(name: string, triggerUid: string): T {
    this.inTrigger = true;
    this.sheets.noUi = true;
    try {
      return this.call<T>(name, { triggerUid, authMode: 'FULL' });
    } finally {
      this.inTrigger = false;
      this.sheets.noUi = false;
    }
  }

  /** Another user (or a long run) holds this spreadsheet's document lock. */
  holdDocumentLock(by: string): void {
    let s = this.documentLocks.get(this.book.id);
    if (!s) this.documentLocks.set(this.book.id, (s = new FakeLockState()));
    s.holder = by;
  }

  releaseDocumentLock(): void {
    const s = this.documentLocks.get(this.book.id);
    if (s) s.holder = null;
  }

  documentLockState(): FakeLockState | undefined {
    return this.documentLocks.get(this.book.id);
  }

  docProps(): FakeProperties {
    let p = this.documentProperties.get(this.book.id);
    if (!p) this.documentProperties.set(this.book.id, (p = new FakeProperties()));
    return p;
  }

  userProps(user = this.user): FakeProperties {
    let p = this.userProperties.get(user);
    if (!p) this.userProperties.set(user, (p = new FakeProperties()));
    return p;
  }

  /** The Shipsheet namespace inside the bundle (for the contract suite's Workbook). */
  namespace<T>(): T {
    return this.context.Shipsheet as T;
  }
}
