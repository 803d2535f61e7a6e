/**
 * Amazon Buy Shipping (Shipping API v2) as a carrier plug-in: getRates for an Amazon order's package, purchaseShipment
 * for a 4x6 label (PDF, PNG or ZPL at 203 dpi), cancelShipment to void, getTracking. A label bought here is already
 * confirmed to Amazon, which is what Seller Fulfilled Prime and A-to-z claim protection need.
 */
import type { HttpPort } from '../http/httpPort';
import { parseMoney } from '../money/parseMoney';
import type {
  Address,
  CarrierPlugin,
  CarrierResult,
  LabelRequest,
  PurchasedLabel,
  RateQuote,
  RateRequest,
  TrackingStatus,
} from '../carriers/plugin';
import { decodeBase64 } from './base64';
import type { SpApiClient } from './spApiClient';
import { isSpApiError } from './spApiError';

export const BUY_SHIPPING_ID = 'amazon';

interface V2Money {
  readonly value: number;
  readonly unit: string;
}

interface V2Rate {
  readonly rateId: string;
  readonly carrierId: string;
  readonly carrierName: string;
  readonly serviceId: string;
  readonly serviceName: string;
  readonly totalCharge: V2Money;
  readonly billedWeight?: { value: number; unit: string };
  readonly promise?: { deliveryWindow?: { start?: string; end?: string } };
  readonly availableValueAddedServiceGroups?: readonly {
    readonly groupId?: string;
    readonly valueAddedServices?: readonly {
      readonly id: string;
      readonly name: string;
      readonly cost: V2Money;
    }[];
  }[];
}

/** The signature-confirmation value-added service a rate offers (not the adult-signature one), if any. */
function signatureService(r: V2Rate): { id: string; cost: V2Money } | undefined {
  return (r.availableValueAddedServiceGroups ?? [])
    .flatMap((g) => (g.valueAddedServices ?? []).map((v) => ({ ...v, group: g.groupId ?? '' })))
    .find((v) => /signature/i.test(`${v.group} ${v.id} ${v.name}`) && !/adult/i.test(`${v.id} ${v.name}`));
}

/** Shipsheet's carrier names from the carrier names Amazon returns. */
export function normaliseCarrier(name: string): string {
  const n = name.toUpperCase();
  if (/\bUSPS\b|POSTAL SERVICE/.test(n)) return 'USPS';
  if (/\bUPS\b/.test(n)) return 'UPS';
  if (/FEDEX|FEDERAL EXPRESS/.test(n)) return 'FedEx';
  if (/\bDHL\b/.test(n)) return 'DHL';
  if (/ONTRAC/.test(n)) return 'OnTrac';
  if (/AMAZON/.test(n)) return 'Amazon Shipping';
  return name;
}

function v2Address(a: Address): Record<string, string> {
  const out: Record<string, string> = {
    name: a.name,
    addressLine1: a.line1,
    city: a.city,
    postalCode: a.postalCode,
    countryCode: a.country,
    stateOrRegion: a.state ?? '',
  };
  if (a.line2) out.addressLine2 = a.line2;
  if (a.line3) out.addressLine3 = a.line3;
  if (a.company) out.companyName = a.company;
  if (a.phone) out.phoneNumber = a.phone;
  return out;
}

/** The getRates body for an Amazon order (ship-to is Amazon's to fill in, so it is left out). */
export function buildGetRatesBody(request: RateRequest): Record<string, unknown> {
  const p = request.parcel;
  return {
    shipFrom: v2Address(request.shipFrom),
    shipDate: `${request.shipDate}T00:00:00Z`,
    packages: [
      {
        dimensions: { length: p.lengthIn, width: p.widthIn, height: p.heightIn, unit: 'INCH' },
        weight: { value: p.weightOz, unit: 'OUNCE' },
        insuredValue: {
          value: request.declaredValue ? request.declaredValue.minor / 100 : 0,
          unit: request.declaredValue?.currency ?? 'USD',
        },
        packageClientReferenceId: p.packageId,
        items: request.items.map((i) => ({
          itemIdentifier: i.orderItemId,
          quantity: i.quantity,
          description: i.sku,
        })),
      },
    ],
    channelDetails: { channelType: 'AMAZON', amazonOrderDetails: { orderId: request.orderId } },
  };
}

