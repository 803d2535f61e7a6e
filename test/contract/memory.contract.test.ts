import { MemoryWorkbook } from '../../src/core';
import { describeWorkbookContract } from './workbookContract';

describeWorkbookContract('in-memory', async (initial) => {
  const book = new MemoryWorkbook('memory', initial);
  return { book, reopen: async () => book, cleanup: async () => undefined };
});
