import { newId } from '../../src/platform/ids.ts';
import type { Server } from '../../src/server.ts';
import { createProduct, createUser, makeImage, signUpOwner, type TestUser } from '../kit/index.ts';

/**
 * One small store with a row behind every kind of path id (a product, an offer, a cart with a
 * line, an order, a payment, a warehouse, …), so fuzzed calls with real ids reach their handlers.
 * The actors are never the targets of account calls: those get `victim`.
 */
export interface FuzzWorld {
  admin: TestUser;
  seller: TestUser;
  customer: TestUser;
  /** A delivery agent with a shipment assigned to it. */
  agent: TestUser;
  victim: TestUser;
  /** A business owner (a platform account) with a store of its tenant's, for the platform's calls. */
  owner: { headers: Record<string, string> };
  ids: Record<string, string>;
}

type H = Record<string, string>;

async function call(
  server: Server,
  method: string,
  url: string,
  body: unknown,
  headers: H,
  expected: number,
) {
  const res = await server.app.inject({
    method: method as 'POST',
    url: `/api/v1${url}`,
    headers,
    ...(body !== undefined ? { payload: body as object } : {}),
  });
  if (res.statusCode !== expected) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json() as Record<string, any>;
}

const address = {
  name: 'Fuzz Buyer',
  line1: '1 MG Road',
  city: 'Bengaluru',
  state: 'KA',
  postalCode: '560001',
  country: 'IN',
};

export async function buildWorld(server: Server): Promise<FuzzWorld> {
  const [admin, seller, customer, agent, victim] = await Promise.all([
    createUser(server, { roles: ['ADMIN'] }),
    createUser(server, { roles: ['SELLER'] }),
    createUser(server, { roles: ['CUSTOMER'] }),
    createUser(server, { roles: ['DELIVERY_AGENT'] }),
    createUser(server, { roles: ['SELLER'] }),
  ]);
  // fulfilment: cash on delivery (an agent whose cash and remittances the fuzzed calls address)
  const cashAgent = await createUser(server, { roles: ['DELIVERY_AGENT'] });
  const post = (url: string, body: unknown, headers: H, expected = 201) =>
    call(server, 'POST', url, body, headers, expected);
  const A = admin.headers;

  const category = await post('/admin/categories', { name: 'Fuzz', slug: 'fuzz' }, A);
  const filter = await post(
    `/admin/categories/${category.id}/filters`,
    { key: 'size', label: 'Size', kind: 'ENUM', source: 'ATTRIBUTE', sourceKey: 'size' },
    A,
  );
  const product = await createProduct(server, A, { status: 'ACTIVE', stock: 50, categorySlug: 'fuzz' });
  const sellerProduct = await createProduct(server, seller.headers, { status: 'ACTIVE', stock: 20 });
  const offerId = product.variants[0]!.offers[0]!.id;
  const warehouse = await post('/admin/warehouses', { code: 'FUZZ-1', name: 'Fuzz warehouse' }, A);
  const reservation = await post(
    '/admin/inventory/reservations',
    { reference: { type: 'ORDER', id: newId() }, lines: [{ offerId, quantity: 1 }] },
    A,
  );
  const group = await post('/admin/user-groups', { name: 'Fuzzers' }, A);
  const coupon = await post('/admin/coupons', { code: 'FUZZ10', type: 'PERCENT', value: 10 }, A);
  const taxRule = await post('/admin/tax-rules', { name: 'Fuzz tax', country: 'IN', rateBp: 500 }, A);
  await post('/me/seller-application', { businessName: 'Fuzz Traders' }, seller.headers);
  const addressRow = await post('/me/addresses', address, customer.headers);
  const wishlist = await post('/me/wishlists', { name: 'Fuzz list' }, customer.headers);
  const withItem = await post(`/me/wishlists/${wishlist.id}/items`, { offerId }, customer.headers);

  const bought = await post('/carts', undefined, customer.headers);
  await post(
    `/carts/${bought.id}/items`,
    { offerId: sellerProduct.variants[0]!.offers[0]!.id, quantity: 1 },
    customer.headers,
  );
  const placed = await post(
    `/carts/${bought.id}/checkout`,
    { shippingAddress: address, payment: { provider: 'cod' } },
    customer.headers,
  );
  const delivery = await shipped(server, customer, agent, A, sellerProduct.variants[0]!.offers[0]!.id);
  // a user has one active cart: those before were checked out, so this is a fresh one
  const cart = await post('/carts', undefined, customer.headers);
  const withLine = await post(`/carts/${cart.id}/items`, { offerId, quantity: 1 }, customer.headers);
  const guestCart = await post('/carts', undefined, {});
  const sessions = await call(server, 'GET', '/me/sessions', undefined, customer.headers, 200);
  const warehouses = await call(server, 'GET', '/admin/warehouses?limit=100', undefined, A, 200);
  const stockedIn = warehouses.items.find((w: { code: string }) => w.code === 'DEFAULT');
  const owner = await signUpOwner(server, { businessName: 'Fuzz Holdings' });
  const platformStore = await post(
    '/platform/stores',
    { name: 'Fuzz shop', subdomain: subdomain() },
    owner.headers,
  );
  const image = await call(
    server,
    'POST',
    `/admin/products/${product.id}/images`,
    await makeImage('png', 64, 48),
    {
      ...A,
      'content-type': 'image/png',
    },
    201,
  );

  return {
    admin,
    seller,
    customer,
    agent,
    victim,
    owner: { headers: owner.headers },
    ids: {
      categoryId: category.id,
      categorySlug: 'fuzz',
      filterId: filter.id,
      productId: product.id,
      productSlug: product.slug,
      imageId: image.id,
      mediaKey: image.url.split('/').at(-1),
      variantId: product.variants[0]!.id,
      offerId,
      sellerProductId: sellerProduct.id,
      sellerOfferId: sellerProduct.variants[0]!.offers[0]!.id,
      warehouseId: warehouse.id,
      stockWarehouseId: stockedIn.id,
      reservationId: reservation.id,
      groupId: group.id,
      couponId: coupon.id,
      taxRuleId: taxRule.id,
      addressId: addressRow.id,
      wishlistId: wishlist.id,
      wishlistItemId: withItem.items[0].id,
      cartId: cart.id,
      cartItemId: withLine.items[0].id,
      guestCartId: guestCart.id,
      orderId: placed.order.id,
      orderItemId: placed.order.items[0].id,
      paymentId: placed.payment.id,
      sessionId: sessions.items[0].id,
      victimId: victim.id,
      sellerId: seller.id,
      cashAgentId: cashAgent.id,
      returnId: await aReturn(server, A, offerId),
      reviewId: await aReview(server, A, product.slug, customer.headers),
      leadId: (
        await call(server, 'POST', '/leads', { items: [{ offerId, quantity: 200 }] }, customer.headers, 201)
      ).id,
      platformStoreId: platformStore.id,
      campaignId: (
        await post(
          '/admin/campaigns',
          {
            name: 'Fuzz news',
            type: 'ANNOUNCEMENT',
            channels: ['EMAIL'],
            subject: 'Fuzz news',
            body: 'News.',
            target: { kind: 'EVERYONE' },
          },
          A,
        )
      ).id,
      // a draft of the store's terms that asks for no acceptance (publishing it changes no checkout)
      termsDraftId: (
        await post(
          '/admin/terms/fuzz-notice/drafts',
          { language: 'en', title: 'Fuzz notice', body: 'Notice.', requiresAcceptance: false },
          A,
        )
      ).id,
      ...delivery,
    },
  };
}

