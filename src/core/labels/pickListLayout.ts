/** The pick list of a batch as Letter pages: checkbox, location, SKU, title, quantity, orders; totals at the end. */
import { fitText } from './fitText';
import type { LayoutPage } from './layout';
import { lineHeight } from './layout';
import type { PickList } from './pickList';
import { PageFlow } from './pageFlow';

const C = { box: 0, location: 18, sku: 88, title: 200, qty: 380, orders: 420 } as const;

export function pickListLayout(list: PickList, batch: { title: string; subtitle: string }): LayoutPage[] {
  const flow = new PageFlow('pick-list', (f, pageIndex) => {
    f.text(pageIndex === 0 ? batch.title : `${batch.title} (continued)`, 16, { bold: true });
    f.text(batch.subtitle, 9);
    f.y += 6;
    f.text('', 9, { keepY: true });
    const y = f.y;
    const head = (label: string, x: number, width: number, align?: 'right') =>
      f.add({ kind: 'text', x: f.left + x, y, width, lines: [label], size: 9, bold: true, align });
    head('Location', C.location, 68);
    head('SKU', C.sku, 110);
    head('Item', C.title, 175);
    head('Qty', C.qty, 32, 'right');
    head('Orders', C.orders, f.width - C.orders);
    f.y += lineHeight(9);
    f.rule(1);
    f.y += 3;
  });
  flow.newPage();
  for (const line of list.lines) {
    const title = fitText(line.title, 175, 9, { maxLines: 2 });
    const orders = fitText(line.orders.join(', '), flow.width - C.orders, 8, {});
    const rows = Math.max(title.lines.length, orders.lines.length * (8 / 9), 1);
    const height = rows * lineHeight(9) + 5;
    flow.ensure(height);
    const y = flow.y;
    flow.add({ kind: 'frame', x: flow.left + C.box, y: y + 1.5, width: 9, height: 9, lineWidth: 0.8 });
    flow.add({
      kind: 'text',
      x: flow.left + C.location,
      y,
      width: 68,
      lines: fitText(line.location, 68, 10, { bold: true, maxLines: 1 }).lines,
      size: 10,
      bold: true,
    });
    flow.add({
      kind: 'text',
      x: flow.left + C.sku,
      y,
      width: 110,
      lines: fitText(line.sku, 110, 9, { maxLines: 2 }).lines,
      size: 9,
    });
    flow.add({ kind: 'text', x: flow.left + C.title, y, width: 175, lines: title.lines, size: 9 });
    flow.add({
      kind: 'text',
      x: flow.left + C.qty,
      y,
      width: 32,
      lines: [String(line.quantity)],
      size: 10,
      bold: true,
      align: 'right',
    });
    flow.add({
      kind: 'text',
      x: flow.left + C.orders,
      y,
      width: flow.width - C.orders,
      lines: orders.lines,
      size: 8,
    });
    flow.y = y + height;
    flow.add({ kind: 'rule', x: flow.left, y: flow.y - 2, width: flow.width, height: 0.3 });
  }
  flow.y += 8;
  flow.ensure(lineHeight(11));
  flow.text(
    `Total: ${list.lines.length} pick line${list.lines.length === 1 ? '' : 's'}, ${list.totalUnits} unit${list.totalUnits === 1 ? '' : 's'}, ${list.totalOrders} order${list.totalOrders === 1 ? '' : 's'}`,
    11,
    { bold: true },
  );
  return flow.finish();
}
