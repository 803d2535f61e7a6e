import { compareLocations, parseLocationRank } from '../../../src/core/stock/locationRank';

describe('parseLocationRank', () => {
  it('ranks exact names and prefixes in the order given, case-insensitively; others are unknown', () => {
    const r = parseLocationRank(['A-*', 'B-STORE']);
    expect([
      r.rankOf('A-01'),
      r.rankOf('a-06'),
      r.rankOf('B-STORE'),
      r.rankOf('B-STORE-2'),
      r.rankOf('C-1'),
    ]).toEqual([0, 0, 1, null, null]);
  });

  it('lets * take every other location last, by name within a rank', () => {
    const r = parseLocationRank(['B-STORE', '*']);
    const sorted = ['Z-9', 'A-02', 'B-STORE', 'A-01'].sort((a, b) => compareLocations(r, a, b));
    expect(sorted).toEqual(['B-STORE', 'A-01', 'A-02', 'Z-9']);
  });
});
