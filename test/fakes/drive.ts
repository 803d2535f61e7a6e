/**
 * A fake of the advanced Drive service (Drive API v3 as Apps Script exposes it: Drive.Files.create / list / get)
 * with the per-file scope Google documents: under `drive.file` a script sees only the files it created (the
 * seller's other files, even one with the same name, are invisible), under `drive` everything. Without either
 * scope in the manifest every call fails as Google's does. Files keep their bytes, and a PDF converted from
 * HTML keeps that HTML (see FakeBlob), so a test can print what the seller would get. Every call is counted.
 */
import type { CallLog } from './calls';
import { tracked } from './calls';
import { FakeBlob, SOURCE_HTML } from './services';
import { GoogleError } from './spreadsheetApp';

export const FOLDER_MIME = 'application/vnd.google-apps.folder';
const DRIVE_FILE = 'https://www.googleapis.com/auth/drive.file';
const DRIVE = 'https://www.googleapis.com/auth/drive';

export interface FakeDriveFile {
  readonly id: string;
  name: string;
  readonly mimeType: string;
  readonly parents: string[];
  /** Made by this script (visible under drive.file), or by the seller some other way. */
  readonly byScript: boolean;
  trashed: boolean;
  readonly bytes: Buffer;
  /** For a PDF converted from HTML: the HTML. */
  readonly sourceHtml?: string;
  readonly createdTime: string;
}

type Resource = { name?: string; mimeType?: string; parents?: string[] };

export class FakeDrive {
  readonly files: FakeDriveFile[] = [];
  private next = 1;

  constructor(private readonly scopes: () => readonly string[]) {}

  /** A file the seller has that this script did not make (drive.file must not see it). */
  seedSellerFile(name: string, mimeType = FOLDER_MIME): FakeDriveFile {
    return this.add({ name, mimeType, parents: ['root'] }, null, false);
  }

  /** The files in a folder, by name (test helper). */
  inFolder(folderId: string): FakeDriveFile[] {
    return this.files.filter((f) => f.parents.includes(folderId) && !f.trashed);
  }

  text(file: FakeDriveFile): string {
    return file.bytes.toString('utf8');
  }

  private visible(f: FakeDriveFile): boolean {
    const scopes = this.scopes();
    return scopes.includes(DRIVE) || (scopes.includes(DRIVE_FILE) && f.byScript);
  }

  private authorize(method: string): void {
    const scopes = this.scopes();
    if (!scopes.includes(DRIVE) && !scopes.includes(DRIVE_FILE))
      throw new GoogleError(
        `GoogleJsonResponseException: API call to drive.files.${method} failed with error: Request had insufficient authentication scopes.`,
      );
  }

  private add(resource: Resource, media: FakeBlob | null, byScript: boolean): FakeDriveFile {
    const bytes = media ? Buffer.from(media._bytes.map((b) => b & 0xff)) : Buffer.alloc(0);
    const file: FakeDriveFile = {
      id: `drive-${this.next++}`,
      name: resource.name ?? media?.getName() ?? 'Untitled',
      mimeType: resource.mimeType ?? media?.getContentType() ?? 'application/octet-stream',
      parents: resource.parents ? [...resource.parents] : ['root'],
      byScript,
      trashed: false,
      bytes,
      sourceHtml: media?.[SOURCE_HTML],
      createdTime: new Date().toISOString(),
    };
    this.files.push(file);
    return file;
  }

  /** The v3 resource with only the requested fields (default: kind, id, name, mimeType). */
  private resource(f: FakeDriveFile, fields?: string): Record<string, unknown> {
    const all: Record<string, unknown> = {
      kind: 'drive#file',
      id: f.id,
      name: f.name,
      mimeType: f.mimeType,
      parents: f.parents,
      trashed: f.trashed,
      size: String(f.bytes.length),
      createdTime: f.createdTime,
      webViewLink:
        f.mimeType === FOLDER_MIME
          ? `https://drive.google.com/drive/folders/${f.id}`
          : `https://drive.google.com/file/d/${f.id}/view?usp=drivesdk`,
    };
    const wanted = fields ? fields.split(',').map((x) => x.trim()) : ['kind', 'id', 'name', 'mimeType'];
    return Object.fromEntries(wanted.filter((k) => k in all).map((k) => [k, all[k]]));
  }

  /** Drive's query language, the clauses Shipsheet uses: name =, mimeType =, trashed =, 'id' in parents. */
  private matcher(q: string): (f: FakeDriveFile) => boolean {
    const tests = q.split(/\s+and\s+/i).map((clause) => {
      let m = /^(name|mimeType)\s*=\s*'((?:[^'\\]|\\.)*)'$/.exec(clause.trim());
      if (m) {
        const [key, value] = [m[1] as 'name' | 'mimeType', m[2].replace(/\\(.)/g, '$1')];
        return (f: FakeDriveFile) => f[key] === value;
      }
      m = /^trashed\s*=\s*(true|false)$/.exec(clause.trim());
      if (m) {
        const want = m[1] === 'true';
        return (f: FakeDriveFile) => f.trashed === want;
      }
      m = /^'([^']+)'\s+in\s+parents$/.exec(clause.trim());
      if (m) {
        const id = m[1];
        return (f: FakeDriveFile) => f.parents.includes(id);
      }
      throw new GoogleError(
        `GoogleJsonResponseException: API call to drive.files.list failed with error: Invalid Value (q: ${clause})`,
      );
    });
    return (f) => tests.every((t) => t(f));
  }

  global(calls: CallLog): object {
    const files = {
      create: (resource: Resource, media?: FakeBlob, optionalArgs?: { fields?: string }) => {
        this.authorize('create');
        for (const p of resource.parents ?? []) {
          const parent = this.files.find((f) => f.id === p);
          if (p !== 'root' && (!parent || !this.visible(parent) || parent.mimeType !== FOLDER_MIME))
            throw new GoogleError(
              `GoogleJsonResponseException: API call to drive.files.create failed with error: File not found: ${p}.`,
            );
        }
        if (resource.mimeType === FOLDER_MIME && media)
          throw new GoogleError('A folder cannot have content.');
        return this.resource(this.add(resource, media ?? null, true), optionalArgs?.fields);
      },
      list: (optionalArgs: { q?: string; fields?: string; pageSize?: number } = {}) => {
        this.authorize('list');
        const match = optionalArgs.q ? this.matcher(optionalArgs.q) : () => true;
        const found = this.files.filter((f) => this.visible(f) && match(f));
        const inner = /files\(([^)]*)\)/.exec(optionalArgs.fields ?? '')?.[1];
        return {
          kind: 'drive#fileList',
          files: found.slice(0, optionalArgs.pageSize ?? 100).map((f) => this.resource(f, inner)),
        };
      },
      get: (fileId: string, optionalArgs?: { fields?: string }) => {
        this.authorize('get');
        const f = this.files.find((x) => x.id === fileId);
        if (!f || !this.visible(f))
          throw new GoogleError(
            `GoogleJsonResponseException: API call to drive.files.get failed with error: File not found: ${fileId}`,
          );
        return this.resource(f, optionalArgs?.fields);
      },
    };
    return { Files: tracked(files, calls, 'Drive', 'Files') };
  }
}
