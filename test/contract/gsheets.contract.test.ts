import { FakeSheetsServer } from '../fakes/fakeSheetsServer';
import { fakeSheetsBook, newSpreadsheet } from '../fakes/fakeSheetsBook';
import { describeWorkbookContract } from './workbookContract';

const server = new FakeSheetsServer();
beforeAll(() => server.start());
afterAll(() => server.stop());

describeWorkbookContract(
  'Google Sheets (googleapis against the loopback fake Sheets API)',
  async (initial) => {
    const id = newSpreadsheet(server, initial);
    return {
      book: fakeSheetsBook(server, id),
      reopen: async () => fakeSheetsBook(server, id),
      cleanup: async () => server.removeSpreadsheet(id),
    };
  },
);
