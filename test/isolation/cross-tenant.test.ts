import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/platform/ids.ts';
import { createTestServer, type TestServer } from '../harness.ts';
import {
  as,
  createCategory,
  createCoupon,
  createCustomer,
  createDeliveryAgent,
  createOffer,
  createOrder,
  createSeller,
  createWarehouse,
  ok,
  shippingAddress,
  signUpOwner,
  storeAdmin,
  type TestOwner,
  type TestStore,
  type TestUser,
} from '../kit/index.ts';
import { ACCESS_POLICY } from '../security/access-policy.ts';
import { type Operation, operationsOf, sampleOf } from '../security/fuzz.generator.ts';
import { hintsFor, realParams } from '../security/fuzz.world.ts';

/**
 * Two tenants signed up through the API, each with a published store holding a catalog, a
 * customer's cart and an order. Every operation of the OpenAPI document is sent with tenant A's
 * owner token to store B (by its Host), with store B's ids in the path: each is refused (401, 403
 * or 404), or is a public call that answers as it would to anyone, with nothing of store A and
 * nothing private of store B; and store B's rows are the same afterwards. Then the reverse for
 * the calls that name a resource, and a customer token of store A in store B.
 */

const BASE_DOMAIN = 'bazaar.test';
const REFUSED = [401, 403, 404];

interface Tenant {
  owner: TestOwner;
  store: TestStore;
  host: string;
  customer: TestUser;
  /** Path ids and body hints of this store's resources, named as the fuzz suite names them. */
  ids: Record<string, string>;
  /** What only this store's staff and the customer may see. */
  secrets: string[];
  /** What anyone may see in this store, and no other store may show. */
  markers: string[];
}

let server: TestServer;
let operations: Operation[];
let a: Tenant;
let b: Tenant;

let label = 0;
const subdomain = () => `walk-${++label}-${newId().slice(-10)}`;

/** A customer of the store with a cart holding the offer, an address, a wishlist and a session. */
async function shopper(store: TestStore, offerId: string) {
  const customer = await createCustomer(store);
  const client = as(customer);
  const cart = await ok(client.post('/carts'));
  const line = await ok(client.post(`/carts/${cart.id}/items`, { offerId, quantity: 1 }));
  const address = await ok(client.post('/me/addresses', shippingAddress));
  const list = await ok(client.post('/me/wishlists', { name: `${store.name} list` }));
  const listed = await ok(client.post(`/me/wishlists/${list.id}/items`, { offerId }));
  const sessions = await ok(client.get('/me/sessions'));
  return { customer, cart, line, address, list, listed, session: sessions.items[0] };
}

/** What the store's staff keep: a warehouse, a coupon, a shipment, a group, a tax rule, a filter… */
async function staffRecords(store: TestStore, ids: { offerId: string; categoryId: string; orderId: string }) {
  const admin = await storeAdmin(store);
  const filter = { key: 'size', label: 'Size', kind: 'ENUM', source: 'ATTRIBUTE', sourceKey: 'size' };
  const hold = { reference: { type: 'WALK', id: newId() }, lines: [{ offerId: ids.offerId, quantity: 1 }] };
  return {
    warehouse: await createWarehouse(store),
    coupon: await createCoupon(store),
    shipment: await ok(admin.post(`/admin/orders/${ids.orderId}/shipments`, {})),
    group: await ok(admin.post('/admin/user-groups', { name: `${store.name} group` })),
    taxRule: await ok(admin.post('/admin/tax-rules', { name: 'Walk tax', country: 'IN', rateBp: 0 })),
    filter: await ok(admin.post(`/admin/categories/${ids.categoryId}/filters`, filter)),
    reservation: await ok(admin.post('/admin/inventory/reservations', hold)),
    seller: await createSeller(store),
    agent: await createDeliveryAgent(store),
  };
}

