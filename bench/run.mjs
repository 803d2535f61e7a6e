// `npm run bench [NAME…]`: bundle each bench/*.bench.ts with esbuild and run it in its own Node process
// (--expose-gc, so peak memory is measured per benchmark). Each benchmark prints its figures and ratios.
import { buildSync } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();
if (files.length === 0) {
  console.error(`no benchmark matches ${wanted.join(' ')}`);
  process.exit(2);
}
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipsheet-bench-'));
let failed = 0;
for (const f of files) {
  const outfile = path.join(outDir, f.replace(/\.ts$/, '.cjs'));
  buildSync({
    entryPoints: [path.join(here, f)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  console.log(`\n=== ${f} ===`);
  const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', outfile], {
    stdio: 'inherit',
    cwd: path.dirname(here),
    env: { ...process.env, NODE_PATH: path.join(path.dirname(here), 'node_modules') },
  });
  if (r.status !== 0) failed++;
}
fs.rmSync(outDir, { recursive: true, force: true });
process.exit(failed > 0 ? 1 : 0);
