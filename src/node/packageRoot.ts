/** The folder holding Shipsheet's package.json (and templates/), from source or from the built bundle. */
import fs from 'node:fs';
import path from 'node:path';

let cached: string | null = null;

export function packageRoot(): string {
  if (cached) return cached;
  let dir = __dirname;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (
      fs.existsSync(pkg) &&
      (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === 'shipsheet'
    )
      return (cached = dir);
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('shipsheet: cannot find the package folder (templates/)');
    dir = parent;
  }
}

export function templatePath(...parts: string[]): string {
  return path.join(packageRoot(), 'templates', ...parts);
}
