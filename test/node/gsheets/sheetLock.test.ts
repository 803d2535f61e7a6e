import { SheetLockedError } from '../../../src/node/gsheets/sheetLock';
import { FakeSheetsServer } from '../../fakes/fakeSheetsServer';
import { fakeSheetsBook, newSpreadsheet } from '../../fakes/fakeSheetsBook';

const server = new FakeSheetsServer();
beforeAll(() => server.start());
afterAll(() => server.stop());
beforeEach(() => {
  server.clearFaults();
  server.resetCounts();
});

describe('the lock on a Google Sheet', () => {
  it('takes the lock in one request, refuses a second run, and lets it in once released', async () => {
    const id = newSpreadsheet(server, { A: [['h']] });
    const first = fakeSheetsBook(server, id);
    const release = await first.lock('ann@shop-pc, pid 1');
    expect(server.counts()).toEqual({ batchUpdate: 1 });
    expect(server.sheetTitles(id)).toEqual(['A', 'shipsheet-lock']);
    expect(await first.sheetNames()).toEqual(['A']);
    const second = fakeSheetsBook(server, id);
    const refused = await second.lock('cron@server, pid 2').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SheetLockedError);
    expect(String(refused)).toMatch(
      /in use by another Shipsheet run \(ann@shop-pc, pid 1, started 0 min ago\)/,
    );
    await release();
    await release();
    expect(server.sheetTitles(id)).toEqual(['A']);
    const again = await second.lock('cron@server, pid 2');
    await again();
  });

  it('takes over a lock left by a crashed run', async () => {
    const id = newSpreadsheet(server, { A: [['h']] });
    const old = fakeSheetsBook(server, id, { now: () => Date.now() - 2 * 3600_000 });
    await old.lock('crashed@pc, pid 9');
    const release = await fakeSheetsBook(server, id).lock('me@pc, pid 10');
    expect(server.sheetTitles(id).filter((t) => t === 'shipsheet-lock')).toHaveLength(1);
    expect(server.values(id, 'shipsheet-lock')[0][0]).toContain('me@pc');
    await release();
    expect(server.sheetTitles(id)).toEqual(['A']);
  });

  it('knows its own lock when the answer to taking it was lost', async () => {
    const id = newSpreadsheet(server, { A: [['h']] });
    server.inject({ kind: 'batchUpdate', status: 503, afterApply: true });
    const release = await fakeSheetsBook(server, id).lock('me@pc, pid 11');
    expect(server.sheetTitles(id)).toEqual(['A', 'shipsheet-lock']);
    await release();
    expect(server.sheetTitles(id)).toEqual(['A']);
  });
});
