// The fake Sheets API answers as Google documents, so tests against it mean something.
import { FakeSheetsServer } from './fakeSheetsServer';

const server = new FakeSheetsServer();
beforeAll(async () => {
  await server.start();
  server.addSpreadsheet('s1', {
    Data: [['a', 'b', 'c'], ['1', null, null], [], ['x', 'y']],
    "Bob's": [['k']],
    Empty: [],
  });
});
afterAll(() => server.stop());

const get = async (path: string) => {
  const r = await fetch(`${server.rootUrl}v4/spreadsheets/s1${path}`, {
    headers: { authorization: 'Bearer t' },
  });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
};

describe('the fake Sheets API', () => {
  it('reads an A1 range URL-encoded in the path, trimming trailing empty cells and rows', async () => {
    const r = await get(`/values/${encodeURIComponent('Data!A1:D9')}`);
    expect(r.body).toEqual({
      range: 'Data!A1:D9',
      majorDimension: 'ROWS',
      values: [['a', 'b', 'c'], ['1'], [], ['x', 'y']],
    });
  });

  it('omits values for an empty range and reads quoted sheet names', async () => {
    expect((await get(`/values/${encodeURIComponent('Empty')}`)).body.values).toBeUndefined();
    const r = await get(`/values:batchGet?ranges=${encodeURIComponent("'Bob''s'")}&ranges=Data!B1`);
    expect((r.body.valueRanges as { values: unknown }[]).map((v) => v.values)).toEqual([[['k']], [['b']]]);
  });

  it("answers an unknown sheet with Google's 400 body", async () => {
    const r = await get('/values:batchGet?ranges=Nope');
    expect(r).toEqual({
      status: 400,
      body: { error: { code: 400, message: 'Unable to parse range: Nope', status: 'INVALID_ARGUMENT' } },
    });
  });

  it('renders values formatted by default and unformatted when asked', async () => {
    server.addSpreadsheet('s2', { N: [[1.5, true, 46357]] });
    server.sheet('s2', 'N')!.cells[0][2]!.numberFormat = { type: 'DATE', pattern: 'yyyy-mm-dd' };
    const r = (q: string) =>
      fetch(`${server.rootUrl}v4/spreadsheets/s2/values/N?${q}`, {
        headers: { authorization: 'Bearer t' },
      }).then((x) => x.json() as Promise<{ values: unknown[][] }>);
    expect((await r('')).values).toEqual([['1.5', 'TRUE', '2026-12-01']]);
    expect((await r('valueRenderOption=UNFORMATTED_VALUE')).values).toEqual([[1.5, true, 46357]]);
    expect(
      (await r('valueRenderOption=UNFORMATTED_VALUE&dateTimeRenderOption=FORMATTED_STRING')).values,
    ).toEqual([[1.5, true, '2026-12-01']]);
  });

  it('requires a token and a valueInputOption, and applies a batchUpdate all or nothing', async () => {
    expect((await fetch(`${server.rootUrl}v4/spreadsheets/s1`)).status).toBe(401);
    const post = (path: string, body: unknown) =>
      fetch(`${server.rootUrl}v4/spreadsheets/s1${path}`, {
        method: 'POST',
        headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post('/values:batchUpdate', { data: [] })).status).toBe(400);
    const r = await post(':batchUpdate', {
      requests: [{ addSheet: { properties: { title: 'Added' } } }, { deleteSheet: { sheetId: 424242 } }],
    });
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: { message: string } }).error.message).toMatch(
      /requests\[1\]\.deleteSheet: No grid with id: 424242/,
    );
    expect(server.sheetTitles('s1')).toEqual(['Data', "Bob's", 'Empty']);
  });
});
