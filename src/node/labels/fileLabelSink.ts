/**
 * Writes a label batch to a folder: one labels file (PDF 4×6 / 2-up Letter, or ZPL) in pick order, the packing
 * slips PDF and the pick list PDF, each named with the run's stamp so runs never overwrite each other. Labels
 * a provider sends as a finished PDF are saved beside the batch (merging them needs a PDF editor).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BatchLabel, LabelBatch, LabelSink, WrittenBatch } from '../../core';
import type { LayoutPage } from '../../core/labels/layout';
import { pageToZpl } from '../../core/labels/zpl';
import { drawPages, newPdfDocument } from './writePdf';
import { writePdf } from './writePdf';

function zplOf(label: BatchLabel): string | null {
  if (label.label.format === 'ZPL' && label.label.data.length > 0)
    return typeof label.label.data === 'string' ? label.label.data : Buffer.from(label.label.data).toString('latin1');
  return label.label.layout ? pageToZpl(label.label.layout) : null;
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
      const doc = newPdfDocument(`Labels ${batch.stamp}`);
      const twoUp = batch.format === 'pdf-letter-2up';
      const pending: LayoutPage[] = [];
      let pages = 0;
      const flush = () => {
        if (pending.length === 0) return;
        drawPages(doc, pending, twoUp ? 'letter-2up' : 'as-is');
        pending.length = 0;
      };
      for (const label of batch.labels) {
        const l = label.label;
        if (l.layout) {
          pending.push(l.layout);
          pages++;
          labelFiles.set(label.shipmentId, `${file}#page=${twoUp ? Math.ceil(pages / 2) : pages}`);
        } else if (l.format === 'PNG' && typeof l.data !== 'string') {
          if (twoUp && pages % 2 === 1) {
            flush();
            pages++;
          }
          flush();
          doc.addPage({ size: [288, 432], margin: 0 });
          doc.image(Buffer.from(l.data), 0, 0, { fit: [288, 432], align: 'center', valign: 'center' });
          pages += twoUp ? 2 : 1;
          labelFiles.set(label.shipmentId, `${file}#page=${twoUp ? pages / 2 : pages}`);
        } else {
          await separate(label, l.format.toLowerCase(), l.data);
        }
      }
      flush();
      if (pages > 0) {
        await finishPdf(doc, file);
        files.unshift(file);
      } else doc.end();
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
