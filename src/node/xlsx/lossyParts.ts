/** Parts of an .xlsx that exceljs drops on rewrite (charts, pivot tables, macros, …), found before we write. */
import JSZip from 'jszip';

const LOSSY: ReadonlyArray<{ pattern: RegExp; what: string }> = [
  { pattern: /^xl\/charts\//, what: 'charts' },
  { pattern: /^xl\/chartsheets\//, what: 'chart sheets' },
  { pattern: /^xl\/pivotTables\//, what: 'pivot tables' },
  { pattern: /^xl\/pivotCache\//, what: 'pivot caches' },
  { pattern: /^xl\/vbaProject\.bin$/, what: 'macros (VBA)' },
  { pattern: /^xl\/slicers\//, what: 'slicers' },
  { pattern: /^xl\/timelines\//, what: 'timelines' },
  { pattern: /^xl\/threadedComments\//, what: 'threaded comments' },
  { pattern: /^xl\/ctrlProps\//, what: 'form controls' },
  { pattern: /^xl\/activeX\//, what: 'ActiveX controls' },
  { pattern: /^xl\/embeddings\//, what: 'embedded objects' },
  { pattern: /^xl\/externalLinks\//, what: 'links to other workbooks' },
  { pattern: /^xl\/model\//, what: 'a data model' },
];

/** What would be lost, e.g. ['charts', 'pivot tables'] (empty when a rewrite is safe). */
export async function lossyParts(data: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(data);
  const found = new Set<string>();
  for (const name of Object.keys(zip.files))
    for (const l of LOSSY) if (l.pattern.test(name)) found.add(l.what);
  return [...found];
}