/** A delivered order of a buyer of its own, shipped by courier, and its return (the return paths). */
async function aReturn(server: Server, admin: H, offerId: string): Promise<string> {
  const buyer = (await createUser(server, { roles: ['CUSTOMER'] })).headers;
  const cart = await call(server, 'POST', '/carts', undefined, buyer, 201);
  await call(server, 'POST', `/carts/${cart.id}/items`, { offerId, quantity: 1 }, buyer, 201);
  const payment = { provider: 'test', token: 'tok_success' };
  const placed = await call(
    server,
    'POST',
    `/carts/${cart.id}/checkout`,
    { shippingAddress: address, payment },
    buyer,
    201,
  );
  const shipment = await call(server, 'POST', `/admin/orders/${placed.order.id}/shipments`, {}, admin, 201);
  for (const status of ['PICKED_UP', 'IN_TRANSIT', 'DELIVERED'])
    await call(server, 'POST', `/admin/shipments/${shipment.id}/events`, { status }, admin, 200);
  const items = [{ orderItemId: placed.order.items[0].id, quantity: 1 }];
  const made = await call(
    server,
    'POST',
    `/orders/${placed.order.id}/returns`,
    { items, reason: 'fuzz' },
    buyer,
    201,
  );
  return made.id;
}

/** A published review of the product by the customer (the store allows unverified reviews). */
async function aReview(server: Server, admin: H, slug: string, buyer: H): Promise<string> {
  const settings = {
    moderation: false,
    allowUnverified: true,
    heldWords: [],
    holdLinks: true,
    rewardPoints: 0,
  };
  await call(server, 'PUT', '/admin/review-settings', settings, admin, 200);
  const made = await call(
    server,
    'POST',
    `/products/${slug}/reviews`,
    { rating: 4, body: 'fuzz' },
    buyer,
    201,
  );
  return made.id;
}

/**
 * A second order, shipped to the agent (the first stays unshipped for the shipment calls), a
 * carrier and the order's tracking link.
 */
