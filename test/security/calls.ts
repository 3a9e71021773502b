import type { LightMyRequestResponse } from 'fastify';
import { stripeTestSignature } from '../../src/modules/payments/index.ts';
import { newId } from '../../src/platform/ids.ts';
import { createOffer, createOffers } from '../kit/index.ts';
import { isSignedIn, type Principal } from './access-policy.ts';
import { ANALYTICS_CALLS } from './calls.analytics.ts';
import { CAMPAIGN_CALLS } from './calls.campaigns.ts';
import { CHANNEL_CALLS } from './calls.channels.ts';
import { MEDIA_CALLS } from './calls.media.ts';
import { NOTIFICATION_CALLS } from './calls.notifications.ts';
import { FULFILMENT_CALLS, ORDER_CALLS } from './calls.orders.ts';
import { PLATFORM_CALLS } from './calls.platform.ts';
import { QUOTE_CALLS } from './calls.quotes.ts';
import { RETURN_CALLS } from './calls.returns.ts';
import { REVIEW_CALLS } from './calls.reviews.ts';
import { TERMS_CALLS } from './calls.terms.ts';
import { checkout, send, shippingAddress, unique, type World } from './fixtures.ts';

/**
 * How the matrix calls each operation: path parameters filled with the fixtures' ids, a minimal
 * valid body, and when it runs. Keys match ACCESS_POLICY.
 */

export const STRIPE_WEBHOOK_SECRET = 'whsec_matrix';

export interface Request {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** Sent as is with this content type (the CSV import), instead of as JSON. */
  raw?: { contentType: string; payload: string | Buffer };
  headers?: Record<string, string>;
}

/**
 * Calls run phase by phase, so the ones that use up or change shared fixtures come after those
 * that read them; within a phase, in the order of this table.
 */
export const PHASES = ['read', 'write', 'remove', 'checkout', 'sessions'] as const;
export type Phase = (typeof PHASES)[number];

export interface Call<F = any> {
  request?: (w: World, who: Principal, fresh: F) => Request | Promise<Request>;
  /**
   * Resources of the owner the call uses up, made before the walk: one set for each principal the
   * policy allows, and one the refused principals share.
   */
  fresh?: (w: World, who: Principal) => Promise<F>;
  /** Default: read for GET, remove for DELETE, write otherwise. */
  phase?: Phase;
  /** Answers other than 2xx an allowed caller may get here, and why (never 401 or 403). */
  accept?: { status: number[]; why: string };
  /** Runs after the request, e.g. to remember a rotated secret. */
  after?: (w: World, who: Principal, res: LightMyRequestResponse) => void;
}

const price = (w: World, amount = 12_345) => ({ amount, currency: w.currency });
const noCode = { status: [400], why: 'the call needs a mailed code; without one every caller gets 400' };

/** The last week, as the cash-on-delivery report takes it. */
const reportDays = () => {
  const day = (ago: number) => new Date(Date.now() - ago * 86_400_000).toISOString().slice(0, 10);
  return { from: day(7), to: day(0) };
};

/** A fresh product of the seller's with two variants, for the calls that delete parts of it. */
const sellerProduct = (w: World) => createOffers(w.server, 2, { seller: w.callers.seller.user! });

