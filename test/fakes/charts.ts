/**
 * Embedded charts as SpreadsheetApp models them, enough to check what the add-on draws: a builder
 * (Sheet.newChart(), or chart.modify() starting from an existing chart) that collects the chart type, data
 * ranges, options and anchor, and built charts a sheet holds (insertChart / updateChart / removeChart /
 * getCharts), with Google's errors for updating or removing a chart the sheet does not have.
 */
import type { CallLog } from './calls';
import { tracked } from './calls';
import type { FakeRange, FakeSheet } from './spreadsheetApp';
import { GoogleError } from './spreadsheetApp';

export const CHART_TYPES = [
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'LINE',
  'ORG',
  'PIE',
  'RADAR',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TIMELINE',
  'TREEMAP',
  'WATERFALL',
] as const;

export interface FakeChart {
  readonly id: number;
  readonly sheet: FakeSheet;
  readonly type: string;
  /** Sheet name and A1 of each range, in order. */
  readonly ranges: readonly { sheet: string; a1: string }[];
  readonly options: Readonly<Record<string, unknown>>;
  readonly position: { row: number; column: number; offsetX: number; offsetY: number };
  readonly numHeaders: number;
}

let nextChartId = 1;

interface Config {
  id: number | null;
  type: string | null;
  ranges: FakeRange[];
  options: Record<string, unknown>;
  position: FakeChart['position'];
  numHeaders: number;
}

export function chartsGlobal(): object {
  return { ChartType: Object.fromEntries(CHART_TYPES.map((t) => [t, t])) };
}

/** The SpreadsheetApp objects for the charts of one sheet, counted like every other call. */
export function chartApi(sheet: FakeSheet, calls: CallLog, unwrapRange: (r: unknown) => FakeRange) {
  const wrapChart = (c: FakeChart): object =>
    tracked(
      {
        _c: c,
        getChartId: () => c.id,
        getType: () => c.type,
        getRanges: () => c.ranges.map((r) => r.a1),
        getOptions: () =>
          tracked({ get: (k: string) => c.options[k] ?? null }, calls, 'SpreadsheetApp', 'ChartOptions'),
        getContainerInfo: () => ({
          getAnchorRow: () => c.position.row,
          getAnchorColumn: () => c.position.column,
        }),
        modify: () =>
          builder({
            id: c.id,
            type: c.type,
            ranges: [...(c as unknown as { _ranges: FakeRange[] })._ranges],
            options: { ...c.options },
            position: { ...c.position },
            numHeaders: c.numHeaders,
          }),
      },
      calls,
      'SpreadsheetApp',
      'EmbeddedChart',
    );
  const builder = (config: Config): object => {
    const b: Record<string, (...a: never[]) => unknown> = {
      setChartType: (t: string) => {
        if (!CHART_TYPES.includes(t as (typeof CHART_TYPES)[number]))
          throw new GoogleError(`Invalid argument: chartType (${String(t)})`);
        config.type = t;
        return proxy;
      },
      addRange: (r: unknown) => {
        const range = unwrapRange(r);
        if (range.sheet.book !== sheet.book)
          throw new GoogleError('The range must be in the same spreadsheet as the chart.');
        config.ranges.push(range);
        return proxy;
      },
      removeRange: (r: unknown) => {
        const range = unwrapRange(r);
        config.ranges = config.ranges.filter((x) => x.getA1Notation() !== range.getA1Notation());
        return proxy;
      },
      clearRanges: () => {
        config.ranges = [];
        return proxy;
      },
      setOption: (k: string, v: unknown) => {
        config.options[k] = JSON.parse(JSON.stringify(v)) as unknown;
        return proxy;
      },
      setNumHeaders: (n: number) => {
        config.numHeaders = n;
        return proxy;
      },
      setPosition: (row: number, column: number, offsetX: number, offsetY: number) => {
        if (row < 1 || column < 1) throw new GoogleError('The anchor row and column must be at least 1.');
        config.position = { row, column, offsetX, offsetY };
        return proxy;
      },
      getRanges: () => config.ranges.map((r) => r.getA1Notation()),
      build: () => {
        if (config.ranges.length === 0) throw new GoogleError('A chart needs at least one data range.');
        const chart: FakeChart & { _ranges: FakeRange[] } = {
          id: config.id ?? nextChartId++,
          sheet,
          type: config.type ?? 'COLUMN',
          ranges: config.ranges.map((r) => ({ sheet: r.sheet.name, a1: r.getA1Notation() })),
          options: { ...config.options },
          position: { ...config.position },
          numHeaders: config.numHeaders,
          _ranges: [...config.ranges],
        };
        return wrapChart(chart);
      },
    };
    const proxy = tracked(b, calls, 'SpreadsheetApp', 'EmbeddedChartBuilder');
    return proxy;
  };
  const unwrap = (c: unknown): FakeChart => (c as { _c: FakeChart })._c;
  return {
    newChart: () =>
      builder({
        id: null,
        type: null,
        ranges: [],
        options: {},
        position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
        numHeaders: -1,
      }),
    insertChart: (c: unknown) => {
      const chart = unwrap(c);
      if (chart.sheet !== sheet) throw new GoogleError('The chart belongs to another sheet.');
      if (sheet.charts.some((x) => x.id === chart.id))
        throw new GoogleError('This chart is already in the sheet: use updateChart.');
      sheet.charts.push(chart);
    },
    updateChart: (c: unknown) => {
      const chart = unwrap(c);
      const i = sheet.charts.findIndex((x) => x.id === chart.id);
      if (i < 0) throw new GoogleError('The chart to update is not in this sheet.');
      sheet.charts[i] = chart;
    },
    removeChart: (c: unknown) => {
      const chart = unwrap(c);
      const i = sheet.charts.findIndex((x) => x.id === chart.id);
      if (i < 0) throw new GoogleError('The chart to remove is not in this sheet.');
      sheet.charts.splice(i, 1);
    },
    getCharts: () => sheet.charts.map(wrapChart),
  };
}
