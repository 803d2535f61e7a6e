/**
 * Request schemas of the SP-API operations Shipsheet calls, written from Amazon's published models
 * (selling-partner-api-models: ordersV0.json, tokens_2021-03-01.json, shippingV2.json): required fields, types, enums.
 */
import type { Schema } from './jsonSchema';

const str: Schema = { type: 'string' };

export const restrictedDataTokenRequest: Schema = {
  type: 'object',
  required: ['restrictedResources'],
  properties: {
    restrictedResources: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['method', 'path'],
        properties: {
          method: { type: 'string', enum: ['GET', 'PUT', 'POST', 'DELETE'] },
          path: str,
          dataElements: {
            type: 'array',
            items: { type: 'string', enum: ['buyerInfo', 'shippingAddress', 'buyerTaxInformation'] },
          },
        },
      },
    },
    targetApplication: str,
  },
};

export const confirmShipmentRequest: Schema = {
  type: 'object',
  required: ['packageDetail', 'marketplaceId'],
  properties: {
    marketplaceId: str,
    codCollectionMethod: { type: 'string', enum: ['DirectPayment'] },
    packageDetail: {
      type: 'object',
      required: ['packageReferenceId', 'carrierCode', 'trackingNumber', 'shipDate', 'orderItems'],
      properties: {
        packageReferenceId: { type: 'string', pattern: '^[1-9][0-9]*$' },
        carrierCode: str,
        carrierName: str,
        shippingMethod: str,
        trackingNumber: { type: 'string', minLength: 1 },
        shipDate: { type: 'string', format: 'date-time' },
        shipFromSupplySourceId: str,
        orderItems: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            required: ['orderItemId', 'quantity'],
            properties: { orderItemId: str, quantity: { type: 'integer', minimum: 1 } },
          },
        },
      },
    },
  },
};

const v2Address: Schema = {
  type: 'object',
  required: ['name', 'addressLine1', 'postalCode', 'city', 'countryCode', 'stateOrRegion'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 50 },
    addressLine1: { type: 'string', minLength: 1, maxLength: 60 },
    addressLine2: { type: 'string', maxLength: 60 },
    addressLine3: { type: 'string', maxLength: 60 },
    companyName: { type: 'string', maxLength: 50 },
    stateOrRegion: str,
    city: str,
    countryCode: { type: 'string', pattern: '^[A-Z]{2}$' },
    postalCode: str,
    email: str,
    phoneNumber: str,
  },
};

const v2Money: Schema = {
  type: 'object',
  required: ['value', 'unit'],
  properties: { value: { type: 'number' }, unit: { type: 'string', pattern: '^[A-Z]{3}$' } },
};

export const getRatesRequest: Schema = {
  type: 'object',
  required: ['shipFrom', 'packages', 'channelDetails'],
  properties: {
    shipTo: v2Address,
    shipFrom: v2Address,
    returnTo: v2Address,
    shipDate: { type: 'string', format: 'date-time' },
    packages: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['dimensions', 'weight', 'insuredValue', 'packageClientReferenceId', 'items'],
        properties: {
          dimensions: {
            type: 'object',
            required: ['length', 'width', 'height', 'unit'],
            properties: {
              length: { type: 'number', minimum: 0 },
              width: { type: 'number', minimum: 0 },
              height: { type: 'number', minimum: 0 },
              unit: { type: 'string', enum: ['INCH', 'CENTIMETER'] },
            },
          },
          weight: {
            type: 'object',
            required: ['unit', 'value'],
            properties: {
              unit: { type: 'string', enum: ['GRAM', 'KILOGRAM', 'OUNCE', 'POUND'] },
              value: { type: 'number', minimum: 0 },
            },
          },
          insuredValue: v2Money,
          packageClientReferenceId: str,
          items: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              required: ['quantity'],
              properties: {
                quantity: { type: 'integer', minimum: 1 },
                itemIdentifier: str,
                description: str,
              },
            },
          },
        },
      },
    },
    channelDetails: {
      type: 'object',
      required: ['channelType'],
      properties: {
        channelType: { type: 'string', enum: ['AMAZON', 'EXTERNAL'] },
        amazonOrderDetails: { type: 'object', required: ['orderId'], properties: { orderId: str } },
      },
    },
  },
};

export const purchaseShipmentRequest: Schema = {
  type: 'object',
  required: ['requestToken', 'rateId', 'requestedDocumentSpecification'],
  properties: {
    requestToken: str,
    rateId: str,
    requestedValueAddedServices: {
      type: 'array',
      items: { type: 'object', required: ['id'], properties: { id: str } },
    },
    requestedDocumentSpecification: {
      type: 'object',
      required: ['format', 'size', 'needFileJoining', 'requestedDocumentTypes'],
      properties: {
        format: { type: 'string', enum: ['PDF', 'PNG', 'ZPL'] },
        size: {
          type: 'object',
          required: ['width', 'length', 'unit'],
          properties: {
            width: { type: 'number' },
            length: { type: 'number' },
            unit: { type: 'string', enum: ['INCH', 'CENTIMETER'] },
          },
        },
        dpi: { type: 'integer' },
        pageLayout: str,
        needFileJoining: { type: 'boolean' },
        requestedDocumentTypes: {
          type: 'array',
          minItems: 1,
          items: { type: 'string', enum: ['LABEL', 'RECEIPT', 'CUSTOM_FORM'] },
        },
      },
    },
  },
};

export const ORDER_STATUSES = [
  'PendingAvailability',
  'Pending',
  'Unshipped',
  'PartiallyShipped',
  'Shipped',
  'InvoiceUnconfirmed',
  'Canceled',
  'Unfulfillable',
];
