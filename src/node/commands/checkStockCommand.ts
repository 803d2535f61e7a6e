/** `shipsheet check-stock --book B [--purchase-list FILE.csv]`: allocate stock to the open orders. */
import type { Command } from 'commander';
import type { PurchaseListRecord } from '../../core';
import { checkStock } from '../../core';
import { writePurchaseLists } from '../stock/writePurchaseList';
import { nodeRunContext } from './runContext';
import { withBook } from './withBook';
import type { BookCommandOptions } from './withBook';

export function registerCheckStock(program: Command): void {
  program
    .command('check-stock')
    .description(
      'allocate stock to open order items (earliest ship-by, then Prime, then purchase date); list shortages and reorders',
    )
    .requiredOption('--book <book>', 'workbook: FILE.xlsx')
    .option(
      '--purchase-list <file|dir/>',
      'also write the purchase list to this CSV, or one CSV per supplier into this folder',
    )
    .option('--json', 'print a machine-readable summary')
    .option('--write-copy <file>', 'write the result to another .xlsx instead of the one read')
    .action(async (opts: BookCommandOptions & { purchaseList?: string }) => {
      process.exitCode = await withBook(opts, async (book, progress) => {
        const result = await checkStock(book, nodeRunContext(progress));
        if (result.ok && opts.purchaseList) {
          const data = result.data as { purchases: PurchaseListRecord[] };
          const files = await writePurchaseLists(opts.purchaseList, data.purchases);
          return { ...result, lines: [...result.lines, `Purchase list written to ${files.join(', ')}.`] };
        }
        return result;
      });
    });
}
