/** `shipsheet health`: Amazon's shipping metrics and the orders at risk, printed and written to the Health sheet. */
import { accountHealth } from '../health/accountHealth';
import { healthRows, healthTable, METRIC_LABELS, percent } from '../health/healthSheet';
import { readSettings } from '../settings/readSettings';
import { decodeTable } from '../tables/decodeTable';
import { logTable } from '../tables/log';
import { ordersTable } from '../tables/orders';
import { settingsTable } from '../tables/settingsTable';
import type { Workbook } from '../workbook';
import type { ActionResult } from './actionResult';
import { refused } from './actionResult';
import type { RunContext } from './logEntry';
import { logEditor, logEntry } from './logEntry';

export const CHECK_HEALTH = 'health';

export async function checkHealth(
  book: Workbook,
  context: RunContext,
  options: { atRiskHours?: number } = {},
): Promise<ActionResult> {
  const tables = await book.read([ordersTable.name, settingsTable.name, healthTable.name, logTable.name]);
  const ordersGrid = tables.get(ordersTable.name);
  if (!ordersGrid) return refused(CHECK_HEALTH, `${book.label} has no Orders sheet: import orders first.`);
  const orders = decodeTable(ordersTable, ordersGrid, { checkRequired: false });
  const { settings } = readSettings(tables.get(settingsTable.name) ?? null);
  const atRiskHours = options.atRiskHours ?? settings.int('at-risk-hours');
  const health = accountHealth(
    orders.rows.map((r) => r.record),
    { now: context.now, timeZone: settings.text('timezone'), atRiskHours },
  );
  const lines = health.metrics
    .filter((m) => m.amazonWindow)
    .map(
      (m) =>
        `${METRIC_LABELS[m.metric]} (${m.windowDays} days): ${m.rate === null ? 'no orders to measure' : `${percent(m.rate)}% (${m.count} of ${m.of})`}, target ${m.goodWhen === 'below' ? 'under' : 'at least'} ${m.target * 100}%${m.rate !== null && !m.ok ? ' — AT RISK' : ''}`,
    );
  lines.push(
    health.atRisk.length === 0
      ? `No order is due to ship within ${atRiskHours} hours without tracking.`
      : `${health.atRisk.length} order(s) due within ${atRiskHours} hours without tracking${health.overdue > 0 ? ` (${health.overdue} already past ship-by)` : ''}: ${health.atRisk
          .slice(0, 10)
          .map(
            (o) => `${o.orderId} (${o.hoursLeft < 0 ? `${-o.hoursLeft} h late` : `${o.hoursLeft} h left`})`,
          )
          .join(', ')}${health.atRisk.length > 10 ? ', …' : ''}`,
  );
  const existing = tables.get(healthTable.name) ?? null;
  const log = logEditor(tables.get(logTable.name) ?? null);
  log.append(
    logEntry(
      CHECK_HEALTH,
      context,
      { rowsRead: orders.rows.length, rowsChanged: 0, summary: lines.join('\n') },
      [],
    ),
  );
  await book.write({
    sheets: [
      {
        sheet: healthTable.name,
        create: existing === null,
        clear: true,
        blocks: [{ row: 1, col: 1, values: healthRows(health) }],
        freezeHeader: true,
      },
      log.toWrite(),
    ],
  });
  return {
    action: CHECK_HEALTH,
    ok: true,
    changes: [{ sheet: healthTable.name, added: health.metrics.length + health.atRisk.length, updated: 0 }],
    problems: [],
    stats: {
      atRisk: health.atRisk.length,
      overdue: health.overdue,
      failing: health.metrics.filter((m) => m.amazonWindow && !m.ok).length,
    },
    lines,
    data: health,
  };
}
