/**
 * The add-on's label sink: a run's batch saved to the seller's Google Drive, in a "Shipsheet labels" folder the
 * add-on created. Labels as one ZPL text file (the label-format zpl) or one 4×6 / 2-up Letter PDF; packing slips
 * and the pick list as Letter PDFs. PDFs are HTML (addon/labels/layoutHtml.ts) converted by Apps Script
 * (Blob.getAs('application/pdf')): pdfkit, which the CLI draws with, does not run in Apps Script.
 *
 * Drive is reached through the advanced Drive service (Drive API v3), not DriveApp: DriveApp's methods require
 * the full `drive` scope (every file the user has), while the Drive API's files.create and files.list work with
 * `drive.file`, which sees only the files this add-on created. See docs/addon.md, scopes.
 */
import type { BatchLabel, LabelBatch, LabelSink, LayoutPage, WrittenBatch } from '../../src/core';
import { LABEL_4X6, pageToZpl } from '../../src/core';
import type { HtmlPage } from './layoutHtml';
import { layoutHtml } from './layoutHtml';

export const LABELS_FOLDER = 'Shipsheet labels';
const FOLDER_MIME = 'application/vnd.google-apps.folder';

/** A file the sink created, for the dialog that links to it. */
export interface CreatedFile {
  readonly name: string;
  readonly url: string;
  readonly kind: 'labels' | 'packing slips' | 'pick list' | 'label';
}

type DriveFile = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;
type Blob = GoogleAppsScript.Base.Blob;

/** The part of the advanced Drive service the sink uses (typed here so a missing service is a clear error). */
interface DriveFiles {
  create(resource: DriveFile, mediaData?: Blob, optionalArgs?: Record<string, unknown>): DriveFile;
  list(optionalArgs: Record<string, unknown>): { files?: DriveFile[] };
}

function driveFiles(): DriveFiles {
  const drive = (globalThis as { Drive?: { Files?: DriveFiles } }).Drive;
  if (!drive?.Files)
    throw new Error(
      'the Drive service is not enabled for this script (appsscript.json dependencies.enabledAdvancedServices must list Drive v3)',
    );
  return drive.Files;
}

