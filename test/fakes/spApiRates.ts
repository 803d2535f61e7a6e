/**
 * The fake Buy Shipping rate desk behind the loopback SP-API: getRates answers several services (Amazon Shipping,
 * USPS and UPS through Buy Shipping) priced by the package's weight, with promise windows from the ship date and
 * weight limits; each answer's requestToken and rateIds are remembered so purchaseShipment buys exactly that rate,
 * and can be made to expire. Prices and service ids are illustrative, shaped as shippingV2.json describes them.
 */
import { gs1Mod10, mod10 } from '../../src/core';

interface Service {
  readonly carrierId: string;
  readonly carrierName: string;
  readonly serviceId: string;
  readonly serviceName: string;
  /** Heaviest package taken, in pounds. */
  readonly maxLb: number;
  /** Price in cents for a billed weight in whole pounds (ounces under a pound for USPS Ground Advantage). */
  readonly priceCents: (oz: number) => number;
  /** Calendar days from the ship date to the start and end of the delivery window. */
  readonly days: readonly [number, number];
  /** Signature confirmation, as a value-added service, in cents (absent: not offered). */
  readonly signatureCents?: number;
}

const lbs = (oz: number) => Math.max(1, Math.ceil(oz / 16));

export const FAKE_SERVICES: readonly Service[] = [
  {
    carrierId: 'AMZN_US',
    carrierName: 'Amazon Shipping',
    serviceId: 'SWA-US-GROUND',
    serviceName: 'Amazon Shipping Ground',
    maxLb: 50,
    priceCents: (oz) => 425 + 55 * lbs(oz),
    days: [2, 4],
  },
  {
    carrierId: 'USPS',
    carrierName: 'USPS',
    serviceId: 'USPS_PTP_GA',
    serviceName: 'USPS Ground Advantage',
    maxLb: 70,
    priceCents: (oz) =>
      oz <= 4 ? 440 : oz <= 8 ? 495 : oz <= 12 ? 560 : oz <= 16 ? 630 : 710 + 105 * (lbs(oz) - 1),
    days: [3, 5],
    signatureCents: 365,
  },
  {
    carrierId: 'USPS',
    carrierName: 'USPS',
    serviceId: 'USPS_PTP_PRI',
    serviceName: 'USPS Priority Mail',
    maxLb: 70,
    priceCents: (oz) => 825 + 140 * (lbs(oz) - 1),
    days: [2, 3],
    signatureCents: 365,
  },
  {
    carrierId: 'UPS',
    carrierName: 'UPS',
    serviceId: 'UPS_PTP_GND',
    serviceName: 'UPS Ground',
    maxLb: 150,
    priceCents: (oz) => 910 + 95 * lbs(oz),
    days: [3, 4],
    signatureCents: 695,
  },
  {
    carrierId: 'UPS',
    carrierName: 'UPS',
    serviceId: 'UPS_PTP_2ND_DAY_AIR',
    serviceName: 'UPS 2nd Day Air',
    maxLb: 150,
    priceCents: (oz) => 1780 + 260 * lbs(oz),
    days: [2, 2],
    signatureCents: 695,
  },
  {
    carrierId: 'UPS',
    carrierName: 'UPS',
    serviceId: 'UPS_PTP_NEXT_DAY_AIR',
    serviceName: 'UPS Next Day Air',
    maxLb: 150,
    priceCents: (oz) => 3150 + 420 * lbs(oz),
    days: [1, 1],
    signatureCents: 695,
  },
];

const OUNCES: Readonly<Record<string, number>> = {
  OUNCE: 1,
  POUND: 16,
  GRAM: 1 / 28.349523125,
  KILOGRAM: 1000 / 28.349523125,
};

interface RatesBody {
  shipDate?: string;
  packages: {
    weight: { value: number; unit: string };
    dimensions: { length: number; width: number; height: number; unit: string };
    packageClientReferenceId: string;
  }[];
  channelDetails: { channelType: string; amazonOrderDetails?: { orderId: string } };
}

export interface IssuedRate {
  readonly requestToken: string;
  readonly rateId: string;
  readonly orderId: string;
  readonly packageClientReferenceId: string;
  readonly service: Service;
  readonly totalCents: number;
  /** Value-added services the rate offers: id → cents. */
  readonly valueAddedServices: ReadonlyMap<string, number>;
  expired: boolean;
}

export interface Purchase {
  readonly requestToken: string;
  readonly rateId: string;
  readonly orderId: string;
  readonly packageClientReferenceId: string;
  readonly carrierName: string;
  readonly serviceId: string;
  readonly serviceName: string;
  /** The rate's charge plus the value-added services bought with it. */
  readonly totalCents: number;
  readonly valueAddedServices: readonly string[];
  readonly trackingId: string;
}

const addDays = (iso: string, days: number, time: string) => {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return `${d.toISOString().slice(0, 10)}T${time}Z`;
};

export class FakeRateDesk {
  /** Every rate handed out, by `requestToken|rateId`. */
  readonly issued = new Map<string, IssuedRate>();
  readonly purchases: Purchase[] = [];
  /** Amazon order ids getRates refuses, with Amazon's message (an order cancelled meanwhile, say). */
  readonly rejectOrders = new Map<string, string>();
  private tokens = 0;
  private readonly serials = new Map<string, number>();