async function shipped(server: Server, customer: TestUser, agent: TestUser, A: H, offerId: string) {
  const post = (url: string, body: unknown, headers: H, expected = 201) =>
    call(server, 'POST', url, body, headers, expected);
  const cart = await post('/carts', undefined, customer.headers);
  await post(`/carts/${cart.id}/items`, { offerId, quantity: 1 }, customer.headers);
  const { order } = await post(
    `/carts/${cart.id}/checkout`,
    { shippingAddress: address, payment: { provider: 'cod' } },
    customer.headers,
  );
  const shipment = await post(`/admin/orders/${order.id}/shipments`, { deliveryAgentId: agent.id }, A);
  await call(server, 'PUT', '/admin/carriers/fuzz-post', { name: 'Fuzz Post' }, A, 200);
  const query = new URLSearchParams({ order: order.number, email: customer.email });
  const tracked = await call(server, 'GET', `/track?${query}`, undefined, {}, 200);
  return {
    shipmentId: shipment.id as string,
    shippedOrderNumber: order.number as string,
    agentId: agent.id,
    carrierCode: 'fuzz-post',
    trackingToken: tracked.trackingToken as string,
  };
}

/** A subdomain label no other store has. */
function subdomain(): string {
  return `fuzz-${newId().slice(-12)}`;
}

/** Real ids for the path parameters of an OpenAPI path, by what the path addresses. */
export function realParams(path: string, ids: Record<string, string>, guest = false): Record<string, string> {
  const p = path.replace(/^\/api\/v1/, '');
  // a guest's own cart for anonymous callers, the customer's otherwise
  if (guest && /^\/carts\/\{id\}$|^\/carts\/\{id\}\/(?!items\/)/.test(p)) return { id: ids.guestCartId! };
  const rules: Array<[RegExp, Record<string, string>]> = [
    [/^\/carts\/\{id\}\/items\/\{itemId\}/, { id: ids.cartId!, itemId: ids.cartItemId! }],
    [/^\/carts\/\{id\}/, { id: ids.cartId! }],
    [/^\/me\/wishlists\/\{id\}\/items\/\{itemId\}/, { id: ids.wishlistId!, itemId: ids.wishlistItemId! }],
    [/^\/me\/wishlists\/\{id\}/, { id: ids.wishlistId! }],
    [/^\/me\/addresses\/\{id\}/, { id: ids.addressId! }],
    [/^\/me\/sessions\/\{id\}/, { id: ids.sessionId! }],
    [/^\/admin\/users\/\{id\}/, { id: ids.victimId! }],
    [/^\/admin\/sellers\/\{id\}/, { id: ids.victimId! }],
    [/^\/admin\/user-groups\/\{id\}/, { id: ids.groupId! }],
    [/^\/categories\/\{slug\}/, { slug: ids.categorySlug! }],
    [/^\/store\/policies\/\{kind\}/, { kind: 'returns' }],
    [/^\/products\/\{idOrSlug\}/, { idOrSlug: ids.productSlug! }],
    [/^\/admin\/products\/\{id\}\/images\/\{imageId\}/, { id: ids.productId!, imageId: ids.imageId! }],
    [/^\/admin\/products\/\{id\}/, { id: ids.productId! }],
    [/^\/media\/\{key\}/, { key: ids.mediaKey! }],
    [/^\/admin\/variants\/\{id\}/, { id: ids.variantId! }],
    [/^\/admin\/offers\/\{id\}/, { id: ids.offerId! }],
    [/^\/admin\/categories\/\{id\}/, { id: ids.categoryId! }],
    [/^\/admin\/filters\/\{id\}/, { id: ids.filterId! }],
    [/^\/admin\/warehouses\/\{warehouseId\}/, { warehouseId: ids.warehouseId! }],
    [
      /^\/admin\/inventory\/offers\/\{offerId\}/,
      { offerId: ids.offerId!, warehouseId: ids.stockWarehouseId! },
    ],
    [/^\/admin\/inventory\/products\/\{productId\}/, { productId: ids.productId! }],
    [/^\/admin\/inventory\/sellers\/\{sellerId\}/, { sellerId: ids.sellerId! }],
    [/^\/admin\/inventory\/reservations\/\{reservationId\}/, { reservationId: ids.reservationId! }],
    [/^\/payments\/webhooks\/\{provider\}/, { provider: 'test' }],
    [/^\/payments\/\{id\}/, { id: ids.paymentId! }],
    [/^\/admin\/payments\/\{id\}/, { id: ids.paymentId! }],
    [/^\/admin\/coupons\/\{id\}/, { id: ids.couponId! }],
    [/^\/admin\/tax-rules\/\{id\}/, { id: ids.taxRuleId! }],
    [/^\/orders\/\{id\}/, { id: ids.orderId! }],
    [/^\/returns\/\{id\}/, { id: ids.returnId! }],
    [/^\/admin\/returns\/\{id\}/, { id: ids.returnId! }],
    [/^\/reviews\/\{id\}/, { id: ids.reviewId! }],
    [/^\/admin\/reviews\/\{id\}/, { id: ids.reviewId! }],
    [/^\/leads\/\{id\}/, { id: ids.leadId! }],
    [/^\/admin\/leads\/\{id\}/, { id: ids.leadId! }],
    [/^\/seller\/leads\/\{id\}/, { id: ids.leadId! }],
    [/^\/admin\/campaigns\/\{id\}/, { id: ids.campaignId! }],
    [/^\/sellers\/\{sellerId\}/, { sellerId: ids.sellerId! }],
    [/^\/admin\/orders\/\{id\}/, { id: ids.orderId! }],
    [/^\/seller\/orders\/\{id\}\/items\/\{itemId\}/, { id: ids.orderId!, itemId: ids.orderItemId! }],
    // fulfilment: cash on delivery
    [/^\/admin\/delivery-agents\/\{userId\}\/(cash|remittances)$/, { userId: ids.cashAgentId! }],
    [/^\/admin\/shipments\/\{id\}/, { id: ids.shipmentId! }],
    [/^\/agent\/deliveries\/\{id\}/, { id: ids.shipmentId! }],
    [/^\/admin\/delivery-agents\/\{userId\}/, { userId: ids.agentId! }],
    [/^\/admin\/carriers\/\{code\}/, { code: ids.carrierCode! }],
    [/^\/track\/\{token\}/, { token: ids.trackingToken! }],
    // notifications: a template every store has; a notification nobody has (the feed is per user)
    // lookups: a built-in type and a value of it every store has
    [/^\/lookups\/\{type\}/, { type: 'return-reason' }],
    [/^\/admin\/lookups\/\{type\}/, { type: 'unit-of-measure', code: 'kg' }],
    // terms: a built-in kind every store has (its version 1, published or not); the store's draft
    [/^\/terms\/\{kind\}/, { kind: 'terms-of-sale', version: '1' }],
    [/^\/admin\/terms\/\{kind\}/, { kind: 'privacy' }],
    [/^\/admin\/terms\/versions\/\{id\}/, { id: ids.termsDraftId! }],
    [/^\/admin\/notification-templates\/\{type\}\/\{channel\}/, { type: 'ORDER_SHIPPED', channel: 'EMAIL' }],
    [/^\/me\/notifications\/\{id\}/, { id: newId() }],
    // saved cards: one nobody has (the fuzzing server has no card provider to save one with)
    [/^\/me\/payment-methods\/\{id\}/, { id: newId() }],
    // the platform: the owner's store; a plan nobody uses (no fuzzing caller may write plans)
    [
      /^\/platform\/stores\/\{id\}\/staff\/invitations\/\{invitationId\}/,
      { id: ids.platformStoreId!, invitationId: newId() },
    ],
    [/^\/platform\/stores\/\{id\}\/staff\/\{accountId\}/, { id: ids.platformStoreId!, accountId: newId() }],
    [/^\/platform\/stores\/\{id\}/, { id: ids.platformStoreId! }],
    // a tenant nobody has: no fuzzing caller is a SUPER_ADMIN
    [/^\/platform\/tenants\/\{id\}/, { id: newId() }],
    [/^\/platform\/plans\/\{code\}/, { code: 'FUZZ' }],
  ];
  for (const [pattern, params] of rules) if (pattern.test(p)) return params;
  return {};
}

