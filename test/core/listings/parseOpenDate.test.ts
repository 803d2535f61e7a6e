import { inferDayFirst, parseOpenDate } from '../../../src/core/listings/parseOpenDate';

describe('parseOpenDate', () => {
  it.each([
    ['2013-01-07 07:35:42 PST', undefined, '2013-01-07T07:35:42-08:00'],
    ['08/07/2016 10:12:40 BST', true, '2016-07-08T10:12:40+01:00'],
    ['08/07/2016 10:12:40 BST', undefined, '2016-07-08T10:12:40+01:00'],
    ['07/04/2020 12:00:00 PDT', undefined, '2020-07-04T12:00:00-07:00'],
    ['07.01.2013 07:35:42 MEZ', undefined, '2013-01-07T07:35:42+01:00'],
    ['2016/07/08 10:12:40 JST', undefined, '2016-07-08T10:12:40+09:00'],
    ['2016-07-08T10:12:40+01:00', undefined, '2016-07-08T10:12:40+01:00'],
    ['2016-07-08', undefined, '2016-07-08'],
  ])('%s → %s', (text, dayFirst, iso) => {
    expect(parseOpenDate(text, { dayFirst })).toEqual({ ok: true, iso });
  });

  it('rejects impossible dates and unknown zones', () => {
    expect(parseOpenDate('31/02/2016 10:00:00 GMT')).toEqual({
      ok: false,
      reason: 'is not a real calendar date',
    });
    expect(parseOpenDate('2016-02-01 10:00:00 XYZ').ok).toBe(false);
    expect(parseOpenDate('yesterday').ok).toBe(false);
  });

  it('tells day-first files from month-first ones by the dates, then by the zone', () => {
    expect(inferDayFirst(['03/04/2016 10:00:00 PST', '25/04/2016 10:00:00 PST'])).toBe(true);
    expect(inferDayFirst(['03/04/2016 10:00:00 GMT', '04/25/2016 10:00:00 GMT'])).toBe(false);
    expect(inferDayFirst(['03/04/2016 10:00:00 BST'])).toBe(true);
    expect(inferDayFirst(['03/04/2016 10:00:00 EST'])).toBe(false);
    expect(inferDayFirst(['2016-04-03 10:00:00 EST'])).toBeNull();
  });
});
