import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../harness.ts';
import {
  as,
  checkout,
  createAdmin,
  createCart,
  createCoupon,
  createCustomer,
  createOffer,
  createOrder,
  createProduct,
  createUser,
  inr,
  ok,
  storeStaff,
  type TestUser,
} from '../kit/index.ts';

// Each audited change writes one entry with its actor and the fields before and after, in its own
// transaction: a change that is refused writes none.
let server: TestServer;
let admin: TestUser;
let storeId: string;

interface Entry {
  entityType: string;
  entityId: string;
  action: string;
  actor: { userId: string | null; roles: string[]; realm: string | null };
  requestId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

beforeAll(async () => {
  server = await createTestServer();
  storeId = server.modules.tenancy.defaultStore().id;
  admin = await createAdmin(server);
});
afterAll(async () => server?.destroy());

/** The trail of one entity, newest first, as staff read it. */
async function trail(entityType: string, entityId: string): Promise<Entry[]> {
  const page = await ok<{ items: Entry[] }>(
    as(admin).get(`/admin/audit?entityType=${entityType}&entityId=${entityId}&limit=100`),
  );
  return page.items;
}

function expectActor(entry: Entry | undefined, user: TestUser) {
  expect(entry?.actor).toEqual({ userId: user.id, roles: user.roles, realm: user.storeId });
  expect(entry?.requestId).toBeTruthy();
}

describe('audit trail of products and prices', () => {
  it('records a product created with its variants and prices, by whom', async () => {
    const product = await createProduct(server, admin, { name: 'Audited lamp', price: 1_500 });
    const [entry] = await trail('product', product.id);
    expect(entry?.action).toBe('create');
    expectActor(entry, admin);
    expect(entry?.before).toBeNull();
    expect(entry?.after).toMatchObject({ name: 'Audited lamp', status: product.status });
    expect(entry?.after?.variants).toEqual([{ sku: product.variants[0]?.sku, price_amount: 1_500 }]);
  });

  it('records only the fields an edit changed, before and after', async () => {
    const product = await createProduct(server, admin, { name: 'Old name' });
    await ok(as(admin).patch(`/admin/products/${product.id}`, { name: 'New name', description: 'x' }));
    const [entry] = await trail('product', product.id);
    expect(entry?.action).toBe('update');
    expect(entry?.before).toEqual({ name: 'Old name', description: '' });
    expect(entry?.after).toEqual({ name: 'New name', description: 'x' });
  });

  it('records a deleted product with what it was', async () => {
    const product = await createProduct(server, admin, { name: 'Gone soon' });
    expect((await as(admin).del(`/admin/products/${product.id}`)).statusCode).toBe(204);
    const [entry] = await trail('product', product.id);
    expect(entry).toMatchObject({ action: 'delete', after: null, before: { name: 'Gone soon' } });
  });

  it('writes nothing for an edit that is refused', async () => {
    const taken = await createProduct(server, admin, { name: 'Slug owner' });
    const product = await createProduct(server, admin, { name: 'Slug wanter' });
    const res = await as(admin).patch(`/admin/products/${product.id}`, { name: 'Renamed', slug: taken.slug });
    expect(res.statusCode).toBe(409);
    expect((await trail('product', product.id)).map((e) => e.action)).toEqual(['create']);
  });

  it("records a variant's changed fields and its removal, and nothing for a refused SKU", async () => {
    const product = await createProduct(server, admin, {
      name: 'Two-sized mug',
      variants: [{ sku: `MUG-S-${Date.now()}`, options: { size: 'S' }, price: inr(800), stock: 2 }],
    });
    const added = await ok<{ variants: Array<{ id: string; sku: string }> }>(
      as(admin).post(`/admin/products/${product.id}/variants`, {
        sku: `MUG-L-${Date.now()}`,
        options: { size: 'L' },
        price: inr(900),
        stock: 2,
      }),
    );
    const variant = added.variants.at(-1)!;
    await ok(as(admin).patch(`/admin/variants/${variant.id}`, { barcode: '4006381333931' }));
    const clash = await as(admin).patch(`/admin/variants/${variant.id}`, { sku: product.variants[0]!.sku });
    expect(clash.statusCode).toBe(409);
    expect((await as(admin).del(`/admin/variants/${variant.id}`)).statusCode).toBeLessThan(300);
    const [removed, changed] = await trail('variant', variant.id);
    expect(removed).toMatchObject({ action: 'delete', before: { sku: variant.sku, product_id: product.id } });
    expect(changed).toMatchObject({
      action: 'update',
      before: { barcode: null },
      after: { barcode: '4006381333931' },
    });
    expectActor(changed, admin);
  });

  it("records an offer's price change by the seller's staff", async () => {
    const offer = await createOffer(server, { price: 2_000, stock: 3 });
    await ok(as(admin).patch(`/admin/offers/${offer.offerId}`, { price: inr(2_500) }));
    const [entry] = await trail('offer', offer.offerId);
    expect(entry).toMatchObject({
      action: 'update',
      before: { price_amount: 2_000 },
      after: { price_amount: 2_500 },
    });
    expectActor(entry, admin);
  });

  it('writes nothing for a price in another currency', async () => {
    const offer = await createOffer(server, { price: 2_000, stock: 3 });
    const before = await trail('offer', offer.offerId);
    const res = await as(admin).patch(`/admin/offers/${offer.offerId}`, {
      price: { amount: 1, currency: 'USD' },
    });
    expect(res.statusCode).toBe(400);
    expect(await trail('offer', offer.offerId)).toEqual(before);
  });
});

describe('audit trail of stock settings and coupons', () => {
  it("records a change of an item's reorder point, not its stock movements", async () => {
    const offer = await createOffer(server, { price: 1_000, stock: 4 });
    const stock = await ok(as(admin).get(`/admin/inventory/offers/${offer.offerId}`));
    const item = stock.warehouses[0];
    await ok(
      as(admin).patch(`/admin/inventory/offers/${offer.offerId}/warehouses/${item.warehouse.id}`, {
        reorderPoint: 7,
      }),
    );
    const page = await ok<{ items: Entry[] }>(
      as(admin).get(`/admin/audit?entityType=stock_item&actorId=${admin.id}`),
    );
    const entry = page.items.find((e) => e.after?.reorder_point === 7);
    expect(entry).toMatchObject({ action: 'settings.change', before: { reorder_point: 0 } });
    expectActor(entry, admin);
  });

  it('records a coupon created, changed and disabled', async () => {
    const coupon = await createCoupon(server, { value: 10 });
    await ok(as(admin).patch(`/admin/coupons/${coupon.id}`, { value: 15 }));
    await ok(as(admin).patch(`/admin/coupons/${coupon.id}`, { active: false }));
    const entries = await trail('coupon', coupon.id);
    expect(entries.map((e) => e.action)).toEqual(['disable', 'update', 'create']);
    expect(entries[0]).toMatchObject({ before: { active: true }, after: { active: false } });
    expect(entries[1]).toMatchObject({ before: { value: 10 }, after: { value: 15 } });
    expect(entries[2]?.after).toMatchObject({ code: coupon.code, value: 10 });
  });

  it('writes nothing for a coupon change that is refused', async () => {
    const coupon = await createCoupon(server, { value: 10 });
    const res = await as(admin).patch(`/admin/coupons/${coupon.id}`, { value: 20_000 });
    expect(res.statusCode).toBe(400);
    expect((await trail('coupon', coupon.id)).map((e) => e.action)).toEqual(['create']);
  });
});

describe('audit trail of users, groups, permissions and the store', () => {
  it("records a user's roles changed, with the permissions a new admin got", async () => {
    const user = await createUser(server);
    await ok(as(admin).put(`/admin/users/${user.id}/roles`, { roles: ['CUSTOMER', 'ADMIN'] }));
    const entries = await trail('user', user.id);
    const roles = entries.find((e) => e.action === 'roles.change');
    expect(roles).toMatchObject({ before: { roles: ['CUSTOMER'] }, after: { roles: ['CUSTOMER', 'ADMIN'] } });
    expectActor(roles, admin);
    expect(entries.find((e) => e.action === 'permissions.change')?.after?.permissions).toContain(
      'audit:read',
    );
  });

  it('writes nothing when an admin may not change the roles', async () => {
    const superAdmin = await storeStaff(server, storeId, 'SUPER_ADMIN');
    const res = await as(admin).put(`/admin/users/${superAdmin.id}/roles`, { roles: ['CUSTOMER'] });
    expect(res.statusCode).toBe(403);
    expect(await trail('user', superAdmin.id)).toEqual([]);
  });

  it("records a user's group and a group's terms", async () => {
    const group = await ok(
      as(admin).post('/admin/user-groups', {
        name: `Wholesale ${Date.now()}`,
        sellerDiscountBps: 0,
        adminDiscountBps: 500,
        sellerRewardBps: 0,
        adminRewardBps: 0,
      }),
    );
    await ok(as(admin).patch(`/admin/user-groups/${group.id}`, { adminDiscountBps: 700 }));
    const user = await createUser(server);
    await ok(as(admin).put(`/admin/users/${user.id}/group`, { groupId: group.id }));
    expect((await trail('user_group', group.id)).map((e) => [e.action, e.after?.admin_discount_bps])).toEqual(
      [
        ['update', 700],
        ['create', 500],
      ],
    );
    const [assigned] = await trail('user', user.id);
    expect(assigned).toMatchObject({
      action: 'group.assign',
      before: { group_id: null },
      after: { group_id: group.id },
    });
  });

  it("records a staff member's permissions set by the super administrator", async () => {
    const superAdmin = await storeStaff(server, storeId, 'SUPER_ADMIN');
    const staff = await createAdmin(server);
    await ok(
      as(superAdmin).put(`/admin/users/${staff.id}/admin-profile`, { permissions: ['orders:refund'] }),
    );
    const [entry] = await trail('user', staff.id);
    expect(entry?.action).toBe('permissions.change');
    expect(entry?.after).toEqual({ permissions: ['orders:refund'] });
    expect(entry?.before?.permissions).toContain('audit:read');
    expectActor(entry, superAdmin);
  });

  it('records a campaign created, changed, sent and cancelled, without its send counters', async () => {
    const created = await ok<{ id: string }>(
      as(admin).post('/admin/campaigns', {
        name: 'Audited news',
        type: 'ANNOUNCEMENT',
        channels: ['EMAIL'],
        subject: 'News',
        body: 'Hello.',
        target: { kind: 'EVERYONE' },
      }),
    );
    await ok(as(admin).patch(`/admin/campaigns/${created.id}`, { subject: 'Better news' }));
    await ok(as(admin).post(`/admin/campaigns/${created.id}/send`, {}));
    const cancelled = await as(admin).post(`/admin/campaigns/${created.id}/cancel`, {});
    const entries = await trail('campaign', created.id);
    expect(entries.map((e) => e.action)).toEqual([
      ...(cancelled.statusCode === 200 ? ['cancel'] : []),
      'send',
      'update',
      'create',
    ]);
    expect(entries.at(-1)?.after).toMatchObject({ name: 'Audited news', status: 'DRAFT' });
    expect(entries.at(-2)).toMatchObject({ before: { subject: 'News' }, after: { subject: 'Better news' } });
    expect(entries.at(-3)).toMatchObject({ before: { status: 'DRAFT' }, after: { status: 'SENDING' } });
  });

  it("records the store's settings changed, and nothing for a refused currency", async () => {
    await ok(as(admin).patch('/admin/store/settings', { name: 'Audited store', timeZone: 'Asia/Kolkata' }));
    const [entry] = await trail('store', storeId);
    expect(entry).toMatchObject({
      action: 'settings.change',
      after: { name: 'Audited store', timeZone: 'Asia/Kolkata' },
    });
    expectActor(entry, admin);
    await createOffer(server, { price: 100, stock: 1 }); // money in use: the currency is fixed
    expect((await as(admin).patch('/admin/store/settings', { currency: 'USD' })).statusCode).toBe(409);
    expect((await trail('store', storeId))[0]).toEqual(entry);
  });
});

describe('audit trail of payments', () => {
  it('records cash collected by staff as a capture', async () => {
    const offer = await createOffer(server, { price: 3_000, stock: 2 });
    const buyer = await createCustomer(server);
    const cartId = await createCart(buyer, [{ offerId: offer.offerId, quantity: 1 }]);
    const { payment } = await ok(checkout(buyer, cartId, { payment: { provider: 'cod' } }));
    await ok(
      as(admin).post(`/payments/${payment.id}/collect`, { amount: payment.amount.amount ?? payment.amount }),
    );
    const [entry] = await trail('payment', payment.id);
    expect(entry).toMatchObject({
      action: 'capture',
      before: { status: 'PENDING' },
      after: { status: 'CAPTURED' },
    });
    expectActor(entry, admin);
  });

  it("records a staff refund, not a buyer's own cancellation, and nothing for one over the capture", async () => {
    const order = await createOrder(server, { status: 'PAID', price: 4_000 });
    const over = await as(admin).post(`/admin/payments/${order.payment.id}/refunds`, {
      amount: 10_000_000,
      reason: 'x',
    });
    expect(over.statusCode).toBe(409);
    expect(await trail('payment', order.payment.id)).toEqual([]);
    await ok(
      as(admin).post(`/admin/payments/${order.payment.id}/refunds`, { amount: 1_000, reason: 'damaged' }),
    );
    const [entry] = await trail('payment', order.payment.id);
    expect(entry).toMatchObject({ action: 'refund', after: { amount: 1_000, reason: 'damaged' } });
    expectActor(entry, admin);
    const cancelled = await createOrder(server, { status: 'CANCELLED' });
    expect(await trail('payment', cancelled.payment.id)).toEqual([]);
  });
});
