/** Amazon's flat-file processing report: summary, per-record errors and warnings, back onto the uploaded lines. */
import { confirmShipDate, parseProcessingReport, recordsByLine } from '../../../src/core';

const REPORT = [
  'Feed Processing Summary:',
  '\tNumber of records processed\t\t3',
  '\tNumber of records successful\t\t2',
  '',
  'original-record-number\torder-id\torder-item-id\terror-code\terror-type\terror-message',
  '2\t113-0000002-0000002\t70000000000003\t18028\tError\tThe order id 113-0000002-0000002 was not found in our records.',
  '3\t113-0000003-0000003\t70000000000004\t18386\tAvertissement\tLe numéro de suivi ne correspond pas au format attendu.',
  '0\t\t\t90208\tError\tThe file was processed with an invalid column.',
  '',
].join('\r\n');

const lines = [
  { orderId: '113-0000001-0000001', orderItemId: '70000000000001' },
  { orderId: '113-0000002-0000002', orderItemId: '70000000000003' },
  { orderId: '113-0000003-0000003', orderItemId: '70000000000004' },
];

describe('parseProcessingReport', () => {
  it('reads the summary and each record, with localised error types', () => {
    const r = parseProcessingReport(REPORT);
    expect(r).toMatchObject({ processed: 3, successful: 2, readable: true });
    expect(r.records).toEqual([
      {
        recordNumber: 2,
        orderId: '113-0000002-0000002',
        orderItemId: '70000000000003',
        code: '18028',
        type: 'Error',
        message: 'The order id 113-0000002-0000002 was not found in our records.',
      },
      expect.objectContaining({ recordNumber: 3, type: 'Warning', code: '18386' }),
      expect.objectContaining({ recordNumber: null, orderId: null, code: '90208', type: 'Error' }),
    ]);
  });

  it('a report with only the summary has no records; text that is neither is unreadable', () => {
    const clean = parseProcessingReport(
      'Feed Processing Summary:\n\tNumber of records processed\t\t5\n\tNumber of records successful\t\t5\n\n',
    );
    expect(clean).toMatchObject({ processed: 5, successful: 5, records: [], readable: true });
    expect(parseProcessingReport('<html>Service Unavailable</html>').readable).toBe(false);
  });

  it('places records on lines by number, by order when the number disagrees, and keeps file-level ones apart', () => {
    const { byLine, unplaced } = recordsByLine(parseProcessingReport(REPORT), lines);
    expect([...byLine.keys()]).toEqual([2, 3]);
    expect(unplaced.map((r) => r.code)).toEqual(['90208']);
    // A record number that names another order's line is not trusted: the order id decides.
    const shifted = parseProcessingReport(REPORT.replace('2\t113-0000002', '1\t113-0000002'));
    expect(recordsByLine(shifted, lines).byLine.get(2)?.[0].code).toBe('18028');
    expect(recordsByLine(shifted, lines).byLine.has(1)).toBe(false);
  });
});

describe('confirmShipDate', () => {
  const now = new Date('2026-12-01T17:00:00Z');
  it('today is now; an earlier day is the end of that day in the seller’s time zone', () => {
    expect(confirmShipDate('2026-12-01', now, 'America/Los_Angeles')).toBe('2026-12-01T17:00:00Z');
    expect(confirmShipDate('2026-11-30', now, 'America/Los_Angeles')).toBe('2026-12-01T07:59:59Z');
    expect(confirmShipDate('2026-11-30', now, 'Asia/Tokyo')).toBe('2026-11-30T14:59:59Z');
  });
});