/** Plausible values for body fields by name, so plausible bodies use this store's rows. */
export function hintsFor(ids: Record<string, string>) {
  return {
    offerId: () => ids.offerId,
    productId: () => ids.productId,
    variantId: () => ids.variantId,
    warehouseId: () => ids.warehouseId,
    fromWarehouseId: () => ids.warehouseId,
    toWarehouseId: () => ids.warehouseId,
    categoryId: () => ids.categoryId,
    parentId: () => ids.categoryId,
    categorySlug: () => ids.categorySlug,
    groupId: () => ids.groupId,
    orderItemId: () => ids.orderItemId,
    sellerId: () => ids.sellerId,
    deliveryAgentId: () => ids.agentId,
    agentId: () => ids.agentId,
    // the tracking query: the shipped order's number (a random email makes it 404 still)
    order: () => ids.shippedOrderNumber,
    currency: () => 'INR',
    country: () => 'IN',
    email: () => `fuzz-${newId().slice(-8)}@example.test`,
    password: () => 'a fuzzing password 42',
    newPassword: () => 'a fuzzing password 43',
    currentPassword: () => 'not the password',
    provider: () => 'cod',
    price: () => ({ amount: 1000, currency: 'INR' }),
    roles: () => ['CUSTOMER'],
    subdomain,
  } as Record<string, () => unknown>;
}
