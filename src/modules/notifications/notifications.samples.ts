import type { NotificationType } from './notifications.types.ts';

// The data each type's template receives, with every field present: previews render with it, and a
// template is checked against it (strictly) before it is saved. The recipes fill the same shapes.

const order = {
  number: '1042',
  currency: 'INR',
  subtotal: 129900,
  discount: 10000,
  tax: 21600,
  taxIncluded: 0,
  shipping: 4900,
  total: 146400,
  url: 'https://shop.example/account',
  items: [
    { quantity: 2, name: 'Walnut bread', sku: 'BRD-1', subtotal: 59900 },
    { quantity: 1, name: 'Honey jar', sku: 'HNY-2', subtotal: 70000 },
  ],
  cancelReason: 'Out of stock',
};

const common = {
  store: {
    name: 'Corner Bakery',
    title: 'Corner Bakery',
    url: 'https://shop.example',
    replyTo: 'hello@shop.example',
  },
  recipient: { name: 'Asha' },
  unsubscribeUrl: 'https://shop.example/api/v1/notifications/unsubscribe?token=sample',
};

const SAMPLES: Record<NotificationType, Record<string, unknown>> = {
  ACCOUNT_WELCOME: { accountUrl: 'https://shop.example/account' },
  EMAIL_VERIFICATION: {
    code: 'sample-code',
    link: 'https://shop.example/account/verify-email?token=x',
    hours: 24,
  },
  PASSWORD_RESET: {
    code: 'sample-code',
    link: 'https://shop.example/account/reset-password?token=x',
    minutes: 60,
  },
  SIGN_IN_CODE: { code: '123456', minutes: 5 },
  STAFF_INVITATION: {
    invitation: { storeName: 'Corner Bakery', role: 'store manager', link: 'https://bazaar.example/i#x' },
  },
  ORDER_PLACED: { order },
  ORDER_PAID: { order },
  ORDER_CANCELLED: { order },
  ORDER_REFUNDED: { order },
  ORDER_SHIPPED: { order },
  ORDER_OUT_FOR_DELIVERY: { order, code: '482913' },
  ORDER_DELIVERED: { order },
  RETURN_UPDATED: { order, return: { status: 'APPROVED', statusText: 'approved' } },
  PAYMENT_FAILED: { order },
  LOW_STOCK: {
    stock: { productId: 'a7c1', offerId: 'b2d4', available: 3, reorderPoint: 5, reorderQuantity: 20 },
  },
  SELLER_APPLICATION_DECIDED: { approved: false, reason: 'The documents were unreadable' },
  SELLER_NEW_ORDER_ITEM: { order, items: order.items },
  REVIEW_REPLY: {
    review: { productName: 'Walnut bread', reply: 'Thank you!', url: 'https://shop.example/p' },
  },
  LEAD_NEW: {
    lead: { contactName: 'Meera Traders', itemCount: 2, url: 'https://shop.example/admin/leads/a7c1' },
  },
  LEAD_QUOTED: {
    lead: {
      total: 1925000,
      currency: 'INR',
      validUntil: '7 Dec 2026',
      url: 'https://shop.example/account/quotes',
    },
  },
  LEAD_MESSAGE: {
    lead: { contactName: 'Meera Traders', url: 'https://shop.example/account/quotes' },
    message: { from: 'the store', body: 'We can deliver by the 8th.' },
  },
  CAMPAIGN: {
    campaign: {
      name: 'Summer sale',
      subject: 'Summer sale: 20% off bread',
      body: 'Our summer sale starts today.\n\nEvery loaf is 20% off until Sunday.',
      paragraphs: ['Our summer sale starts today.', 'Every loaf is 20% off until Sunday.'],
      couponCode: 'SUMMER20',
      url: 'https://shop.example/',
      endsAt: '31 Aug 2026',
    },
  },
};

export function sampleData(type: NotificationType): Record<string, unknown> {
  return { ...common, ...SAMPLES[type] };
}
