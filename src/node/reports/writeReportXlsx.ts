/** The report as its own .xlsx file: the Sales Report table, one sheet per section, and the chart as an image. */
import ExcelJS from 'exceljs';
import type { ColumnSpec, SalesReport, SalesReportRecord } from '../../core';
import { encodeCell, salesReportRows, salesReportTable, toMajor } from '../../core';
import { writeFileAtomic } from '../xlsx/atomicWrite';
import { placeChartImage } from './chartImage';
import { FIGURE_COLUMNS, reportTitle } from './formatReport';

export async function writeReportXlsx(
  report: SalesReport,
  chart: { png: Buffer; width: number; height: number },
  file: string,
): Promise<void> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Shipsheet';
  const summary = book.addWorksheet('Chart');
  summary.getCell(1, 1).value = reportTitle(report);
  summary.getCell(1, 1).font = { bold: true, size: 14 };
  summary.getCell(2, 1).value =
    `By ${report.period}, in ${report.currency}; previous period ${report.previousFrom} to ${report.previousTo}`;
  report.notes.forEach((n, i) => {
    summary.getCell(3 + i, 1).value =
      `${n.kind === 'estimate' ? 'Estimate' : n.kind === 'left-out' ? 'Left out' : 'Note'}: ${n.text}`;
  });
  placeChartImage(book, summary, chart, { col: 0, row: 4 + report.notes.length });

  const ws = book.addWorksheet(salesReportTable.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = salesReportTable.columns;
  ws.addRow(columns.map((c) => c.name)).font = { bold: true };
  for (const r of salesReportRows(report)) {
    const rec = r as Partial<Record<keyof SalesReportRecord, string | number | null>>;
    ws.addRow(
      columns.map(
        (c) =>
          encodeCell(c, rec[c.name as keyof SalesReportRecord] ?? null, report.currency) as ExcelJS.CellValue,
      ),
    );
  }
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = (c as ColumnSpec).width ?? Math.max(10, c.name.length + 2);
    if (c.type === 'money') col.numFmt = '#,##0.00;-#,##0.00';
  });
  // A compact readable copy of the two tables a seller looks at first.
  for (const [name, rows] of [
    ['By period', report.periods.map((p) => ({ label: p.label, figures: p.figures }))],
    ['By SKU', report.skus.map((s) => ({ label: s.sku, figures: s.figures }))],
  ] as const) {
    const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow([
      name === 'By SKU' ? 'SKU' : 'Period',
      ...FIGURE_COLUMNS.map((c) => c.title),
      'Fees estimated',
    ]).font = { bold: true };
    const money = (minor: number) => toMajor(minor, report.currency);
    for (const r of rows)
      sheet.addRow([
        r.label,
        ...FIGURE_COLUMNS.map((c) => {
          const v = c.value(r.figures);
          return v === null ? null : c.money ? money(v) : v;
        }),
        money(r.figures.feesEstimated),
      ]);
    sheet.getColumn(1).width = 28;
    FIGURE_COLUMNS.forEach((c, i) => {
      const col = sheet.getColumn(i + 2);
      col.width = 14;
      if (c.money) col.numFmt = '#,##0.00;-#,##0.00';
    });
    sheet.getColumn(FIGURE_COLUMNS.length + 2).numFmt = '#,##0.00;-#,##0.00';
    sheet.getColumn(FIGURE_COLUMNS.length + 2).width = 14;
  }
  const data = await book.xlsx.writeBuffer();
  await writeFileAtomic(file, new Uint8Array(data as ArrayBuffer));
}