  /** The getRates payload, or an error message for the whole request. */
  quote(body: RatesBody): { payload: unknown } | { error: string } {
    const orderId = body.channelDetails.amazonOrderDetails?.orderId;
    if (body.channelDetails.channelType === 'AMAZON' && !orderId)
      return { error: 'amazonOrderDetails is required when channelType is AMAZON' };
    const rejected = orderId ? this.rejectOrders.get(orderId) : undefined;
    if (rejected) return { error: rejected };
    if (body.packages.length !== 1) return { error: 'Only single-package shipments are supported' };
    const pkg = body.packages[0];
    const oz = pkg.weight.value * (OUNCES[pkg.weight.unit] ?? 1);
    const requestToken = `amzn1.rq.${String(++this.tokens).padStart(6, '0')}.fake`;
    const shipDate = body.shipDate ?? '2026-12-01T00:00:00Z';
    const rates = [];
    const ineligibleRates = [];
    for (const s of FAKE_SERVICES) {
      if (oz > s.maxLb * 16) {
        ineligibleRates.push({
          serviceId: s.serviceId,
          serviceName: s.serviceName,
          carrierName: s.carrierName,
          carrierId: s.carrierId,
          ineligibilityReasons: [
            { code: 'WEIGHT_RESTRICTIONS', message: `The package is over ${s.maxLb} lb.` },
          ],
        });
        continue;
      }
      const rateId = `${s.serviceId}-${this.tokens}`;
      const totalCents = s.priceCents(oz);
      this.issued.set(`${requestToken}|${rateId}`, {
        requestToken,
        rateId,
        orderId: orderId ?? '',
        packageClientReferenceId: pkg.packageClientReferenceId,
        service: s,
        totalCents,
        valueAddedServices: new Map(
          s.signatureCents === undefined ? [] : [['DELIVERY_CONFIRMATION_SIGNATURE', s.signatureCents]],
        ),
        expired: false,
      });
      rates.push({
        rateId,
        carrierId: s.carrierId,
        carrierName: s.carrierName,
        serviceId: s.serviceId,
        serviceName: s.serviceName,
        billedWeight: {
          value: s.serviceId === 'USPS_PTP_GA' && oz <= 16 ? Math.ceil(oz) : lbs(oz),
          unit: s.serviceId === 'USPS_PTP_GA' && oz <= 16 ? 'OUNCE' : 'POUND',
        },
        totalCharge: { value: totalCents / 100, unit: 'USD' },
        promise: {
          deliveryWindow: {
            start: addDays(shipDate, s.days[0], '08:00:00'),
            end: addDays(shipDate, s.days[1], '20:00:00'),
          },
          pickupWindow: { start: addDays(shipDate, 0, '16:00:00'), end: addDays(shipDate, 0, '19:00:00') },
        },
        supportedDocumentSpecifications: [
          {
            format: 'ZPL',
            size: { width: 4, length: 6, unit: 'INCH' },
            printOptions: [
              {
                supportedDPIs: [203, 300],
                supportedPageLayouts: ['DEFAULT'],
                supportedFileJoiningOptions: [false],
                supportedDocumentDetails: [{ name: 'LABEL', isMandatory: true }],
              },
            ],
          },
        ],
        availableValueAddedServiceGroups:
          s.signatureCents === undefined
            ? []
            : [
                {
                  groupId: 'DELIVERY_CONFIRMATION',
                  groupDescription: 'Delivery confirmation',
                  isRequired: false,
                  valueAddedServices: [
                    {
                      id: 'DELIVERY_CONFIRMATION_SIGNATURE',
                      name: 'Signature Confirmation',
                      cost: { value: s.signatureCents / 100, unit: 'USD' },
                    },
                  ],
                },
              ],
        requiresAdditionalInputs: false,
      });
    }
    return { payload: { requestToken, rates, ineligibleRates } };
  }

  /** Every rate handed out so far stops being buyable, as when Amazon's quotes time out. */
  expireAll(): void {
    for (const r of this.issued.values()) r.expired = true;
  }

  /** The issued rate a purchase names, or Amazon's message for a token or rate it does not honour. */
  buy(
    requestToken: string,
    rateId: string,
    valueAddedServices: readonly string[] = [],
  ): { ok: true; purchase: Purchase } | { ok: false; message: string } {
    const rate = this.issued.get(`${requestToken}|${rateId}`);
    if (!rate) return { ok: false, message: 'The requestToken or rateId is invalid. Call getRates again.' };
    if (rate.expired)
      return { ok: false, message: 'The requestToken has expired. Call getRates to get new rates.' };
    if (this.purchases.some((p) => p.requestToken === requestToken))
      return { ok: false, message: 'A shipment was already purchased with this requestToken.' };
    if (valueAddedServices.some((id) => !rate.valueAddedServices.has(id)))
      return {
        ok: false,
        message:
          'The requested value added services are invalid. Please check the value added services offered in the GetRates response.',
      };
    const purchase: Purchase = {
      requestToken,
      rateId,
      orderId: rate.orderId,
      packageClientReferenceId: rate.packageClientReferenceId,
      carrierName: rate.service.carrierName,
      serviceId: rate.service.serviceId,
      serviceName: rate.service.serviceName,
      totalCents: valueAddedServices.reduce(
        (t, id) => t + (rate.valueAddedServices.get(id) ?? 0),
        rate.totalCents,
      ),
      valueAddedServices,
      trackingId: this.trackingId(rate.service.carrierId),
    };
    this.purchases.push(purchase);
    return { ok: true, purchase };
  }

  /** A tracking number of the carrier's own format, with a valid check digit. */
  private trackingId(carrierId: string): string {
    const n = (this.serials.get(carrierId) ?? 0) + 1;
    this.serials.set(carrierId, n);
    if (carrierId === 'UPS') {
      const serial = `999AA1${String(12345677 + n).padStart(9, '0')}`;
      return `1Z${serial}${mod10(serial, 1, 2)}`;
    }
    if (carrierId === 'USPS') {
      const serial = `94001118992231${String(9742848 + n).padStart(7, '0')}`;
      return `${serial}${gs1Mod10(serial)}`;
    }
    return `TBA${String(301234567890 + n)}`;
  }
}