/** A business owner signed up, its store opened and published through /platform, and some data in it. */
async function tenant(name: string): Promise<Tenant> {
  const owner = await signUpOwner(server, { businessName: `${name} Traders` });
  const label = subdomain();
  const opened = await ok(
    owner.client().post('/platform/stores', { name: `${name} Store`, subdomain: label }),
  );
  await ok(owner.client().post(`/platform/stores/${opened.id}/publish`));
  const store: TestStore = {
    id: opened.id,
    tenantId: owner.tenantId,
    name: opened.name,
    currency: opened.currency,
    server,
  };
  const offer = await createOffer(server, { storeId: store.id, stock: 10 });
  const category = await createCategory(server, store);
  const order = await createOrder(store, { status: 'PAID' });
  const { customer, cart, line, address, list, listed, session } = await shopper(store, offer.offerId);
  const { warehouse, coupon, shipment, group, taxRule, filter, reservation, seller, agent } =
    await staffRecords(store, { offerId: offer.offerId, categoryId: category.id, orderId: order.order.id });
  const ids = {
    categoryId: category.id,
    categorySlug: category.slug,
    filterId: filter.id,
    productId: offer.productId,
    productSlug: offer.slug,
    variantId: offer.variantId,
    offerId: offer.offerId,
    warehouseId: warehouse.id,
    reservationId: reservation.id,
    groupId: group.id,
    couponId: coupon.id,
    taxRuleId: taxRule.id,
    addressId: address.id,
    wishlistId: list.id,
    wishlistItemId: listed.items[0].id,
    cartId: cart.id,
    cartItemId: line.items[0].id,
    orderId: order.order.id,
    orderItemId: order.order.items[0]!.id,
    paymentId: order.payment.id,
    sessionId: session.id,
    victimId: customer.id,
    sellerId: seller.id,
    cashAgentId: agent.id,
    agentId: agent.id,
    shipmentId: shipment.id,
    platformStoreId: store.id,
  };
  return {
    owner,
    store,
    host: `${label}.${BASE_DOMAIN}`,
    customer,
    ids,
    secrets: [
      customer.email,
      order.buyer.email,
      order.order.id,
      order.order.number,
      order.payment.id,
      cart.id,
      address.id,
      list.id,
      session.id,
      coupon.code,
      shipment.id,
      reservation.id,
    ],
    markers: [store.id, offer.productId, offer.slug, category.slug, opened.name],
  };
}

