#!/usr/bin/env node
// The shipsheet command. Runs the built CLI, building it first when the sources are newer (a fresh clone, an edit).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const built = path.join(root, 'dist', 'node', 'cli.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

const srcDir = path.join(root, 'src');
if (fs.existsSync(srcDir)) {
  const stale = !fs.existsSync(built) || fs.statSync(built).mtimeMs < newestSource(srcDir);
  if (stale) {
    const { buildSync } = require('esbuild');
    buildSync({
      entryPoints: [path.join(root, 'src/node/cli.ts')],
      outfile: built,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      packages: 'external',
      sourcemap: true,
      logLevel: 'warning',
    });
  }
}
require(built)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
