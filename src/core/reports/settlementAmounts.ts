/** What a settlement amount component is: which figure of the report it goes to, or unknown. */

export type AmountKind = 'principal' | 'shipping' | 'giftWrap' | 'promotion' | 'fee' | 'tax';

const ITEM_PRICE: Readonly<Record<string, AmountKind>> = {
  principal: 'principal',
  shipping: 'shipping',
  giftwrap: 'giftWrap',
  tax: 'tax',
  shippingtax: 'tax',
  giftwraptax: 'tax',
  restockingfee: 'principal',
  goodwill: 'principal',
};

/** Account-level charges Amazon posts without an order (amount-description, lower-case, spaces removed). */
const ACCOUNT_FEES = new Set([
  'subscriptionfee',
  'costofadvertising',
  'storagefee',
  'fbainventorystoragefee',
  'fbalongtermstoragefee',
]);

/**
 * `classifyAmount('Order', 'ItemFees', 'Commission')` → `'fee'`; `'account'` for subscription and the like;
 * null for a component the report does not know (it is left out and named in the report's notes).
 */
export function classifyAmount(
  transactionType: string,
  amountType: string,
  description: string,
): AmountKind | 'account' | null {
  const type = amountType.replace(/[\s-]/g, '').toLowerCase();
  const desc = description.replace(/[\s-]/g, '').toLowerCase();
  if (ACCOUNT_FEES.has(desc) && !/^(order|refund)$/i.test(transactionType.trim())) return 'account';
  switch (type) {
    case 'itemprice':
      return ITEM_PRICE[desc] ?? (desc.endsWith('tax') ? 'tax' : null);
    case 'itemfees':
      return 'fee';
    case 'promotion':
      return 'promotion';
    case 'itemwithheldtax':
      return 'tax';
    default:
      return null;
  }
}
