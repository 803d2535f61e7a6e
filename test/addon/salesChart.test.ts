/**
 * The Sales report's native chart on the bundle in the vm: a column chart of net sales and profit from the
 * Total and Previous period rows the report wrote; a second run (menu or trigger) updates it, never stacks one.
 */
import type { AppsScript } from '../fakes/appsScript';
import { column, sheetFromTemplates } from './sheetFromTemplates';

interface Outcome {
  status: string;
  body: string;
}

const letter = (n: number) => String.fromCharCode(64 + n);

function reported(): AppsScript {
  const gas = sheetFromTemplates();
  const out = gas.call<Outcome>('menuSalesReport');
  expect(['done', 'problems']).toContain(out.status);
  return gas;
}

describe('the Sales Report chart', () => {
  it('is a column chart of net sales and profit, this period against the one before, beside the table', () => {
    const gas = reported();
    const sheet = gas.spreadsheet.sheet('Sales Report')!;
    expect(sheet.charts).toHaveLength(1);
    const chart = sheet.charts[0];
    expect(chart.type).toBe('COLUMN');
    const values = gas.spreadsheet.values('Sales Report');
    expect([values[1][0], values[2][0]]).toEqual(['Total', 'Previous period']);
    const col = (h: string) => letter(column(gas, 'Sales Report', h) + 1);
    expect(chart.ranges).toEqual([
      { sheet: 'Sales Report', a1: `${col('label')}2:${col('label')}3` },
      { sheet: 'Sales Report', a1: `${col('net-sales')}2:${col('net-sales')}3` },
      { sheet: 'Sales Report', a1: `${col('profit')}2:${col('profit')}3` },
    ]);
    expect(chart.numHeaders).toBe(0);
    expect(String(chart.options.title)).toMatch(
      /^Net sales and profit: \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d against the week before \(USD\)$/,
    );
    expect(chart.options.series).toMatchObject({
      0: { labelInLegend: 'Net sales' },
      1: { labelInLegend: 'Profit' },
    });
    // Beside the table, not over it.
    expect(chart.position.column).toBeGreaterThan(values[0].length);
  });

  it('a second run updates the same chart (where the seller moved it) instead of adding one', () => {
    const gas = reported();
    const sheet = gas.spreadsheet.sheet('Sales Report')!;
    const first = sheet.charts[0];
    // The seller drags the chart elsewhere.
    sheet.charts[0] = { ...first, position: { row: 30, column: 2, offsetX: 0, offsetY: 0 } };
    gas.calls.reset();
    const out = gas.call<Outcome>('menuSalesReport');
    expect(out.body).toMatch(/Updated the chart on the Sales Report sheet/);
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0].id).toBe(first.id);
    expect(sheet.charts[0].position.row).toBe(30);
    expect(gas.calls.get('SpreadsheetApp:Sheet.insertChart')).toBe(0);
    expect(gas.calls.get('SpreadsheetApp:Sheet.updateChart')).toBe(1);
  });

  it('leaves a chart of the seller’s own on the sheet alone, and removes stacked copies of its own', () => {
    const gas = reported();
    const sheet = gas.spreadsheet.sheet('Sales Report')!;
    const ours = sheet.charts[0];
    sheet.charts.push({ ...ours, id: 9001 });
    sheet.charts.push({ ...ours, id: 9002, options: { title: 'My own chart' } });
    gas.call('menuSalesReport');
    expect(sheet.charts.map((c) => c.id).sort()).toEqual([ours.id, 9002].sort());
  });

  it('the scheduled report draws it too', () => {
    const gas = sheetFromTemplates();
    gas.call('saveSchedule', { enabled: true, frequency: 'daily', hour: 7, period: 'day' });
    const uid = gas.scriptApp.triggers.find((t) => t.handler === 'runScheduledReport')!.uid;
    const run = gas.trigger<{ status: string; message: string }>('runScheduledReport', uid);
    expect(run.status).toBe('built');
    expect(run.message).toMatch(/Added a chart to the Sales Report sheet/);
    const chart = gas.spreadsheet.sheet('Sales Report')!.charts[0];
    expect(String(chart.options.title)).toMatch(/against the day before/);
  });
});
