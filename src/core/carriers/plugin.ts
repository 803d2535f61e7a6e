/**
 * The carrier plug-in interface (after karrio): each carrier or shipping API is a plug-in with metadata and
 * four optional capabilities — rates, buy label, void label, track. Plug-ins are pure request builders and
 * response parsers behind the HttpPort; errors travel as values.
 */
import type { HttpPort } from '../http/httpPort';
import type { LayoutPage } from '../labels/layout';

export interface Address {
  readonly name: string;
  readonly company?: string;
  readonly line1: string;
  readonly line2?: string;
  readonly line3?: string;
  readonly city: string;
  readonly state?: string;
  readonly postalCode: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  readonly phone?: string;
  readonly residential?: boolean;
}

/** One package as carrier choice built it. */
export interface Parcel {
  /** Stable id: order id + package number, e.g. `112-4830021-7701003-1`. */
  readonly packageId: string;
  readonly weightOz: number;
  readonly lengthIn: number;
  readonly widthIn: number;
  readonly heightIn: number;
  /** Box name, when one was chosen. */
  readonly box?: string;
}

export interface OrderItemQuantity {
  readonly orderItemId: string;
  readonly sku: string;
  readonly quantity: number;
}

export interface Money {
  /** Integer minor units. */
  readonly minor: number;
  readonly currency: string;
}

export interface RateRequest {
  readonly orderId: string;
  readonly items: readonly OrderItemQuantity[];
  readonly shipFrom: Address;
  readonly shipTo: Address;
  readonly parcel: Parcel;
  /** yyyy-mm-dd, the day the package will be handed over. */
  readonly shipDate: string;
  readonly declaredValue?: Money;
}

export interface RateQuote {
  /** The plug-in that quoted it. */
  readonly provider: string;
  readonly carrier: string;
  readonly service: string;
  readonly price: Money;
  readonly transitDays?: number;
  /** yyyy-mm-dd */
  readonly expectedDelivery?: string;
  readonly zone?: string;
  readonly billableWeightOz?: number;
  /** The provider's id for buying this rate (live APIs). */
  readonly rateId?: string;
}

export type LabelFormat = 'PDF' | 'PNG' | 'ZPL';

export interface LabelRequest {
  /** The same key always returns the same label: a retry or a second run never buys twice. */
  readonly idempotencyKey: string;
  readonly rate: RateQuote;
  readonly rateRequest: RateRequest;
  readonly format: LabelFormat;
}

export interface PurchasedLabel {
  readonly provider: string;
  /** The provider's shipment id (for void and tracking). */
  readonly providerShipmentId: string;
  readonly trackingNumber: string;
  readonly carrier: string;
  readonly service: string;
  readonly cost: Money;
  readonly format: LabelFormat;
  /** The label file: PDF/PNG bytes, or ZPL text. */
  readonly data: Uint8Array | string;
  /** True when buying it already confirmed the shipment to Amazon (Buy Shipping). */
  readonly confirmedToAmazon?: boolean;
  /**
   * A label Shipsheet draws itself (the offline sample provider): the page to render as PDF or ZPL. When set,
   * `data` may be empty for PDF (the writer draws the layout) and holds the same page as ZPL text for ZPL.
   */
  readonly layout?: LayoutPage;
}

/** Asking a provider for a bought label's document again (reprints). Never buys. */
export interface LabelDocumentRequest {
  readonly providerShipmentId: string;
  readonly trackingNumber: string;
  /** The request the label was bought with (same idempotency key). */
  readonly label: LabelRequest;
}

export interface TrackingStatus {
  readonly trackingNumber: string;
  readonly status: 'PreTransit' | 'InTransit' | 'OutForDelivery' | 'Delivered' | 'Exception' | 'Unknown';
  /** ISO-8601 */
  readonly updatedAt?: string;
  /** yyyy-mm-dd */
  readonly deliveredDate?: string;
  readonly detail?: string;
}

export interface CarrierError {
  readonly code: string;
  readonly message: string;
  /** True for rate limits and server errors that a later retry may get past. */
  readonly retryable: boolean;
}

export type CarrierResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: CarrierError };

export interface CarrierPluginMetadata {
  /** Short id used in Settings (`label-provider`) and the Shipments sheet (`provider`). */
  readonly id: string;
  readonly name: string;
  /** Carriers it can sell or quote, as Shipsheet names them (USPS, UPS, FedEx, …). */
  readonly carriers: readonly string[];
  /**
   * Its labels come as a `layout` Shipsheet draws (the sample provider), so any batch format works. Otherwise a
   * PDF batch asks for PNG labels, which merge into one PDF; the provider's own PDFs would need a PDF editor.
   */
  readonly drawsLabels?: boolean;
}

export interface CarrierPlugin {
  readonly metadata: CarrierPluginMetadata;
  getRates?(request: RateRequest, http: HttpPort): Promise<CarrierResult<RateQuote[]>>;
  buyLabel?(request: LabelRequest, http: HttpPort): Promise<CarrierResult<PurchasedLabel>>;
  voidLabel?(providerShipmentId: string, http: HttpPort): Promise<CarrierResult<{ refunded: boolean }>>;
  /** The document of a label already bought, for reprints: never buys, fails if the label is unknown. */
  getLabel?(request: LabelDocumentRequest, http: HttpPort): Promise<CarrierResult<PurchasedLabel>>;
  /** `carrier` is the carrier's id as the provider named it when the label was bought (some APIs need it). */
  track?(trackingNumber: string, http: HttpPort, carrier?: string): Promise<CarrierResult<TrackingStatus>>;
}
