// Build: the Node CLI into dist/node/cli.js (dependencies stay in node_modules) and, where present, the add-on.
import { buildSync } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

export function buildCli() {
  buildSync({
    entryPoints: [path.join(root, 'src/node/cli.ts')],
    outfile: path.join(root, 'dist/node/cli.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}

const targets = process.argv.slice(2);
if (targets.length === 0 || targets.includes('cli')) buildCli();
const addonBuild = path.join(root, 'scripts/build-addon.mjs');
if ((targets.length === 0 || targets.includes('addon')) && fs.existsSync(addonBuild)) {
  const { buildAddon } = await import(addonBuild);
  await buildAddon();
}
