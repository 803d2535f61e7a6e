/**
 * Writes a label batch to a folder: one labels file (PDF 4×6 / 2-up Letter, or ZPL) in pick order, the packing
 * slips PDF and the pick list PDF, each named with the run's stamp so runs never overwrite each other. Labels
 * a provider sends as a finished PDF are saved beside the batch (merging them needs a PDF editor).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BatchLabel, LabelBatch, LabelSink, WrittenBatch } from '../../core';
import { pageToZpl } from '../../core/labels/zpl';
import type { PrintableLabel } from './writePdf';
import { drawLabels, newPdfDocument, writePdf } from './writePdf';

function zplOf(label: BatchLabel): string | null {
  if (label.label.format === 'ZPL' && label.label.data.length > 0)
    return typeof label.label.data === 'string'
      ? label.label.data
      : Buffer.from(label.label.data).toString('latin1');
  return label.label.layout ? pageToZpl(label.label.layout) : null;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function isPng(data: Uint8Array | string): data is Uint8Array {
  return typeof data !== 'string' && PNG_SIGNATURE.every((b, i) => data[i] === b);
}

/** The file type of a provider's document by its first bytes (a provider may send other than it was asked for). */
function extensionOf(data: Uint8Array | string, format: string): string {
  const head = typeof data === 'string' ? data.slice(0, 5) : Buffer.from(data.slice(0, 5)).toString('latin1');
  if (head.startsWith('%PDF')) return 'pdf';
  if (head.startsWith('^XA') || head.startsWith('~')) return 'zpl';
  return format.toLowerCase();
}

async function finishPdf(doc: PDFKit.PDFDocument, file: string): Promise<void> {
  const out = fs.createWriteStream(file);
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  doc.pipe(out);
  doc.end();
  await done;
}

export class FileLabelSink implements LabelSink {
  constructor(private readonly outDir: string) {}

  async write(batch: LabelBatch): Promise<WrittenBatch> {
    await fs.promises.mkdir(this.outDir, { recursive: true });
    const files: string[] = [];
    const labelFiles = new Map<string, string>();
    const separate = async (label: BatchLabel, ext: string, data: Uint8Array | string) => {
      const file = path.join(this.outDir, `label-${label.shipmentId}.${ext}`);
      await fs.promises.writeFile(file, data);
      files.push(file);
      labelFiles.set(label.shipmentId, file);
    };
    if (batch.format === 'zpl') {
      const file = path.join(this.outDir, `labels-${batch.stamp}.zpl`);
      const parts: string[] = [];
      for (const label of batch.labels) {
        const zpl = zplOf(label);
        if (zpl === null) await separate(label, label.label.format.toLowerCase(), label.label.data);
        else {
          parts.push(zpl.trimEnd());
          labelFiles.set(label.shipmentId, `${file}#${parts.length}`);
        }
      }
      if (parts.length > 0) {
        await fs.promises.writeFile(file, parts.join('\n') + '\n', 'utf8');
        files.unshift(file);
      }
    } else {
      const file = path.join(this.outDir, `labels-${batch.stamp}.pdf`);
      const printable: { label: BatchLabel; item: PrintableLabel }[] = [];
      for (const label of batch.labels) {
        const l = label.label;
        if (l.layout) printable.push({ label, item: { layout: l.layout } });
        else if (isPng(l.data)) printable.push({ label, item: { png: l.data } });
        else await separate(label, extensionOf(l.data, l.format), l.data);
      }
      if (printable.length > 0) {
        const doc = newPdfDocument(`Labels ${batch.stamp}`);
        const pages = drawLabels(
          doc,
          printable.map((p) => p.item),
          batch.format === 'pdf-letter-2up' ? 'letter-2up' : 'as-is',
        );
        printable.forEach((p, i) => labelFiles.set(p.label.shipmentId, `${file}#page=${pages[i]}`));
        await finishPdf(doc, file);
        files.unshift(file);
      }
    }
    if (batch.packingSlips.length > 0) {
      const file = path.join(this.outDir, `packing-slips-${batch.stamp}.pdf`);
      await writePdf(file, batch.packingSlips, { title: `Packing slips ${batch.stamp}` });
      files.push(file);
    }
    if (batch.pickList.length > 0) {
      const file = path.join(this.outDir, `pick-list-${batch.stamp}.pdf`);
      await writePdf(file, batch.pickList, { title: `Pick list ${batch.stamp}` });
      files.push(file);
    }
    return { labelFiles, files };
  }
}