export const CALLS: Record<string, Call> = {
  'GET /store': {},
  'GET /store/policies/{kind}': {
    request: () => ({ params: { kind: 'returns' } }),
    accept: { status: [404], why: 'a policy the store has not set is 404 to everyone' },
  },

  'GET /lookups/{type}': { request: () => ({ params: { type: 'return-reason' } }) },
  'GET /admin/lookups': {},
  'GET /admin/lookups/{type}': { request: () => ({ params: { type: 'unit-of-measure' } }) },
  'PUT /admin/lookups/{type}/{code}': {
    request: () => ({
      params: { type: 'unit-of-measure', code: unique('crate').replace(/[^A-Za-z0-9_.-]/g, '') },
      body: { labels: { en: 'Crate' } },
    }),
  },
  // a value of the matrix's own type, made for each caller that may delete it
  'DELETE /admin/lookups/{type}/{code}': {
    fresh: async (w) => {
      const code = unique('tmp').replace(/[^A-Za-z0-9_.-]/g, '');
      await send(
        w.server,
        'PUT',
        `/admin/lookups/matrix-temp/${code}`,
        { labels: { en: 'Temp' } },
        w.callers.admin.headers,
      );
      return code;
    },
    request: (_w, _who, code) => ({ params: { type: 'matrix-temp', code } }),
  },

  'POST /auth/register': {
    request: () => ({
      body: {
        email: `${unique('register')}@example.test`,
        password: 'matrix register passphrase',
        name: 'New',
      },
    }),
  },
  'POST /auth/login': {
    request: (w) => ({ body: { email: w.users.loginTarget.email, password: w.users.loginTarget.password } }),
  },
  'POST /auth/refresh': {
    request: (w) => ({ body: { refreshToken: w.users.refreshToken } }),
    after: (w, _who, res) => {
      if (res.statusCode === 200) w.users.refreshToken = res.json().refreshToken;
    },
  },
  'POST /auth/logout': { request: () => ({ body: { refreshToken: newId() } }) },
  'POST /auth/verify-email': {
    request: () => ({ body: { token: 'x'.repeat(43) } }),
    accept: noCode,
  },
  'POST /auth/password-reset': {
    request: () => ({ body: { email: `${unique('reset')}@example.test` } }),
  },
  'POST /auth/password-reset/confirm': {
    request: () => ({ body: { token: 'x'.repeat(43), password: 'matrix reset passphrase' } }),
    accept: noCode,
  },

  'GET /me': {},
  'PATCH /me': { request: () => ({ body: { name: 'Renamed by the matrix' } }) },
  'POST /me/email-verification': {},
  'GET /me/sessions': {},
  'GET /me/profile': {},
  'PATCH /me/profile/customer': { request: () => ({ body: { preferredCurrency: 'INR' } }) },
  'POST /me/seller-application': {
    request: () => ({ body: { businessName: 'Matrix Traders' } }),
    accept: { status: [409], why: 'an approved seller cannot apply again' },
  },
  'PATCH /me/seller-profile': {
    request: () => ({ body: { businessName: 'Matrix Traders Renamed' } }),
    accept: { status: [404], why: 'a caller that never applied to sell has no seller profile' },
  },
  'GET /me/rewards': {},
  // the matrix's Stripe is unreachable and no setup of any caller finished at it
  'POST /me/payment-methods/setup': {
    request: () => ({ body: { provider: 'stripe' } }),
    accept: { status: [502], why: 'the matrix has no Stripe to start a SetupIntent at' },
  },
  'POST /me/payment-methods': {
    request: () => ({ body: { provider: 'stripe', setupId: 'seti_matrix' } }),
    accept: {
      status: [400, 502],
      why: 'no SetupIntent of the caller finished at Stripe (a caller with a Stripe customer asks it: unreachable here)',
    },
  },
  'GET /me/payment-methods': {},
  'POST /me/payment-methods/{id}/default': { request: (w) => ({ params: { id: w.account.savedMethodId } }) },
  'DELETE /me/payment-methods/{id}': { request: (w) => ({ params: { id: w.account.savedMethodToDelete } }) },
  'GET /me/addresses': {},
  'POST /me/addresses': { request: () => ({ body: shippingAddress }) },
  'GET /me/addresses/{id}': { request: (w) => ({ params: { id: w.account.addressId } }) },
  'PATCH /me/addresses/{id}': {
    request: (w) => ({ params: { id: w.account.addressId }, body: { label: 'Home' } }),
  },
  'DELETE /me/addresses/{id}': { request: (w) => ({ params: { id: w.account.addressToDelete } }) },

  'GET /admin/users': {},
  'GET /admin/users/lookup': {
    request: (w) => ({ query: { email: w.callers.customer.user!.email } }),
  },
  'GET /admin/users/{id}': { request: (w) => ({ params: { id: w.users.managed } }) },
  'PUT /admin/users/{id}/roles': {
    request: (w) => ({ params: { id: w.users.managed }, body: { roles: ['CUSTOMER'] } }),
  },
  'POST /admin/users/{id}/deactivate': {
    request: (w) => ({ params: { id: w.users.toDeactivate }, body: { reason: 'matrix' } }),
  },
  'POST /admin/users/{id}/reactivate': { request: (w) => ({ params: { id: w.users.managed } }) },
  'PUT /admin/users/{id}/group': {
    request: (w) => ({ params: { id: w.users.managed }, body: { groupId: w.account.groupId } }),
  },
  'GET /admin/users/{id}/admin-profile': {
    request: (w) => ({ params: { id: w.callers.admin.user!.id } }),
  },
  'PUT /admin/users/{id}/admin-profile': {
    request: (w) => ({ params: { id: w.users.managed }, body: { department: 'Matrix' } }),
  },
  'GET /admin/users/{id}/rewards': { request: (w) => ({ params: { id: w.callers.customer.user!.id } }) },
  'POST /admin/users/{id}/rewards': {
    request: (w) => ({ params: { id: w.callers.customer.user!.id }, body: { points: 10, note: 'matrix' } }),
  },
  'GET /admin/sellers': {},
  'GET /admin/sellers/{id}': { request: (w) => ({ params: { id: w.callers.seller.user!.id } }) },
  'POST /admin/sellers/{id}/approve': {
    request: (w) => ({ params: { id: w.users.applicant }, body: {} }),
  },
  'POST /admin/sellers/{id}/reject': {
    request: (w) => ({ params: { id: w.users.rejectedApplicant }, body: { reason: 'matrix' } }),
  },
  'GET /admin/user-groups': {},
  'POST /admin/user-groups': { request: () => ({ body: { name: unique('Group') } }) },
  'GET /admin/user-groups/{id}': { request: (w) => ({ params: { id: w.account.groupId } }) },
  'PATCH /admin/user-groups/{id}': {
    request: (w) => ({ params: { id: w.account.groupId }, body: { sellerDiscountBps: 100 } }),
  },
  'DELETE /admin/user-groups/{id}': { request: (w) => ({ params: { id: w.account.groupToDelete } }) },

  'GET /categories': {},
  'GET /categories/{slug}': { request: (w) => ({ params: { slug: w.catalog.category.slug } }) },
  'GET /products': {},
  'GET /products/suggest': { request: () => ({ query: { q: 'Test' } }) },
  'GET /products/{idOrSlug}': {
    request: (w) => ({ params: { idOrSlug: w.catalog.storeOffers[0].slug } }),
  },

  'POST /admin/products': {
    request: (w) => ({
      body: { name: unique('Matrix product'), variants: [{ sku: unique('MX'), price: price(w) }] },
    }),
  },
  'GET /admin/products': {},
  'POST /admin/products/import': {
    request: () => ({
      raw: {
        contentType: 'text/csv',
        payload: `Handle,Title,Variant SKU,Variant Price\n${unique('imported')},Imported,${unique('IMP')},10.00\n`,
      },
    }),
  },
  'GET /admin/products/export': {},
  'GET /admin/products/{id}': { request: (w) => ({ params: { id: w.catalog.sellerOffer.productId } }) },
  'PATCH /admin/products/{id}': {
    request: (w) => ({
      params: { id: w.catalog.sellerOffer.productId },
      body: { description: 'Described by the matrix' },
    }),
  },
  'DELETE /admin/products/{id}': {
    fresh: async (w) => (await createOffer(w.server, { seller: w.callers.seller.user! })).productId,
    request: (_w, _who, productId: string) => ({ params: { id: productId } }),
  },
  // a product of its own each: an admin's variant brings the store's offer onto the product
  'POST /admin/products/{id}/variants': {
    fresh: async (w) => (await createOffer(w.server, { seller: w.callers.seller.user! })).productId,
    request: (w, _who, productId: string) => ({
      params: { id: productId },
      body: { sku: unique('MXV'), options: { size: unique('s') }, price: price(w) },
    }),
  },
  'PATCH /admin/variants/{id}': {
    request: (w) => ({ params: { id: w.catalog.sellerOffer.variantId }, body: { barcode: '4006381333931' } }),
  },
  'DELETE /admin/variants/{id}': {
    fresh: async (w) => (await sellerProduct(w))[1]!.variantId,
    request: (_w, _who, variantId: string) => ({ params: { id: variantId } }),
  },
  'POST /admin/variants/{id}/offers': {
    request: (w) => ({ params: { id: w.catalog.openVariantId }, body: { price: price(w) } }),
  },
  ...MEDIA_CALLS,
  'GET /admin/offers': {},
  'PATCH /admin/offers/{id}': {
    request: (w) => ({
      params: { id: w.catalog.sellerOffer.offerId },
      body: { sellerProductName: 'Offered by the matrix' },
    }),
  },
  'DELETE /admin/offers/{id}': {
    fresh: async (w) => (await sellerProduct(w))[0]!.offerId,
    request: (_w, _who, offerId: string) => ({ params: { id: offerId } }),
  },

  'GET /admin/categories': {},
  'POST /admin/categories': { request: () => ({ body: { name: unique('Category') } }) },
  // every root category, in reverse (the list must name each exactly once, so it is read now)
  'POST /admin/categories/reorder': {
    request: async (w) => {
      const res = await w.server.app.inject({
        method: 'GET',
        url: '/api/v1/admin/categories',
        headers: w.callers.admin.headers,
      });
      const roots = (res.json().items as Array<{ id: string; parentId: string | null }>)
        .filter((c) => c.parentId === null)
        .map((c) => c.id);
      return { body: { parentId: null, orderedIds: roots.reverse() } };
    },
  },
  'PATCH /admin/categories/{id}': {
    request: (w) => ({ params: { id: w.catalog.category.id }, body: { description: 'Matrix' } }),
  },
  'GET /admin/categories/{id}/filters': { request: (w) => ({ params: { id: w.catalog.category.id } }) },
  'POST /admin/categories/{id}/filters': {
    request: (w) => ({
      params: { id: w.catalog.category.id },
      body: { key: unique('size'), label: 'Size', kind: 'ENUM', source: 'ATTRIBUTE', sourceKey: 'size' },
    }),
  },
  'DELETE /admin/filters/{id}': { request: (w) => ({ params: { id: w.catalog.filterId } }) },

  'GET /admin/warehouses': {},
  'POST /admin/warehouses': { request: () => ({ body: { code: unique('W').slice(0, 20), name: 'New' } }) },
  'GET /admin/warehouses/{warehouseId}': {
    request: (w) => ({ params: { warehouseId: w.inventory.warehouseId } }),
  },
  'PATCH /admin/warehouses/{warehouseId}': {
    request: (w) => ({ params: { warehouseId: w.inventory.warehouseId }, body: { name: 'Renamed' } }),
  },
  'DELETE /admin/warehouses/{warehouseId}': {
    request: (w) => ({ params: { warehouseId: w.inventory.emptyWarehouseId } }),
  },

  // The first receipt of an offer nobody has stocked yet: the seller and product come from it.
  'POST /admin/inventory/receipts': {
    fresh: (w) => createOffer(w.server, { seller: w.callers.seller.user! }),
    request: (_w, _who, offer: { offerId: string; productId: string }) => ({
      body: { offerId: offer.offerId, productId: offer.productId, quantity: 1 },
    }),
  },
  'POST /admin/inventory/adjustments': {
    request: (w) => ({
      body: {
        offerId: w.catalog.sellerOffer.offerId,
        warehouseId: w.inventory.defaultWarehouseId,
        delta: 1,
        reason: 'matrix',
      },
    }),
  },
  'POST /admin/inventory/damages': {
    request: (w) => ({
      body: {
        offerId: w.catalog.sellerOffer.offerId,
        warehouseId: w.inventory.defaultWarehouseId,
        quantity: 1,
        reason: 'matrix',
      },
    }),
  },
  'POST /admin/inventory/transfers': {
    request: (w) => ({
      body: {
        offerId: w.catalog.sellerOffer.offerId,
        fromWarehouseId: w.inventory.defaultWarehouseId,
        toWarehouseId: w.inventory.warehouseId,
        quantity: 1,
      },
    }),
  },
  'PATCH /admin/inventory/offers/{offerId}/warehouses/{warehouseId}': {
    request: (w) => ({
      params: { offerId: w.catalog.sellerOffer.offerId, warehouseId: w.inventory.defaultWarehouseId },
      body: { reorderPoint: 2 },
    }),
  },
  'GET /admin/inventory/offers/{offerId}': {
    request: (w) => ({ params: { offerId: w.catalog.sellerOffer.offerId } }),
  },
  'GET /admin/inventory/offers/{offerId}/movements': {
    request: (w) => ({ params: { offerId: w.catalog.sellerOffer.offerId } }),
  },
  'GET /admin/inventory/products/{productId}': {
    request: (w) => ({ params: { productId: w.catalog.sellerOffer.productId } }),
  },
  'GET /admin/inventory/sellers/{sellerId}/stock': {
    request: (w) => ({ params: { sellerId: w.callers.seller.user!.id } }),
  },
  'GET /admin/inventory/low-stock': {},
  'GET /admin/inventory/forecasts': {},
  'GET /admin/inventory/offers/{offerId}/forecast': {
    request: (w) => ({ params: { offerId: w.catalog.sellerOffer.offerId } }),
  },
  'GET /admin/inventory/check': {},
  'POST /admin/inventory/reservations': {
    request: (w) => ({
      body: {
        reference: { type: 'MATRIX', id: unique('hold') },
        lines: [{ offerId: w.catalog.storeOffers[0].offerId, quantity: 1 }],
      },
    }),
  },
  'GET /admin/inventory/reservations/{reservationId}': {
    request: (w) => ({ params: { reservationId: w.inventory.reservations.held } }),
  },
  'POST /admin/inventory/reservations/{reservationId}/confirm': {
    request: (w) => ({ params: { reservationId: w.inventory.reservations.toConfirm } }),
  },
  'POST /admin/inventory/reservations/{reservationId}/release': {
    request: (w) => ({
      params: { reservationId: w.inventory.reservations.toRelease },
      body: { reason: 'matrix' },
    }),
  },
  'POST /admin/inventory/reservations/{reservationId}/returns': {
    request: (w) => ({
      params: { reservationId: w.inventory.reservations.confirmed },
      body: { reason: 'matrix' },
    }),
  },

  'POST /carts': {},
  'GET /carts/{id}': { request: (w) => ({ params: { id: w.cart.id } }) },
  'POST /carts/{id}/items': {
    request: (w) => ({
      params: { id: w.cart.id },
      body: { offerId: w.catalog.sellerOffer.offerId, quantity: 1 },
    }),
  },
  'PATCH /carts/{id}/items/{itemId}': {
    request: (w) => ({ params: { id: w.cart.id, itemId: w.cart.lineId }, body: { quantity: 2 } }),
  },
  'DELETE /carts/{id}/items/{itemId}': {
    request: (w) => ({ params: { id: w.cart.id, itemId: w.cart.lineToDelete } }),
  },
  'POST /carts/{id}/accept-prices': { request: (w) => ({ params: { id: w.cart.id } }) },
  // a guest cart, merged into the caller's own
  'POST /carts/{id}/merge': {
    fresh: async (w) => {
      const cart = (await w.server.app.inject({ method: 'POST', url: '/api/v1/carts' })).json();
      return cart.id as string;
    },
    request: (_w, _who, cartId: string) => ({ params: { id: cartId } }),
  },
  'POST /carts/{id}/checkout': {
    phase: 'checkout',
    request: (w, who) => ({
      params: { id: w.cart.id },
      body: {
        // a caller without a session checks out as a guest, which takes an email
        ...(isSignedIn(who) ? {} : { email: 'guest@example.test' }),
        shippingAddress,
        payment: { provider: 'test', token: 'tok_success' },
      },
    }),
  },

  'GET /me/wishlists': {},
  'POST /me/wishlists': { request: () => ({ body: { name: unique('List') } }) },
  'PATCH /me/wishlists/{id}': {
    request: (w) => ({ params: { id: w.wishlist.id }, body: { description: 'Kept by the matrix' } }),
  },
  'DELETE /me/wishlists/{id}': { request: (w) => ({ params: { id: w.wishlist.toDelete } }) },
  'POST /me/wishlists/{id}/items': {
    request: (w) => ({ params: { id: w.wishlist.id }, body: { offerId: w.catalog.sellerOffer.offerId } }),
  },
  'DELETE /me/wishlists/{id}/items/{itemId}': {
    request: (w) => ({ params: { id: w.wishlist.id, itemId: w.wishlist.itemToDelete } }),
  },
  'POST /me/wishlists/{id}/items/{itemId}/move-to-cart': {
    request: (w) => ({ params: { id: w.wishlist.id, itemId: w.wishlist.itemToMove }, body: {} }),
  },

  'GET /payments/{id}': { request: (w) => ({ params: { id: w.orders.main.paymentId } }) },
  'POST /payments/{id}/confirm': {
    fresh: (w) => checkout(w, [w.catalog.storeOffers[1].offerId], { provider: 'test', token: 'tok_confirm' }),
    request: (_w, _who, placed: { paymentId: string }) => ({
      params: { id: placed.paymentId },
      body: { confirmation: 'ok' },
    }),
  },
  // A declined payment of a PENDING order, paid again with a new token.
  'POST /payments/{id}/retry': {
    fresh: (w) => checkout(w, [w.catalog.storeOffers[1].offerId], { provider: 'test', token: 'tok_decline' }),
    request: (_w, _who, placed: { paymentId: string }) => ({
      params: { id: placed.paymentId },
      body: { token: 'tok_success' },
    }),
  },
  'POST /payments/{id}/collect': {
    fresh: (w) => checkout(w, [w.catalog.storeOffers[1].offerId], { provider: 'cod' }),
    request: (_w, _who, placed: { paymentId: string; amount: number }) => ({
      params: { id: placed.paymentId },
      body: { amount: placed.amount },
    }),
  },
  'GET /admin/payments': { request: () => ({ query: { reference: 'matrix-reference' } }) },
  'POST /admin/payments/{id}/refunds': {
    request: (w) => ({
      params: { id: w.orders.toRefund.paymentId },
      body: { amount: 1, reason: 'matrix' },
      headers: { 'idempotency-key': unique('refund') },
    }),
  },
  // A signed event for a payment this store does not know: recorded, and answered 200.
  'POST /payments/webhooks/{provider}': {
    request: () => {
      const payload = JSON.stringify({
        id: unique('evt'),
        object: 'event',
        type: 'payment_intent.succeeded',
        data: { object: { id: unique('pi'), object: 'payment_intent', amount: 100, currency: 'inr' } },
      });
      return {
        params: { provider: 'stripe' },
        raw: { contentType: 'application/json', payload },
        headers: { 'stripe-signature': stripeTestSignature(payload, STRIPE_WEBHOOK_SECRET) },
      };
    },
  },

  'POST /admin/coupons': {
    request: () => ({
      body: { code: unique('C').replace(/[^A-Za-z0-9_-]/g, ''), type: 'PERCENT', value: 500 },
    }),
  },
  'GET /admin/coupons': {},
  'GET /admin/coupons/{id}': { request: (w) => ({ params: { id: w.couponId } }) },
  'PATCH /admin/coupons/{id}': {
    request: (w) => ({ params: { id: w.couponId }, body: { description: 'Matrix' } }),
  },

  ...RETURN_CALLS,
  ...NOTIFICATION_CALLS,
  ...CHANNEL_CALLS,
  ...REVIEW_CALLS,
  ...QUOTE_CALLS,
  ...CAMPAIGN_CALLS,
  ...ANALYTICS_CALLS,
  ...TERMS_CALLS,

  // fulfilment: cash on delivery (the matrix's agent has collected nothing, so it holds no cash)
  'GET /admin/delivery-agents/{userId}/cash': {
    request: (w) => ({ params: { userId: w.callers.deliveryAgent.user!.id } }),
  },
  'GET /agent/cash': {},
  'POST /admin/delivery-agents/{userId}/remittances': {
    request: (w) => ({
      params: { userId: w.callers.deliveryAgent.user!.id },
      body: { amount: price(w, 100), method: 'CASH' },
    }),
    accept: { status: [409], why: 'the agent holds no cash, and a remittance cannot exceed what it holds' },
  },
  'GET /admin/delivery-agents/{userId}/remittances': {
    request: (w) => ({ params: { userId: w.callers.deliveryAgent.user!.id } }),
  },
  'GET /admin/cod/reconciliation': { request: () => ({ query: reportDays() }) },
  'GET /admin/cod/reconciliation.csv': { request: () => ({ query: reportDays() }) },
  'GET /admin/audit': { request: () => ({ query: { entityType: 'product', limit: '5' } }) },
  ...ORDER_CALLS,
  ...FULFILMENT_CALLS,

  'POST /admin/tax-rules': {
    request: () => ({ body: { name: unique('Tax'), country: 'IN', region: 'ZZ', rateBp: 0 } }),
  },
  'GET /admin/tax-rules': {},
  'DELETE /admin/tax-rules/{id}': { request: (w) => ({ params: { id: w.taxRuleId } }) },
  'POST /admin/shipping-methods': {
    request: () => ({
      body: { code: unique('ship').toLowerCase().slice(0, 40), name: 'Matrix post', flatAmount: 0 },
    }),
  },
  'GET /shipping-methods': {},
  'GET /payment-methods': {},
  'GET /admin/store/settings': {},
  'PATCH /admin/store/settings': { request: () => ({ body: {} }) },

  // Last: these end sessions. The customer's second session, then each caller's password (which
  // signs out its other sessions), then every session of each caller.
  'DELETE /me/sessions/{id}': {
    phase: 'sessions',
    request: (w) => ({ params: { id: w.account.otherSessionId } }),
  },
  'POST /me/password': {
    phase: 'sessions',
    request: (w, who) => ({
      body: {
        currentPassword: w.passwords[who] ?? 'not signed in here',
        newPassword: `${who} changed passphrase`,
      },
    }),
    after: (w, who, res) => {
      if (res.statusCode === 204) w.passwords[who] = `${who} changed passphrase`;
    },
  },
  'POST /auth/logout-all': { phase: 'sessions' },

  ...PLATFORM_CALLS,
};

/** The phase an operation runs in. */
export function phaseOf(op: string): Phase {
  const call = CALLS[op];
  if (call?.phase) return call.phase;
  if (op.startsWith('GET ')) return 'read';
  if (op.startsWith('DELETE ')) return 'remove';
  return 'write';
}
