/** Save the HTML page of a report, atomically. */
import type { SalesReport } from '../../core';
import { writeFileAtomic } from '../xlsx/atomicWrite';
import { reportHtml } from './writeReportHtml';

export async function writeReportHtml(
  report: SalesReport,
  chartSvg: string,
  generatedAt: Date,
  file: string,
): Promise<void> {
  await writeFileAtomic(file, new TextEncoder().encode(reportHtml(report, chartSvg, generatedAt)));
}
