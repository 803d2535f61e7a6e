// The HTML report opened in headless Chromium: the chart is drawn with both series and one mark per day.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { runSalesReportFiles } from '../../../src/node/reports/salesReportRun';
import { XlsxWorkbook } from '../../../src/node/xlsx/xlsxWorkbook';
import { NOW, SAMPLE_ALL_ORDERS, SAMPLE_SETTLEMENT, sampleBook, tempDir, testOutput } from './fixtures';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});
afterAll(async () => {
  await browser?.close();
});

it('renders the weekly report page with a chart of net sales and profit by day, and keeps a screenshot', async () => {
  const dir = tempDir('report-html-');
  const bookFile = await sampleBook(dir);
  const html = path.join(dir, 'report.html');
  const book = await XlsxWorkbook.open(bookFile);
  let run;
  try {
    run = await runSalesReportFiles(
      book,
      {
        period: 'week',
        from: '2026-11-23',
        to: '2026-11-29',
        allOrders: [SAMPLE_ALL_ORDERS],
        settlements: [SAMPLE_SETTLEMENT],
        out: [html],
      },
      { now: NOW },
    );
  } finally {
    book.close();
  }
  expect(run.result.ok).toBe(true);
  const text = fs.readFileSync(html, 'utf8');
  expect(text).not.toMatch(/<script|src="http|href="http/);

  const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
  await page.goto(`file://${html}`);
  const chart = page.locator('#chart svg');
  await expect(chart.count()).resolves.toBe(1);
  const box = await chart.boundingBox();
  expect(box!.width).toBeGreaterThan(400);
  expect(box!.height).toBeGreaterThan(250);
  // Legend names both series; seven daily bars for net sales; one profit line through seven points.
  const legend = await page.locator('#chart svg .role-legend-label text').allTextContents();
  expect(legend).toEqual(['Net sales', 'Profit']);
  await expect(page.locator('#chart svg .mark-rect.role-mark path').count()).resolves.toBe(7);
  await expect(page.locator('#chart svg .mark-line.role-mark path').count()).resolves.toBe(1);
  await expect(page.locator('#chart svg .mark-symbol.role-mark path').count()).resolves.toBe(7);
  const xLabels = await page.locator('#chart svg .role-axis-label text').allTextContents();
  expect(xLabels).toEqual(expect.arrayContaining(['2026-11-23', '2026-11-29']));
  // The bars' heights follow the report's daily net sales (the tallest bar is the best day).
  const daily = run.report!.daily!.map(
    (d) => d.figures.grossSales - d.figures.promotions - d.figures.refunds,
  );
  const heights = await page
    .locator('#chart svg .mark-rect.role-mark path')
    .evaluateAll((els) =>
      els.map((e) => (e as unknown as { getBBox(): { height: number } }).getBBox().height),
    );
  expect(heights.indexOf(Math.max(...heights))).toBe(daily.indexOf(Math.max(...daily)));
  // The tables are there, and the estimate is marked.
  await expect(page.locator('#totals tbody tr').count()).resolves.toBe(2);
  await expect(page.locator('#skus tbody tr').count()).resolves.toBeGreaterThan(3);
  await expect(page.locator('li.estimate').count()).resolves.toBe(1);
  await expect(page.locator('#health tbody tr').count()).resolves.toBe(5);
  await page.screenshot({ path: testOutput('reports', 'sales-report.png'), fullPage: true });
  fs.copyFileSync(html, testOutput('reports', 'sales-report.html'));
  await page.close();
});