/**
 * Amazon's rates as quotes. With `signature`, only rates offering signature confirmation count: its cost is added
 * to the price (and listed as a surcharge) and its id rides in the rate id, so the purchase asks for it.
 */
export function parseRates(
  payload: { requestToken?: string; rates?: readonly V2Rate[] } | undefined,
  options: { readonly signature?: boolean } = {},
): RateQuote[] {
  const token = payload?.requestToken ?? '';
  return (payload?.rates ?? []).flatMap((r) => {
    const base = parseMoney(String(r.totalCharge.value), r.totalCharge.unit);
    if (!base.ok) return [];
    const vas = options.signature ? signatureService(r) : undefined;
    if (options.signature && !vas) return [];
    const extra = vas ? parseMoney(String(vas.cost.value), vas.cost.unit) : null;
    if (extra && (!extra.ok || vas?.cost.unit !== r.totalCharge.unit)) return [];
    const price = { minor: base.minor + (extra?.ok ? extra.minor : 0) };
    const end = r.promise?.deliveryWindow?.end;
    const quote: RateQuote = {
      provider: BUY_SHIPPING_ID,
      carrier: normaliseCarrier(r.carrierName),
      service: r.serviceName,
      price: { minor: price.minor, currency: r.totalCharge.unit },
      expectedDelivery: end ? end.slice(0, 10) : undefined,
      rateId: `${token}|${r.rateId}${vas ? `|vas:${vas.id}` : ''}`,
      ...(vas && extra?.ok
        ? { surcharges: [{ name: 'signature', price: { minor: extra.minor, currency: r.totalCharge.unit } }] }
        : {}),
      ...(r.billedWeight ? { billableWeightOz: ouncesOf(r.billedWeight) } : {}),
    };
    return [quote];
  });
}

const OUNCES_PER: Readonly<Record<string, number>> = {
  OUNCE: 1,
  POUND: 16,
  GRAM: 1 / 28.349523125,
  KILOGRAM: 1000 / 28.349523125,
};

/** Amazon's billed weight in ounces (2 decimals), or undefined for a unit the model does not list. */
function ouncesOf(w: { value: number; unit: string }): number | undefined {
  const k = OUNCES_PER[w.unit.toUpperCase()];
  return k === undefined ? undefined : Math.round(w.value * k * 100) / 100;
}

async function guarded<T>(work: () => Promise<T>): Promise<CarrierResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (e) {
    if (isSpApiError(e))
      return {
        ok: false,
        error: {
          code: e.code,
          message: e.details ? `${e.message} (${e.details})` : e.message,
          retryable: e.retryable,
        },
      };
    throw e;
  }
}

export interface BuyShippingOptions {
  /** `x-amzn-shipping-business-id`, e.g. AmazonShipping_US (from the marketplace). */
  readonly shippingBusiness: string;
}

