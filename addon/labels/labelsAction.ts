/**
 * Generate labels from the menu: the core's generateLabels with the label provider Settings names (the offline
 * sample provider by default), the files saved to Drive by the DriveLabelSink, and a dialog that links to them.
 */
import type { ActionResult, CarrierPlugin, HttpPort } from '../../src/core';
import {
  generateLabels,
  labelProvider,
  labelProviderIds,
  readSettings,
  refused,
  settingsTable,
} from '../../src/core';
import type { StepEnvironment } from '../actions/actionTable';
import type { Summary } from '../gas/notify';
import { escapeHtml } from './layoutHtml';
import type { CreatedFile } from './driveLabelSink';
import { DriveLabelSink, LABELS_FOLDER } from './driveLabelSink';

/** Providers that draw their own labels get a port that refuses any request: nothing leaves for the sample. */
export const OFFLINE_HTTP: HttpPort = {
  async send(request) {
    throw new Error(
      `the sample label provider needs no network (asked for ${request.method} ${request.url})`,
    );
  },
};

export interface ProviderChoice {
  readonly provider: CarrierPlugin;
  readonly http: HttpPort;
}

/** Label providers beyond the built-in ones (Amazon Buy Shipping, when its credentials are saved). */
export type ExtraProviders = (marketplace: string) => Record<string, ProviderChoice>;

export async function labelsAction(env: StepEnvironment, extra?: ExtraProviders): Promise<ActionResult> {
  const grid = (await env.book.read([settingsTable.name])).get(settingsTable.name) ?? null;
  const { settings } = readSettings(grid);
  const choices: Record<string, ProviderChoice> = {};
  for (const id of labelProviderIds())
    choices[id] = { provider: labelProvider(id) as CarrierPlugin, http: OFFLINE_HTTP };
  Object.assign(choices, extra?.(settings.text('marketplace')) ?? {});
  const id = (settings.text('label-provider') || 'sample').trim().toLowerCase();
  const choice = choices[id];
  if (!choice)
    return refused(
      'generate labels',
      `label provider ${id} is not available here; Settings label-provider can be ${Object.keys(choices).join(', ')} (amazon needs the Amazon keys saved in Settings…). Nothing was bought.`,
    );
  const sink = new DriveLabelSink();
  const result = await generateLabels(
    env.book,
    {
      provider: choice.provider,
      http: choice.http,
      sink,
      // A package whose rate Buy Shipping quoted (rate-source amazon) is bought there, at that quote.
      providers: Object.fromEntries(Object.entries(choices).map(([k, c]) => [k, c.provider])),
    },
    env.context,
  );
  return { ...result, data: { ...(result.data as object), links: sink.created } };
}

/** The files of a run (all passes), from the results' data. */
export function linksOf(result: ActionResult): CreatedFile[] {
  return ((result.data as { links?: CreatedFile[] } | undefined)?.links ?? []).filter(
    (l) => typeof l?.url === 'string',
  );
}

/** A dialog with links to the files just saved, or null when none were (then the usual toast or alert). */
export function labelsDialog(
  result: ActionResult,
  summary: Summary,
): GoogleAppsScript.HTML.HtmlOutput | null {
  const links = linksOf(result);
  if (links.length === 0) return null;
  return HtmlService.createHtmlOutput(labelsDialogHtml(links, summary))
    .setWidth(520)
    .setHeight(Math.min(560, 220 + links.length * 34 + (summary.needsDialog ? 160 : 0)));
}

export function labelsDialogHtml(links: readonly CreatedFile[], summary: Summary): string {
  const items = links
    .map(
      (l) =>
        `<li><a href="${escapeHtml(l.url)}" target="_blank" rel="noopener">${escapeHtml(l.name)}</a> <span class="kind">${escapeHtml(l.kind)}</span></li>`,
    )
    .join('');
  return `<!DOCTYPE html><html><head><base target="_blank"><meta charset="utf-8"><style>
body { font-family: Arial, sans-serif; font-size: 13px; margin: 16px; color: #202124 }
h1 { font-size: 15px; margin: 0 0 8px }
ul { padding-left: 18px } li { margin: 6px 0 }
a { color: #1a73e8; font-weight: bold } .kind { color: #5f6368 }
pre { white-space: pre-wrap; font-family: inherit; background: #f8f9fa; padding: 8px; border-radius: 4px; max-height: 180px; overflow: auto }
.note { color: #5f6368 } button { margin-top: 10px; padding: 6px 16px }
</style></head><body>
<h1>${escapeHtml(summary.title)}</h1>
<p>Saved to your Google Drive, folder <b>${escapeHtml(LABELS_FOLDER)}</b>. Open a file and print it at 100% (actual size).</p>
<ul id="files">${items}</ul>
<pre id="summary">${escapeHtml(summary.body)}</pre>
<p class="note">The labels are recorded on the Orders and Shipments sheets; running Generate labels again buys nothing twice.</p>
<button onclick="google.script.host.close()">Close</button>
</body></html>`;
}
