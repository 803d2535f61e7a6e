/**
 * The offline sample label provider (the default for the demo and tests): it "sells" labels without a network,
 * issuing test tracking numbers with the carrier's real shape and check digit, and draws a 4×6 label marked
 * SAMPLE — NOT VALID FOR SHIPPING. The same idempotency key always gives the same label.
 */
import type { HttpPort } from '../http/httpPort';
import { hash53, sampleCarrier, sampleTrackingNumber } from '../labels/sampleTrackingNumber';
import { shippingLabelLayout } from '../labels/shippingLabelLayout';
import { pageToZpl } from '../labels/zpl';
import type {
  CarrierPlugin,
  CarrierResult,
  LabelDocumentRequest,
  LabelRequest,
  PurchasedLabel,
} from './plugin';

export const SAMPLE_PROVIDER_ID = 'sample';

function fail<T>(code: string, message: string): CarrierResult<T> {
  return { ok: false, error: { code, message, retryable: false } };
}

function providerShipmentId(key: string): string {
  return `sample-${hash53(key).toString(16).padStart(14, '0')}`;
}

function makeLabel(request: LabelRequest): CarrierResult<PurchasedLabel> {
  const carrier = sampleCarrier(request.rate.carrier);
  if (!carrier)
    return fail(
      'UNSUPPORTED_CARRIER',
      `the sample provider issues no ${request.rate.carrier} labels (it has USPS, UPS, FedEx, DHL)`,
    );
  if (request.format === 'PNG')
    return fail('UNSUPPORTED_FORMAT', 'the sample provider draws PDF or ZPL labels, not PNG');
  const r = request.rateRequest;
  if (!(r.parcel.weightOz > 0)) return fail('NO_WEIGHT', `package ${r.parcel.packageId} has no weight`);
  const trackingNumber = sampleTrackingNumber(carrier, request.rate.service, request.idempotencyKey);
  const dims = [r.parcel.lengthIn, r.parcel.widthIn, r.parcel.heightIn] as const;
  const { page } = shippingLabelLayout({
    shipFrom: r.shipFrom,
    shipTo: r.shipTo,
    carrier,
    service: request.rate.service,
    trackingNumber,
    weightOz: r.parcel.weightOz,
    dimensionsIn: dims.every((d) => d > 0) ? dims : undefined,
    shipDate: r.shipDate,
    reference: `${r.orderId} · PKG ${r.parcel.packageId}`,
    sample: true,
  });
  return {
    ok: true,
    value: {
      provider: SAMPLE_PROVIDER_ID,
      providerShipmentId: providerShipmentId(request.idempotencyKey),
      trackingNumber,
      carrier,
      service: request.rate.service,
      cost: request.rate.price,
      format: request.format,
      data: request.format === 'ZPL' ? pageToZpl(page) : new Uint8Array(0),
      layout: page,
    },
  };
}

export function sampleLabelProvider(): CarrierPlugin {
  return {
    metadata: {
      id: SAMPLE_PROVIDER_ID,
      name: 'Sample labels (offline, NOT VALID FOR SHIPPING)',
      carriers: ['USPS', 'UPS', 'FedEx', 'DHL'],
      drawsLabels: true,
    },
    async buyLabel(request: LabelRequest, _http: HttpPort) {
      return makeLabel(request);
    },
    async getLabel(request: LabelDocumentRequest, _http: HttpPort) {
      const label = makeLabel(request.label);
      if (!label.ok) return label;
      if (
        label.value.trackingNumber !== request.trackingNumber ||
        label.value.providerShipmentId !== request.providerShipmentId
      )
        return fail(
          'NOT_FOUND',
          `the sample provider did not issue ${request.trackingNumber} with key ${request.label.idempotencyKey}`,
        );
      return label;
    },
    async voidLabel(id: string, _http: HttpPort) {
      if (!/^sample-[0-9a-f]+$/.test(id)) return fail('NOT_FOUND', `${id} is not a sample label`);
      return { ok: true, value: { refunded: true } };
    },
  };
}
