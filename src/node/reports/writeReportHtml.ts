/** The report as one self-contained HTML page (inline CSS and SVG chart, no scripts): to open or e-mail. */
import type { Figures, SalesReport, SkuRow } from '../../core';
import { FIGURE_COLUMNS, formatFigure, reportTitle, totalChanges } from './formatReport';

const escapeHtml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

function table(
  head: string,
  rows: { label: string; title?: string | null; figures: Readonly<Figures> }[],
  currency: string,
  id: string,
): string {
  const th = [head, ...FIGURE_COLUMNS.map((c) => c.title)].map((t) => `<th>${escapeHtml(t)}</th>`).join('');
  const body = rows
    .map((r) => {
      const cells = FIGURE_COLUMNS.map((c) => {
        const text = formatFigure(c, r.figures, currency);
        const est =
          c.title === 'Fees' && r.figures.feesEstimated !== 0
            ? ' class="estimate" title="includes an estimate"'
            : '';
        return `<td${est}>${escapeHtml(text)}</td>`;
      }).join('');
      const label = r.title
        ? `${escapeHtml(r.label)}<div class="sub">${escapeHtml(r.title)}</div>`
        : escapeHtml(r.label);
      return `<tr><th scope="row">${label}</th>${cells}</tr>`;
    })
    .join('\n');
  return `<table id="${id}"><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

const skuRows = (rows: readonly SkuRow[]) =>
  rows.map((s) => ({ label: s.sku, title: s.title, figures: s.figures }));

export function reportHtml(report: SalesReport, chartSvg: string, generatedAt: Date): string {
  const c = report.currency;
  const notes = report.notes
    .map(
      (n) =>
        `<li class="${n.kind}"><strong>${n.kind === 'estimate' ? 'Estimate' : n.kind === 'left-out' ? 'Left out' : 'Note'}:</strong> ${escapeHtml(n.text)}</li>`,
    )
    .join('\n');
  const changes = totalChanges(report)
    .map((ch) => `<div class="kpi"><span>${escapeHtml(ch.label)}</span><b>${escapeHtml(ch.value)}</b></div>`)
    .join('');
  const health =
    report.health && report.health.length > 0
      ? `<h2>Account health</h2><table id="health"><thead><tr><th>Metric</th><th>Value</th><th>Target</th><th>Status</th></tr></thead><tbody>${report.health
          .map(
            (h) =>
              `<tr><th scope="row">${escapeHtml(h.label)}</th><td>${escapeHtml(h.value)}</td><td>${escapeHtml(h.target ?? '')}</td><td>${h.ok === false ? 'misses target' : ''}</td></tr>`,
          )
          .join('')}</tbody></table>`
      : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(reportTitle(report))}</title>
<style>
body{font-family:"DejaVu Sans",Arial,Helvetica,sans-serif;margin:24px;color:#222;font-size:14px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}
.meta{color:#666;margin-bottom:16px}
table{border-collapse:collapse;margin:4px 0 12px}th,td{border:1px solid #ddd;padding:4px 8px;text-align:right;white-space:nowrap}
thead th{background:#f3f5f8}tbody th{text-align:left;font-weight:600}.sub{font-weight:400;color:#666;font-size:12px}
td.estimate{background:#fff7e0}
ul.notes li{margin:3px 0}li.estimate{color:#8a5a00}li.left-out{color:#9b1c1c}
.kpis{display:flex;gap:12px;margin:8px 0}.kpi{border:1px solid #ddd;border-radius:6px;padding:6px 12px}.kpi span{display:block;color:#666;font-size:12px}
#chart svg{max-width:100%;height:auto}
</style></head>
<body>
<h1>${escapeHtml(reportTitle(report))}</h1>
<div class="meta">By ${escapeHtml(report.period)}, in ${escapeHtml(c)}, days in ${escapeHtml(report.timeZone)}. Compared with ${escapeHtml(report.previousFrom)} to ${escapeHtml(report.previousTo)}. Generated ${escapeHtml(generatedAt.toISOString())}.</div>
<h2>Totals</h2>
${table(
  '',
  [
    { label: 'This period', figures: report.total },
    { label: 'Previous period', figures: report.previousTotal },
  ],
  c,
  'totals',
)}
<div class="kpis">${changes}</div>
${notes ? `<ul class="notes">${notes}</ul>` : ''}
<h2>Sales and profit over time</h2>
<div id="chart">${chartSvg}</div>
<h2>By ${escapeHtml(report.period)}</h2>
${table(
  report.period === 'day' ? 'Day' : report.period === 'week' ? 'Week' : 'Month',
  report.periods.map((p) => ({ label: p.label, figures: p.figures })),
  c,
  'periods',
)}
<h2>By SKU</h2>
${table('SKU', skuRows(report.skus), c, 'skus')}
<h2>Top SKUs by profit</h2>
${table('SKU', skuRows(report.top), c, 'top')}
${report.bottom.length > 0 ? `<h2>Bottom SKUs by profit</h2>\n${table('SKU', skuRows(report.bottom), c, 'bottom')}` : ''}
${health}
</body></html>
`;
}
