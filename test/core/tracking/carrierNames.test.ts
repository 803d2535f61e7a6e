import { canonicalCarrier, checkTrackingForCarrier } from '../../../src/core/tracking';

describe('canonicalCarrier', () => {
  test.each([
    ['usps', 'USPS'],
    ['U.S.P.S.', 'USPS'],
    ['United States Postal Service', 'USPS'],
    ['Fedex Home Delivery', 'FedEx'],
    ['FEDEX', 'FedEx'],
    ['FedEx SmartPost', 'FedEx SmartPost'],
    ['UPS Mail Innovations', 'UPS Mail Innovations'],
    ['ups', 'UPS'],
    ['DHL Express', 'DHL'],
    ['Amazon Shipping', 'Amazon'],
    ['Yamato Transport', 'Yamato Transport'],
  ])('%s → %s', (name, canonical) => expect(canonicalCarrier(name)).toBe(canonical));
});

describe('checkTrackingForCarrier', () => {
  test('a UPS number for UPS passes and comes back normalised', () => {
    expect(checkTrackingForCarrier('1z5r 8939 0357 5671 27', 'UPS')).toMatchObject({
      ok: true,
      checked: true,
      normalized: '1Z5R89390357567127',
    });
  });
  test('a UPS number for USPS is a mismatch naming the carrier it fits', () => {
    const r = checkTrackingForCarrier('1Z5R89390357567127', 'USPS');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/looks like a UPS tracking number, not USPS/);
  });
  test('a bad check digit for the right carrier says so', () => {
    const r = checkTrackingForCarrier('9400 1112 0108 0805 4830 17', 'USPS');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/not a valid USPS tracking number: the check digit is 7/);
  });
  test('a number fitting no format of the carrier', () => {
    const r = checkTrackingForCarrier('12345', 'FedEx');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/does not match any FedEx tracking number format/);
  });
  test('FedEx SmartPost numbers are USPS IMpb', () => {
    expect(checkTrackingForCarrier('9261292700768711948021', 'FedEx SmartPost').ok).toBe(true);
  });
  test('USPS international S10 ending in US passes for USPS', () => {
    expect(checkTrackingForCarrier('RB123456785US', 'USPS').ok).toBe(true);
  });
  test('Royal Mail has no format here except S10, which is checked', () => {
    expect(checkTrackingForCarrier('RB123456785GB', 'Royal Mail')).toMatchObject({ ok: true, checked: true });
    expect(checkTrackingForCarrier('RB123456784GB', 'Royal Mail').ok).toBe(false);
    expect(checkTrackingForCarrier('AB1234567', 'Royal Mail')).toMatchObject({ ok: true, checked: false });
  });
  test('a carrier without known formats is accepted unchecked', () => {
    expect(checkTrackingForCarrier('D10011234567890', 'OnTrac')).toMatchObject({ ok: true, checked: false });
  });
  test('characters no carrier uses are refused for any carrier', () => {
    expect(checkTrackingForCarrier('1Z5R/8939', 'OnTrac').ok).toBe(false);
  });
});
