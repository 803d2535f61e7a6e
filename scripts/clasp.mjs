// `npm run push` / `npm run deploy`: hand dist/ to Google with clasp, run through npx so that the 277 MB
// @google/clasp is not a dependency of Shipsheet. package.json runs lint, tests and the build first.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const CLASP = '@google/clasp@3.4.1';
const command = process.argv[2];

const config = JSON.parse(fs.readFileSync(path.join(root, '.clasp.json'), 'utf8'));
if (!config.scriptId || config.scriptId.startsWith('PUT-')) {
  console.error(`.clasp.json has no script id yet. Once:
  1. npx ${CLASP} login
  2. Open your Google Sheet, Extensions > Apps Script, Project Settings > Script ID: copy it
  3. Put it in .clasp.json as "scriptId" (keep "rootDir": "dist")
Then run npm run push again. (docs/addon.md has the whole walk-through.)`);
  process.exit(2);
}
if (!fs.existsSync(path.join(root, 'dist/Code.js'))) {
  console.error('dist/Code.js is missing: npm run build first (npm run push does it).');
  process.exit(2);
}

const clasp = (...args) => {
  console.log(`> npx ${CLASP} ${args.join(' ')}`);
  const r = spawnSync('npx', ['--yes', CLASP, ...args], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
if (command === 'push') clasp('push', '--force');
else if (command === 'deploy') {
  clasp('push', '--force');
  clasp('create-deployment', '--description', `Shipsheet ${version}`);
} else {
  console.error('usage: node scripts/clasp.mjs push|deploy');
  process.exit(2);
}
