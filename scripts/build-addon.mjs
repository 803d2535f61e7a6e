// Build the Google Sheets add-on: addon/ + src/core bundled by esbuild into one dist/Code.js with the entry
// functions declared at top level (Apps Script has no modules), plus the manifest and the HTML, in dist/.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = path.join(root, 'dist');

/** Packages that only run on Node: the add-on bundle must never contain them (test/addon/bundle.test.ts). */
export const NODE_ONLY = [
  'exceljs',
  'csv-parse',
  'csv-stringify',
  'googleapis',
  '@googleapis/sheets',
  'google-auth-library',
  'pdfkit',
  'iconv-lite',
  'nodemailer',
  'commander',
  'jszip',
  'cli-progress',
];

const common = {
  bundle: true,
  write: false,
  format: 'iife',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  // ES2016 lowers async/await to generators, so the bundle's promises are the synchronous ones below.
  target: 'es2016',
  // V8 has BigInt (the tracking check digits use it); only async/await must be lowered.
  supported: { bigint: true },
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  plugins: [
    {
      name: 'no-node-only-packages',
      setup(b) {
        b.onResolve({ filter: /.*/ }, (args) => {
          const name = args.path.startsWith('@')
            ? args.path.split('/').slice(0, 2).join('/')
            : args.path.split('/')[0];
          if (args.path.startsWith('node:') || NODE_ONLY.includes(name))
            return {
              errors: [
                {
                  text: `${args.path} is Node-only and cannot be in the add-on (imported by ${args.importer})`,
                },
              ],
            };
          return undefined;
        });
      },
    },
  ],
};

export async function buildAddon() {
  const promise = await build({
    ...common,
    entryPoints: [path.join(root, 'addon/runtime/syncPromise.ts')],
    globalName: '__syncPromiseModule',
  });
  const main = await build({
    ...common,
    entryPoints: [path.join(root, 'addon/main.ts')],
    globalName: '__shipsheetModule',
  });
  const entryPoints = (await exportNames()).filter((n) => !n.startsWith('_')).sort();
  const indent = (text) => text.trimEnd().replace(/^/gm, '  ');
  const code = [
    '// Shipsheet for Google Sheets: built by scripts/build-addon.mjs from addon/ and src/core. Do not edit.',
    '// Everything lives in the Shipsheet namespace; the functions below are what Apps Script calls by name.',
    'var Shipsheet = (function () {',
    indent(promise.outputFiles[0].text),
    '  // Every promise in the bundle settles synchronously (addon/runtime/syncPromise.ts).',
    '  var Promise = __syncPromiseModule.SyncPromise;',
    indent(main.outputFiles[0].text),
    '  return __shipsheetModule;',
    '})();',
    '',
    ...entryPoints.map((n) => `function ${n}(...args) {\n  return Shipsheet.${n}(...args);\n}`),
    '',
  ].join('\n');
  fs.mkdirSync(path.join(dist, 'meta'), { recursive: true });
  fs.writeFileSync(path.join(dist, 'Code.js'), code);
  fs.copyFileSync(path.join(root, 'addon/appsscript.json'), path.join(dist, 'appsscript.json'));
  const html = fs.readdirSync(path.join(root, 'addon/html')).filter((f) => f.endsWith('.html'));
  // A page removed from addon/html must not linger in dist/ and be pushed.
  for (const f of fs.readdirSync(dist))
    if (f.endsWith('.html') && !html.includes(f)) fs.rmSync(path.join(dist, f));
  for (const f of fs.readdirSync(path.join(root, 'addon/html')))
    if (f.endsWith('.html')) fs.copyFileSync(path.join(root, 'addon/html', f), path.join(dist, f));
  fs.writeFileSync(
    path.join(dist, 'meta', 'addon-inputs.json'),
    JSON.stringify(Object.keys(main.metafile.inputs).sort(), null, 1) + '\n',
  );
  return { entryPoints, bytes: code.length };
}

/** The entry module's export names (esbuild reports them for ES module output only). */
async function exportNames() {
  const esm = await build({
    ...common,
    format: 'esm',
    globalName: undefined,
    entryPoints: [path.join(root, 'addon/main.ts')],
  });
  return Object.values(esm.metafile.outputs).flatMap((o) => o.exports ?? []);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = await buildAddon();
  console.log(`dist/Code.js: ${r.bytes} bytes, ${r.entryPoints.length} entry points`);
}