beforeAll(async () => {
  server = await createTestServer({ config: { BASE_DOMAIN } });
  a = await tenant('Alpha');
  b = await tenant('Beta');
  const doc = (await server.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  operations = operationsOf(doc);
});
afterAll(async () => server?.destroy());

const keyOf = (op: Operation) => `${op.method} ${op.path.replace(/^\/api\/v1/, '')}`;
const isPlatform = (op: Operation) => Boolean(ACCESS_POLICY[keyOf(op)]?.platform);
const isPublic = (op: Operation) => Boolean(ACCESS_POLICY[keyOf(op)]?.allow.includes('public'));
/** The platform's calls concern a store only when their path names one (`/platform/stores/{id}…`). */
const concernsStore = (op: Operation) => !isPlatform(op) || op.path.includes('/platform/stores/{id}');

/** Reads, then writes, then deletes; the calls that end sessions last. */
function inOrder(ops: Operation[]): Operation[] {
  const rank = (op: Operation) =>
    /\/auth\/logout-all$|\/me\/sessions\/\{id\}$|\/me\/password$/.test(op.path)
      ? 3
      : op.method === 'GET'
        ? 0
        : op.method === 'DELETE'
          ? 2
          : 1;
  return [...ops].sort((x, y) => rank(x) - rank(y));
}

/**
 * Where a schema alone does not make a request its route accepts (a rule across fields), what to
 * add to the query or send as the body, so the call reaches the service that decides who may.
 */
/** A phone of its own per call: a second code to one phone within a minute is refused by design. */
let phones = 0;
const freshPhone = () => `+9198${String(10_000_000 + ++phones).slice(-8)}`;

const VALID: Record<string, { query?: Record<string, string>; body?: unknown | ((t: Tenant) => unknown) }> = {
  'GET /admin/users/lookup': { query: { email: 'someone@example.test' } },
  'GET /admin/payments': { query: { reference: 'walk' } },
  ...Object.fromEntries(
    ['sales', 'top-products', 'top-categories', 'sellers', 'payment-methods', 'funnel', 'searches'].map(
      (report) => [`GET /admin/analytics/${report}`, { query: { from: '2026-01-01', to: '2026-01-31' } }],
    ),
  ),
  'POST /admin/coupons': { body: { code: 'WALK10', type: 'PERCENT', value: 500 } },
  'POST /me/payment-methods/setup': { body: { provider: 'stripe' } },
  'POST /me/payment-methods': { body: { provider: 'stripe', setupId: 'seti_walk' } },
  'POST /auth/otp': { body: () => ({ phone: freshPhone() }) },
  'PUT /me/notification-preferences': {
    body: { channels: { email: true, sms: true, push: true, inApp: true } },
  },
  'POST /me/push-subscriptions': {
    body: {
      endpoint: 'https://push.example.test/subscriptions/walk',
      keys: { p256dh: `B${'A'.repeat(86)}`, auth: 'A'.repeat(22) },
    },
  },
  'POST /orders/{id}/returns': {
    body: (t: Tenant) => ({ items: [{ orderItemId: t.ids.orderItemId, quantity: 1 }], reason: 'Walk' }),
  },
  'POST /admin/campaigns': {
    body: {
      name: 'Walk news',
      type: 'ANNOUNCEMENT',
      channels: ['EMAIL'],
      subject: 'Walk news',
      body: 'News for the walk.',
      target: { kind: 'EVERYONE' },
    },
  },
  'PATCH /admin/campaigns/{id}': { body: { name: 'Walk news, changed' } },
  'POST /admin/terms/{kind}/drafts': {
    body: { language: 'en', title: 'Walk terms', body: 'Terms for the walk.', requiresAcceptance: false },
  },
  'PATCH /admin/terms/versions/{id}': { body: { title: 'Walk terms, changed' } },
  'POST /me/terms/accept': { body: { acceptedTerms: [{ kind: 'terms-of-sale', version: 1 }] } },
  'POST /carts/{id}/checkout': {
    body: {
      email: 'guest@example.test',
      shippingAddress,
      payment: { provider: 'test', token: 'tok_success' },
    },
  },
};

/** A request the operation's schema accepts, with the target store's ids in its path and body. */
function requestOf(op: Operation, target: Tenant) {
  const hints = hintsFor(target.ids);
  const valid = VALID[keyOf(op)];
  const params = realParams(op.path, target.ids);
  const path = op.path.replace(/\{(\w+)\}/g, (_m, name: string) =>
    encodeURIComponent(params[name] ?? newId()),
  );
  const query = new URLSearchParams([
    ...op.query
      .filter((q) => q.required && !(valid?.query && q.name in valid.query))
      .map((q) => [q.name, String(sampleOf(q.schema, hints, q.name))]),
    ...Object.entries(valid?.query ?? {}),
  ]).toString();
  const given = typeof valid?.body === 'function' ? valid.body(target) : valid?.body;
  const body = given ?? (op.body ? sampleOf(op.body, hints) : undefined);
  return { url: query ? `${path}?${query}` : path, body };
}

async function send(op: Operation, target: Tenant, headers: Record<string, string>) {
  const { url, body } = requestOf(op, target);
  return server.app.inject({
    method: op.method,
    url,
    headers: { host: target.host, ...headers },
    ...(body !== undefined ? { payload: body as object } : {}),
  });
}

/** The number of rows of each store-scoped table that belong to the store. */
/**
 * What anyone's visit adds to a store's analytics (a product view, a search, written a moment
 * later by the event batches) is no change made to the store: those tables are left out.
 */
const VISIT_COUNTS = [
  'analytics_events',
  'analytics_daily_funnel',
  'analytics_daily_search',
  'analytics_daily_product',
  'analytics_daily_category',
  'analytics_daily_seller',
];

async function rowCounts(storeId: string): Promise<Record<string, number>> {
  // Partitioned tables are counted through their parent (decision 036), not month by month.
  const { rows: all } = await sql<{ table_name: string }>`
    SELECT c.relname AS table_name FROM pg_class c
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'store_id' AND NOT a.attisdropped
     WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
     ORDER BY 1`.execute(server.database.db);
  const rows = all.filter((r) => !VISIT_COUNTS.includes(r.table_name));
  const counts: Record<string, number> = {};
  for (const { table_name: table } of rows) {
    const { rows: n } = await sql<{ n: string }>`
      SELECT count(*) AS n FROM ${sql.table(table)} WHERE store_id = ${storeId}`.execute(server.database.db);
    counts[table] = Number(n[0]!.n);
  }
  return counts;
}

/** The store's own row as its owner sees it (status, address, name…). */
async function storeRow(t: Tenant) {
  return ok(t.owner.client().get(`/platform/stores/${t.store.id}`));
}

/** The answer's body, less a problem's `instance` (the caller's own URL, with the ids it sent). */
function answered(res: { body: string; headers: Record<string, unknown> }): string {
  if (!String(res.headers['content-type']).startsWith('application/problem+json')) return res.body;
  const { instance: _sent, ...problem } = JSON.parse(res.body) as Record<string, unknown>;
  return JSON.stringify(problem);
}

interface Finding {
  op: string;
  status: number;
  problem: string;
}

/**
 * Sends each operation to `target` with `headers`: a refusal is 401/403/404; a public call may
 * answer, but with nothing of `other` and nothing private of `target`.
 */
async function walk(ops: Operation[], target: Tenant, other: Tenant, headers: Record<string, string>) {
  const findings: Finding[] = [];
  /** Public reads that showed the target's public data: the requests did reach the target store. */
  let shown = 0;
  for (const op of inOrder(ops)) {
    const res = await send(op, target, headers);
    const leaked = [...other.markers, ...other.secrets, ...target.secrets].find((s) =>
      answered(res).includes(s),
    );
    const refused = REFUSED.includes(res.statusCode);
    const publicRead = isPublic(op) && op.method === 'GET' && res.statusCode < 500;
    if (leaked) findings.push({ op: keyOf(op), status: res.statusCode, problem: `shows ${leaked}` });
    else if (!refused && !publicRead)
      findings.push({ op: keyOf(op), status: res.statusCode, problem: res.body.slice(0, 160) });
    if (publicRead && target.markers.some((m) => res.body.includes(m))) shown++;
  }
  return { findings, shown };
}

const report = (findings: Finding[]) => findings.map((f) => `${f.op} → ${f.status}: ${f.problem}`).join('\n');

describe("a tenant's tokens in another tenant's store", () => {
  it("refuses store A's owner every call in store B, shows it nothing and lets it change nothing", {
    timeout: 180_000,
  }, async () => {
    // public writes (sign-up, a guest cart…) are anyone's to make: the next test sends them
    const ops = operations.filter((op) => concernsStore(op) && !(isPublic(op) && op.method !== 'GET'));
    const before = { rows: await rowCounts(b.store.id), store: await storeRow(b) };
    // the snapshot does count store B's rows (the order, the cart, the product, the accounts)
    for (const table of ['orders', 'carts', 'products', 'users'])
      expect(before.rows[table], table).toBeGreaterThan(0);
    const { findings, shown } = await walk(ops, b, a, a.owner.headers);
    expect(findings, report(findings)).toEqual([]);
    expect(await rowCounts(b.store.id)).toEqual(before.rows);
    expect(await storeRow(b)).toEqual(before.store);
    expect(ops.length).toBeGreaterThan(150);
    // the store, its catalog, a category and a product: store B's, by its Host
    expect(shown).toBeGreaterThanOrEqual(4);
  });

  it("gives store A's owner no more than an anonymous caller on store B's public writes", {
    timeout: 60_000,
  }, async () => {
    const ops = operations.filter((op) => !isPlatform(op) && isPublic(op) && op.method !== 'GET');
    const differ: string[] = [];
    for (const op of ops) {
      const withToken = await send(op, b, a.owner.headers);
      const without = await send(op, b, {});
      if (withToken.statusCode !== without.statusCode || withToken.statusCode >= 500)
        differ.push(`${keyOf(op)}: ${withToken.statusCode} with A's token, ${without.statusCode} without`);
      const leaked = [...a.markers, ...a.secrets, ...b.secrets].find((s) => answered(withToken).includes(s));
      if (leaked) differ.push(`${keyOf(op)} shows ${leaked}`);
    }
    expect(differ, differ.join('\n')).toEqual([]);
    expect(ops.length).toBeGreaterThan(5);
  });

  it("refuses store B's owner the calls that name store A's resources, in store A", {
    timeout: 120_000,
  }, async () => {
    const ops = operations.filter((op) => concernsStore(op) && op.params.length > 0 && !isPublic(op));
    const before = { rows: await rowCounts(a.store.id), store: await storeRow(a) };
    const { findings } = await walk(ops, a, b, b.owner.headers);
    expect(findings, report(findings)).toEqual([]);
    expect(await rowCounts(a.store.id)).toEqual(before.rows);
    expect(await storeRow(a)).toEqual(before.store);
    expect(ops.length).toBeGreaterThan(80);
  });

  it('refuses a customer of store A every call in store B that is not public', {
    timeout: 180_000,
  }, async () => {
    const ops = operations.filter((op) => !isPlatform(op) && !isPublic(op));
    const before = await rowCounts(b.store.id);
    const { findings } = await walk(ops, b, a, a.customer.headers);
    expect(findings, report(findings)).toEqual([]);
    expect(await rowCounts(b.store.id)).toEqual(before);
  });

  it('still lets each owner administer its own store (the walk is not refused for a wrong reason)', async () => {
    for (const t of [a, b]) {
      const own = await t.owner.client(t.host).get(`/orders/${t.ids.orderId}`);
      expect(own.statusCode, own.body).toBe(200);
      const customer = await as(t.customer).get(`/carts/${t.ids.cartId}`);
      expect(customer.statusCode, customer.body).toBe(200);
    }
  });
});
