/** The built dist/Code.js is one Apps Script file: no modules, entry points at top level, nothing Node-only. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { AppsScript, DIST, ROOT, buildAddonOnce } from '../fakes/appsScript';

describe('dist/Code.js', () => {
  beforeAll(() => buildAddonOnce(true));
  const code = () => fs.readFileSync(path.join(DIST, 'Code.js'), 'utf8');

  it('has no import or export left and parses as a classic script', () => {
    expect(code()).not.toMatch(/^\s*(import|export)\s/m);
    expect(() => new vm.Script(code(), { filename: 'Code.js' })).not.toThrow();
  });

  it('declares every entry point Apps Script calls as a top-level function', () => {
    const declared = [...code().matchAll(/^function (\w+)\(/gm)].map((m) => m[1]);
    const needed = [
      'onOpen',
      'onInstall',
      'menuImportOrders',
      'menuImportAmazonOrders',
      'menuCheckStock',
      'menuChooseCarriers',
      'menuGenerateLabels',
      'menuRecordTracking',
      'menuSalesReport',
      'menuScheduleReports',
      'menuSetUpSheets',
      'menuPurgePii',
      'menuSettings',
      'menuOrderRates',
      'getOrderRates',
      'chooseRate',
      'getSettings',
      'saveSettings',
      'saveSecret',
      'uploadOrderReport',
      'getSchedule',
      'saveSchedule',
      'continueRun',
      'runScheduledReport',
    ];
    expect(declared.sort()).toEqual(needed.sort());
    // Every google.script.run call in the HTML lands on one of them.
    let rpc = 0;
    for (const f of fs.readdirSync(DIST).filter((x) => x.endsWith('.html'))) {
      const html = fs.readFileSync(path.join(DIST, f), 'utf8');
      // A chain starts at google.script.run and ends at the line whose last call is not a with…Handler.
      let inChain = false;
      for (const line of html.split('\n')) {
        if (line.includes('google.script.run')) inChain = true;
        if (!inChain) continue;
        const last = /\.(\w+)\((?:[^()]|\([^()]*\))*\);\s*$/.exec(line);
        if (last && !last[1].startsWith('with')) {
          expect(declared).toContain(last[1]);
          rpc++;
          inChain = false;
        }
      }
    }
    expect(rpc).toBeGreaterThanOrEqual(8);
  });

  it('contains no Node-only package and no Node API', () => {
    const inputs = JSON.parse(fs.readFileSync(path.join(DIST, 'meta/addon-inputs.json'), 'utf8')) as string[];
    const packages = new Set(
      inputs
        .filter((p) => p.includes('node_modules/'))
        .map((p) =>
          p
            .split('node_modules/')[1]
            .split('/')
            .slice(0, p.split('node_modules/')[1].startsWith('@') ? 2 : 1)
            .join('/'),
        ),
    );
    for (const banned of [
      'googleapis',
      '@googleapis/sheets',
      'exceljs',
      'csv-parse',
      'csv-stringify',
      'pdfkit',
      'iconv-lite',
      'google-auth-library',
    ])
      expect(packages.has(banned)).toBe(false);
    expect(inputs.some((p) => p.startsWith('src/node/'))).toBe(false);
    // bwip-js only as its generic build (pure JavaScript encoders): never its Node build (zlib, Buffer).
    const bwip = inputs.filter((p) => p.includes('node_modules/bwip-js/'));
    expect(bwip.map((p) => p.split('node_modules/bwip-js/')[1]).sort()).toEqual([
      'dist/bwip-js-gen.mjs',
      'dist/bwipp.mjs',
    ]);
    expect(code()).not.toMatch(/\bDriveApp\./);
    expect(code()).not.toMatch(/\brequire\(|process\.env|__dirname|Buffer\./);
    expect(code()).not.toMatch(/exceljs|csv-parse|googleapis/);
  });

  it('the build refuses a Node-only import in the add-on', () => {
    const probe = path.join(ROOT, 'addon/__probe_node_only.ts');
    const main = fs.readFileSync(path.join(ROOT, 'addon/main.ts'), 'utf8');
    fs.writeFileSync(probe, "import ExcelJS from 'exceljs';\nexport const x = ExcelJS;\n");
    fs.writeFileSync(
      path.join(ROOT, 'addon/main.ts'),
      `${main}\nexport { x as _probe } from './__probe_node_only';\n`,
    );
    try {
      const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-addon.mjs')], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(/exceljs is Node-only and cannot be in the add-on/);
    } finally {
      fs.writeFileSync(path.join(ROOT, 'addon/main.ts'), main);
      fs.rmSync(probe, { force: true });
      buildAgain();
    }
  });

  it('finishes every action before the entry function returns (no pending promise)', () => {
    const gas = new AppsScript({ build: false });
    const out = gas.call<{ status: string }>('menuSetUpSheets');
    expect(out.status).toBe('done');
    // The bundle's Promise is the synchronous one, not the engine's.
    expect(vm.runInContext('typeof Shipsheet', gas.context)).toBe('object');
    expect(code()).toMatch(/var Promise = __syncPromiseModule\.SyncPromise;/);
  });
});

function buildAgain(): void {
  spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-addon.mjs')], { cwd: ROOT });
}