/** Bytes as Apps Script's Byte[] (signed). */
function signed(bytes: Uint8Array): number[] {
  return Array.from(bytes, (b) => (b > 127 ? b - 256 : b));
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
function isPng(data: Uint8Array | string): data is Uint8Array {
  return typeof data !== 'string' && PNG_SIGNATURE.every((b, i) => data[i] === b);
}
function isPdf(data: Uint8Array | string): boolean {
  const head = typeof data === 'string' ? data.slice(0, 4) : latin1(data.subarray(0, 4));
  return head === '%PDF';
}

function zplOf(label: BatchLabel): string | null {
  const l = label.label;
  if (l.format === 'ZPL' && l.data.length > 0) return typeof l.data === 'string' ? l.data : latin1(l.data);
  return l.layout ? pageToZpl(l.layout) : null;
}

export class DriveLabelSink implements LabelSink {
  /** Every file written by this sink, in order (a run of several passes adds to it). */
  readonly created: CreatedFile[] = [];
  private folderId: string | null = null;

  async write(batch: LabelBatch): Promise<WrittenBatch> {
    const labelFiles = new Map<string, string>();
    const files: string[] = [];
    const save = (name: string, blob: Blob, mimeType: string, kind: CreatedFile['kind']): string => {
      const made = driveFiles().create({ name, mimeType, parents: [this.folder()] }, blob.setName(name), {
        fields: 'id,name,webViewLink',
      });
      const url = made.webViewLink ?? `https://drive.google.com/file/d/${made.id}/view`;
      this.created.push({ name, url, kind });
      files.push(`${LABELS_FOLDER}/${name}`);
      return url;
    };
    const pdf = (name: string, pages: readonly HtmlPage[], title: string, twoUp = false) =>
      save(
        name,
        Utilities.newBlob(
          layoutHtml(pages, title, twoUp ? 'letter-2up' : 'as-is'),
          'text/html',
          `${name}.html`,
        ).getAs('application/pdf'),
        'application/pdf',
        kind(name),
      );
    const separate = (label: BatchLabel) => {
      const l = label.label;
      const ext = isPdf(l.data) ? 'pdf' : l.format.toLowerCase();
      const name = `label-${label.shipmentId}.${ext}`;
      const blob =
        typeof l.data === 'string'
          ? Utilities.newBlob(l.data, 'text/plain', name)
          : Utilities.newBlob(
              signed(l.data),
              ext === 'pdf' ? 'application/pdf' : 'application/octet-stream',
              name,
            );
      labelFiles.set(
        label.shipmentId,
        save(name, blob, blob.getContentType() ?? 'application/octet-stream', 'label'),
      );
    };

    if (batch.format === 'zpl') {
      const name = `labels-${batch.stamp}.zpl`;
      const parts: { shipmentId: string; zpl: string }[] = [];
      const others: BatchLabel[] = [];
      for (const label of batch.labels) {
        const zpl = zplOf(label);
        if (zpl === null) others.push(label);
        else parts.push({ shipmentId: label.shipmentId, zpl: zpl.trimEnd() });
      }
      if (parts.length > 0) {
        const text = parts.map((p) => p.zpl).join('\n') + '\n';
        const url = save(name, Utilities.newBlob(text, 'text/plain', name), 'text/plain', 'labels');
        parts.forEach((p, i) => labelFiles.set(p.shipmentId, `${url}#${i + 1}`));
      }
      others.forEach(separate);
    } else {
      const printable: { label: BatchLabel; page: HtmlPage }[] = [];
      for (const label of batch.labels) {
        const l = label.label;
        if (l.layout) printable.push({ label, page: { kind: 'layout', page: l.layout } });
        else if (isPng(l.data))
          printable.push({
            label,
            page: {
              kind: 'image',
              ...LABEL_4X6,
              dataUrl: `data:image/png;base64,${Utilities.base64Encode(signed(l.data))}`,
            },
          });
        else separate(label);
      }
      if (printable.length > 0) {
        const twoUp = batch.format === 'pdf-letter-2up';
        const url = pdf(
          `labels-${batch.stamp}.pdf`,
          printable.map((p) => p.page),
          `Labels ${batch.stamp}`,
          twoUp,
        );
        printable.forEach((p, i) =>
          labelFiles.set(p.label.shipmentId, `${url}#page=${twoUp ? Math.floor(i / 2) + 1 : i + 1}`),
        );
      }
    }
    const pages = (list: readonly LayoutPage[]): HtmlPage[] => list.map((page) => ({ kind: 'layout', page }));
    if (batch.packingSlips.length > 0)
      pdf(`packing-slips-${batch.stamp}.pdf`, pages(batch.packingSlips), `Packing slips ${batch.stamp}`);
    if (batch.pickList.length > 0)
      pdf(`pick-list-${batch.stamp}.pdf`, pages(batch.pickList), `Pick list ${batch.stamp}`);
    return { labelFiles, files };
  }

  /** The "Shipsheet labels" folder this add-on made (drive.file sees only the add-on's own files), or a new one. */
  private folder(): string {
    if (this.folderId) return this.folderId;
    const files = driveFiles();
    const found = files.list({
      q: `name = '${LABELS_FOLDER}' and mimeType = '${FOLDER_MIME}' and trashed = false`,
      fields: 'files(id,name)',
      pageSize: 1,
    }).files?.[0];
    const id =
      found?.id ??
      // A folder has no content: files.create with the metadata only (its answer carries the id by default).
      files.create({ name: LABELS_FOLDER, mimeType: FOLDER_MIME }).id;
    if (!id) throw new Error(`Drive did not return an id for the ${LABELS_FOLDER} folder`);
    this.folderId = id;
    return id;
  }
}

function kind(name: string): CreatedFile['kind'] {
  return name.startsWith('packing-slips')
    ? 'packing slips'
    : name.startsWith('pick-list')
      ? 'pick list'
      : 'labels';
}
