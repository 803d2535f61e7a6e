import { topThree } from '../../../src/core/workflow/rateOrder';

describe('topThree', () => {
  test('the three cheapest when the chosen one is among them', () => {
    expect(topThree(['a', 'b', 'c', 'd'], 'b')).toEqual(['a', 'b', 'c']);
  });
  test('a dearer chosen rate takes the third place', () => {
    expect(topThree(['a', 'b', 'c', 'd', 'e'], 'e')).toEqual(['a', 'b', 'e']);
  });
  test('fewer than three', () => {
    expect(topThree(['a'], 'a')).toEqual(['a']);
  });
});
