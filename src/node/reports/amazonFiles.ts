/** The Amazon report files in a folder, sorted by what their header says they are (All Orders, settlement). */
import fs from 'node:fs';
import path from 'node:path';
import { allOrdersReportTable, locateHeader, settlementReportTable } from '../../core';
import { readTableFile } from '../flatfiles/readTableFile';

export interface AmazonFiles {
  allOrders: string[];
  settlements: string[];
  /** Files that are neither (named in the run's result). */
  other: string[];
}

export async function findAmazonFiles(folder: string): Promise<AmazonFiles> {
  const found: AmazonFiles = { allOrders: [], settlements: [], other: [] };
  const names = (await fs.promises.readdir(folder))
    .filter((n) => /\.(txt|tsv|csv|xlsx)$/i.test(n) && !n.startsWith('.'))
    .sort();
  for (const name of names) {
    const file = path.join(folder, name);
    let grid;
    try {
      grid = (await readTableFile(file)).grid;
    } catch {
      found.other.push(file); // unreadable: not one of Amazon's text reports
      continue;
    }
    const head = grid.slice(0, 10);
    const settlement = locateHeader(head, settlementReportTable);
    if (settlement >= 0 && head[settlement].some((c) => String(c).trim().toLowerCase() === 'amount-type'))
      found.settlements.push(file);
    else if (
      locateHeader(head, allOrdersReportTable) >= 0 &&
      head.some((r) => r.some((c) => /^(amazon-order-id|order-status)$/i.test(String(c).trim())))
    )
      found.allOrders.push(file);
    else found.other.push(file);
  }
  return found;
}