export function buyShippingPlugin(client: SpApiClient, options: BuyShippingOptions): CarrierPlugin {
  const headers = { 'x-amzn-shipping-business-id': options.shippingBusiness };
  return {
    metadata: {
      id: BUY_SHIPPING_ID,
      name: 'Amazon Buy Shipping',
      carriers: ['USPS', 'UPS', 'FedEx', 'DHL', 'OnTrac', 'Amazon Shipping'],
    },
    getRates: (request: RateRequest, _http: HttpPort) =>
      guarded(async () => {
        const body = await client.call<{ payload?: { requestToken?: string; rates?: V2Rate[] } }>({
          operation: 'getRates',
          method: 'POST',
          path: '/shipping/v2/shipments/rates',
          body: buildGetRatesBody(request),
          headers,
        });
        return parseRates(body.payload, { signature: request.options?.signature });
      }),
    buyLabel: (request: LabelRequest, _http: HttpPort) =>
      guarded(async (): Promise<PurchasedLabel> => {
        const [requestToken, rateId, ...extras] = (request.rate.rateId ?? '').split('|');
        const services =
          extras
            .find((e) => e.startsWith('vas:'))
            ?.slice(4)
            .split(',')
            .filter(Boolean) ?? [];
        if (!requestToken || !rateId)
          throw new Error('Buy Shipping needs a rate from its own getRates (requestToken|rateId)');
        const body = await client.call<{
          payload?: {
            shipmentId?: string;
            packageDocumentDetails?: {
              trackingId?: string;
              packageDocuments?: { type?: string; format?: string; contents?: string }[];
            }[];
          };
        }>({
          operation: 'purchaseShipment',
          method: 'POST',
          path: '/shipping/v2/shipments',
          headers,
          body: {
            requestToken,
            rateId,
            requestedDocumentSpecification: {
              format: request.format,
              size: { width: 4, length: 6, unit: 'INCH' },
              dpi: 203,
              pageLayout: 'DEFAULT',
              needFileJoining: false,
              requestedDocumentTypes: ['LABEL'],
            },
            ...(services.length > 0 ? { requestedValueAddedServices: services.map((id) => ({ id })) } : {}),
          },
        });
        const pkg = body.payload?.packageDocumentDetails?.[0];
        const doc = pkg?.packageDocuments?.find((d) => d.type === 'LABEL') ?? pkg?.packageDocuments?.[0];
        if (!body.payload?.shipmentId || !pkg?.trackingId || !doc?.contents)
          throw new Error('purchaseShipment: Amazon returned no label');
        const bytes = decodeBase64(doc.contents);
        return {
          provider: BUY_SHIPPING_ID,
          providerShipmentId: body.payload.shipmentId,
          trackingNumber: pkg.trackingId,
          carrier: request.rate.carrier,
          service: request.rate.service,
          cost: request.rate.price,
          format: request.format,
          data: request.format === 'ZPL' ? new TextDecoderLite().decode(bytes) : bytes,
          confirmedToAmazon: true,
        };
      }),
    voidLabel: (shipmentId: string, _http: HttpPort) =>
      guarded(async () => {
        await client.call({
          operation: 'cancelShipment',
          method: 'PUT',
          path: `/shipping/v2/shipments/${encodeURIComponent(shipmentId)}/cancel`,
          headers,
        });
        return { refunded: true };
      }),
    track: (trackingNumber: string, _http: HttpPort, carrier?: string) =>
      guarded(async (): Promise<TrackingStatus> => {
        const body = await client.call<{
          payload?: {
            trackingId?: string;
            summary?: { status?: string };
            eventHistory?: { eventCode?: string; eventTime?: string }[];
          };
        }>({
          operation: 'getTracking',
          method: 'GET',
          path: '/shipping/v2/tracking',
          query: { trackingId: trackingNumber, carrierId: carrier ?? '' },
          headers,
        });
        return parseTracking(trackingNumber, body.payload);
      }),
  };
}

const STATUS: Readonly<Record<string, TrackingStatus['status']>> = {
  PreTransit: 'PreTransit',
  InTransit: 'InTransit',
  OutForDelivery: 'OutForDelivery',
  Delivered: 'Delivered',
  DeliveryAttempted: 'Exception',
  Undeliverable: 'Exception',
  Lost: 'Exception',
  Rejected: 'Exception',
  PickupCancelled: 'Exception',
};

export function parseTracking(
  trackingNumber: string,
  payload:
    | { summary?: { status?: string }; eventHistory?: { eventCode?: string; eventTime?: string }[] }
    | undefined,
): TrackingStatus {
  const raw = payload?.summary?.status ?? 'Unknown';
  const events = [...(payload?.eventHistory ?? [])].sort((a, b) =>
    (a.eventTime ?? '').localeCompare(b.eventTime ?? ''),
  );
  const last = events[events.length - 1];
  const status = STATUS[raw] ?? 'Unknown';
  const delivered =
    status === 'Delivered' ? (events.filter((e) => e.eventCode === 'Delivered').pop() ?? last) : undefined;
  return {
    trackingNumber,
    status,
    updatedAt: last?.eventTime,
    deliveredDate: delivered?.eventTime?.slice(0, 10),
    detail: raw === status ? last?.eventCode : raw,
  };
}

/** UTF-8 bytes to text (TextDecoder is not in every runtime the core runs in; ZPL labels are ASCII). */
class TextDecoderLite {
  decode(bytes: Uint8Array): string {
    let out = '';
    for (let i = 0; i < bytes.length; i++) out += String.fromCharCode(bytes[i]);
    try {
      return decodeURIComponent(escape(out));
    } catch {
      return out;
    }
  }
}
