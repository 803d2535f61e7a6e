/**
 * The sidebar and dialogs in headless Chromium (Debian's, through playwright-core) with a google.script.run
 * that calls the same bundle in the vm: the HTML as shipped, the server functions as shipped, JSON between.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { AppsScript } from '../fakes/appsScript';
import { DIST, ROOT } from '../fakes/appsScript';

export const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** The google.script.run / google.script.host the page sees, forwarding to window.__gasCall. */
const SHIM = `
(() => {
  function runner(success, failure, user) {
    return new Proxy({}, {
      get(_, name) {
        if (name === 'withSuccessHandler') return (f) => runner(f, failure, user);
        if (name === 'withFailureHandler') return (f) => runner(success, f, user);
        if (name === 'withUserObject') return (u) => runner(success, failure, u);
        return (...args) => {
          window.__gasCall(String(name), JSON.stringify(args)).then((r) => {
            const res = JSON.parse(r);
            if (res.ok) { if (success) success(res.value, user); }
            else if (failure) failure(Object.assign(new Error(res.message), { name: 'ScriptError' }), user);
          });
        };
      },
    });
  }
  window.google = { script: { run: runner(null, null, undefined), host: { close: () => { window.__closed = true; } } } };
})();
`;

/** Where screenshots go: docs/images when UPDATE_DOCS_IMAGES=1 (then commit them), else test-output/. */
export function screenshotPath(name: string): string {
  const dir =
    process.env.UPDATE_DOCS_IMAGES === '1'
      ? path.join(ROOT, 'docs/images')
      : path.join(ROOT, 'test-output/screenshots');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}

export async function openHtml(
  browser: Browser,
  gas: AppsScript,
  file: string,
  size: { width: number; height: number },
): Promise<Page> {
  const page = await browser.newPage({ viewport: size });
  // Nothing leaves the machine.
  await page.route('**/*', (route) =>
    route.request().url().startsWith('data:') ? route.continue() : route.abort(),
  );
  await page.exposeFunction('__gasCall', (name: string, args: string) => {
    try {
      return JSON.stringify({ ok: true, value: gas.call(name, ...(JSON.parse(args) as unknown[])) ?? null });
    } catch (e) {
      return JSON.stringify({ ok: false, message: e instanceof Error ? e.message : String(e) });
    }
  });
  await page.addInitScript(SHIM);
  // The init script runs on navigation; setContent then writes the HTML into that same window.
  await page.goto('about:blank');
  await page.setContent(fs.readFileSync(path.join(DIST, `${file}.html`), 'utf8'), { waitUntil: 'load' });
  return page;
}
