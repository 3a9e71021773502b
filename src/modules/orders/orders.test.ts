import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import {
  anonymous,
  as,
  createAdmin,
  createCustomer,
  createSeller,
  serviceCtx,
  shippingAddress,
  type TestUser,
} from '../../../test/kit/index.ts';
import { transaction } from '../../platform/db/transaction.ts';
import { withDb } from '../../platform/http/context.ts';
import { newId } from '../../platform/ids.ts';
import { formatMoney } from '../../platform/money.ts';
import { priceOrder } from './orders.pricing.ts';
import { canTransition, ORDER_STATUSES, ORDER_TRANSITIONS } from './orders.status.ts';

let server: TestServer;
let buyer: TestUser;
let stranger: TestUser;
let admin: TestUser;
let sellerA: TestUser;
let sellerB: TestUser;

beforeAll(async () => {
  server = await createTestServer();
  [buyer, stranger, admin, sellerA, sellerB] = await Promise.all([
    createCustomer(server),
    createCustomer(server),
    createAdmin(server),
    createSeller(server),
    createSeller(server),
  ]);
});
afterAll(async () => server?.destroy());

/** An order of one item from seller A and one from seller B, placed directly through the service. */
async function placeOrder(user: TestUser = buyer, { inclusiveTax = true } = {}) {
  const items = [
    { seller: sellerA, price: 25_000, qty: 2, name: 'Kettle' },
    { seller: sellerB, price: 9_900, qty: 1, name: 'Mug' },
  ].map((i) => ({
    offerId: newId(),
    productId: newId(),
    variantId: newId(),
    sellerId: i.seller.id,
    name: i.name,
    sku: `SKU-${newId().slice(-8)}`,
    options: {},
    imageUrl: null,
    categoryId: null,
    unitPrice: i.price,
    quantity: i.qty,
    rewardPercentBp: 100,
    weightGrams: 800,
  }));
  const totals = priceOrder({
    lines: items.map((i) => ({
      key: i.offerId,
      unitPrice: i.unitPrice,
      quantity: i.quantity,
      categoryId: null,
      weightGrams: 800,
      requiresShipping: true,
    })),
    pointsToRedeem: 0,
    pointValue: 100,
    destination: { country: 'IN', region: 'KA' },
    taxRules: [
      { name: 'GST', country: 'IN', region: null, categoryId: null, rateBp: 1_800, inclusive: inclusiveTax },
    ],
    shipping: { code: 'std', name: 'Standard', flatAmount: 4_900, weightBands: [], freeOverAmount: null },
  });
  const ctx = serviceCtx(server, user);
  const number = await server.modules.orders.service.nextOrderNumber(ctx);
  return transaction(server.database.db, (trx) =>
    server.modules.orders.service.createOrder(withDb(ctx, trx), {
      id: newId(),
      number,
      userId: user.id,
      email: user.email,
      currency: 'INR',
      paymentProvider: 'test',
      status: 'PENDING',
      totals,
      couponCode: null,
      shippingMethod: 'std',
      shippingAddress,
      billingAddress: shippingAddress,
      cartId: null,
      items,
    }),
  );
}

describe('order state machine', () => {
  it('allows exactly the transitions in its table', () => {
    for (const from of ORDER_STATUSES)
      for (const to of ORDER_STATUSES)
        expect(canTransition(from, to)).toBe(ORDER_TRANSITIONS[from].includes(to));
    expect(canTransition('SHIPPED', 'CANCELLED')).toBe(false);
    expect(canTransition('CANCELLED', 'PAID')).toBe(false);
  });

  it('records every change with who and why, and refuses a disallowed one with 409', async () => {
    const order = await placeOrder();
    const ctx = serviceCtx(server, admin);
    const move = (to: (typeof ORDER_STATUSES)[number], reason: string) =>
      transaction(server.database.db, (trx) =>
        server.modules.orders.service.transition(withDb(ctx, trx), order.id, to, { reason }),
      );
    await move('PAID', 'captured');
    await move('PROCESSING', 'packing');
    await expect(move('PENDING', 'back')).rejects.toMatchObject({
      status: 409,
      code: 'order-transition-not-allowed',
    });
    const history = (await as(buyer).get(`/orders/${order.id}/history`)).json();
    expect(history.map((h: { from: string | null; to: string }) => [h.from, h.to])).toEqual([
      [null, 'PENDING'],
      ['PENDING', 'PAID'],
      ['PAID', 'PROCESSING'],
    ]);
    expect(history[2]).toMatchObject({ actorId: admin.id, reason: 'packing' });
    const view = (await as(buyer).get(`/orders/${order.id}`)).json();
    expect(view.items.every((i: { fulfillmentStatus: string }) => i.fulfillmentStatus === 'PROCESSING')).toBe(
      true,
    );
  });

  it('enforces the totals rule in the database', async () => {
    const order = await placeOrder();
    await expect(
      server.database.db.updateTable('orders').set({ total_amount: 1 }).where('id', '=', order.id).execute(),
    ).rejects.toThrow(/orders_total_rule/);
  });
});

describe('order access', () => {
  it('shows an order to its buyer and admins, to sellers only their items, and to no one else', async () => {
    const order = await placeOrder();
    expect((await as(buyer).get(`/orders/${order.id}`)).json()).toMatchObject({
      id: order.id,
      number: order.number,
      items: [{}, {}],
    });
    expect((await as(admin).get(`/orders/${order.id}`)).statusCode).toBe(200);
    expect((await as(stranger).get(`/orders/${order.id}`)).statusCode).toBe(404);
    expect((await as(buyer).get('/orders/00000000-0000-0000-0000-000000000000')).statusCode).toBe(404);
    expect((await as(buyer).get('/orders/not-an-id')).statusCode).toBe(404);
    const asSeller = (await as(sellerA).get(`/orders/${order.id}`)).json();
    expect(asSeller.items).toHaveLength(1);
    expect(asSeller.items[0].sellerId).toBe(sellerA.id);
    expect(asSeller.totals.subtotal.amount).toBe(50_000);
    // prices include the tax here, so the seller's total is what its items cost after discounts
    expect(asSeller.totals.total.amount).toBe(50_000 - asSeller.totals.discount.amount);
    expect(asSeller.totals.tax.amount).toBeGreaterThan(0);
    expect((await anonymous(server).get(`/orders/${order.id}`)).statusCode).toBe(401);
  });

  it('keeps item and address snapshots with the order', async () => {
    const order = await placeOrder();
    expect(order.items.map((i) => i.name).sort()).toEqual(['Kettle', 'Mug']);
    expect(order.shippingAddress).toMatchObject({ city: 'Bengaluru' });
    expect(order.totals.total.amount).toBe(
      order.totals.subtotal.amount - order.totals.discount.amount + order.totals.shipping.amount,
    );
  });
});

describe('order queries', () => {
  it('lists the caller’s orders newest first, by status, with keyset pages', async () => {
    const user = await createCustomer(server);
    const placed = [await placeOrder(user), await placeOrder(user), await placeOrder(user)];
    const page1 = (await as(user).get('/orders?limit=2')).json();
    expect(page1.items.map((o: { id: string }) => o.id)).toEqual([placed[2]!.id, placed[1]!.id]);
    const page2 = (await as(user).get(`/orders?limit=2&cursor=${page1.nextCursor}`)).json();
    expect(page2.items.map((o: { id: string }) => o.id)).toEqual([placed[0]!.id]);
    expect(page2.nextCursor).toBeNull();
    expect((await as(user).get('/orders?status=PAID')).json().items).toHaveLength(0);
    expect((await as(user).get('/orders?status=BOGUS')).statusCode).toBe(400);
  });

  it('lets admins find orders by status and number, and only admins', async () => {
    const order = await placeOrder();
    const byNumber = (await as(admin).get(`/admin/orders?number=${order.number}`)).json();
    expect(byNumber.items.map((o: { id: string }) => o.id)).toEqual([order.id]);
    const pending = (await as(admin).get('/admin/orders?status=PENDING&limit=100')).json();
    expect(pending.items.some((o: { id: string }) => o.id === order.id)).toBe(true);
    expect((await as(buyer).get('/admin/orders')).statusCode).toBe(403);
    expect((await as(sellerA).get('/admin/orders')).statusCode).toBe(403);
  });

  it("lets admins list one buyer's orders, newest first", async () => {
    const mine = [await placeOrder(stranger), await placeOrder(stranger)];
    await placeOrder(buyer);
    const found = (await as(admin).get(`/admin/orders?userId=${stranger.id}&limit=100`)).json();
    expect(found.items.map((o: { id: string }) => o.id)).toEqual([mine[1]!.id, mine[0]!.id]);
  });

  it('sums the orders placed in a window for admins: count, by status, revenue without cancelled ones', async () => {
    const from = new Date(Date.now() - 60_000).toISOString();
    const to = new Date(Date.now() + 3_600_000).toISOString();
    const query = `/admin/orders/summary?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
    type Summary = {
      count: number;
      revenue: { amount: number }[];
      byStatus: { status: string; count: number }[];
    };
    const read = async () => {
      const summary: Summary = (await as(admin).get(query)).json();
      const of = (status: string) => summary.byStatus.find((s) => s.status === status)?.count ?? 0;
      return {
        count: summary.count,
        revenue: summary.revenue[0]?.amount ?? 0,
        pending: of('PENDING'),
        cancelled: of('CANCELLED'),
      };
    };
    const before = await read();
    const [kept, cancelled] = [await placeOrder(), await placeOrder()];
    await transaction(server.database.db, (trx) =>
      server.modules.orders.service.transition(
        withDb(serviceCtx(server, admin), trx),
        cancelled.id,
        'CANCELLED',
        {
          reason: 'test',
        },
      ),
    );
    const summary = (await as(admin).get(query)).json();
    expect(summary.revenue.map((m: { currency: string }) => m.currency)).toEqual(['INR']);
    expect(await read()).toEqual({
      count: before.count + 2,
      revenue: before.revenue + kept.totals.total.amount,
      pending: before.pending + 1,
      cancelled: before.cancelled + 1,
    });
    const past = `/admin/orders/summary?from=2020-01-01T00:00:00Z&to=2020-01-02T00:00:00Z`;
    expect((await as(admin).get(past)).json()).toMatchObject({ count: 0, revenue: [], byStatus: [] });
    const backwards = await as(admin).get(
      `/admin/orders/summary?from=${encodeURIComponent(to)}&to=${encodeURIComponent(from)}`,
    );
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0].pointer).toBe('/to');
    expect((await as(buyer).get(query)).statusCode).toBe(403);
    expect((await as(sellerA).get(query)).statusCode).toBe(403);
  });

  it('lists a seller’s own order items newest first', async () => {
    const order = await placeOrder();
    const items = (await as(sellerB).get('/seller/order-items?limit=5')).json().items;
    expect(items[0]).toMatchObject({ orderId: order.id, sellerId: sellerB.id, name: 'Mug' });
    expect(items.every((i: { sellerId: string }) => i.sellerId === sellerB.id)).toBe(true);
    expect((await as(buyer).get('/seller/order-items')).statusCode).toBe(403);
  });
});

describe('invoices', () => {
  it('renders a PDF for the buyer, and a seller’s own part for the seller', async () => {
    const order = await placeOrder();
    const whole = await as(buyer).get(`/orders/${order.id}/invoice`);
    expect(whole.statusCode).toBe(200);
    expect(whole.headers['content-type']).toBe('application/pdf');
    expect(whole.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const part = await as(sellerA).get(`/orders/${order.id}/invoice`);
    expect(part.statusCode).toBe(200);
    expect((await as(stranger).get(`/orders/${order.id}/invoice`)).statusCode).toBe(404);
  });
});

/** The lines of text a PDF shows: its content streams inflated, and the strings of each TJ. */
function pdfText(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  for (const [, body] of raw.matchAll(/stream\r?\n([\s\S]*?)endstream/g)) {
    let content: string;
    try {
      content = zlib.inflateSync(Buffer.from(body!, 'latin1')).toString('latin1');
    } catch {
      continue; // not a compressed content stream (fonts, images)
    }
    for (const [, parts] of content.matchAll(/\[(.*?)\] TJ/g)) {
      const hex = [...parts!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]!).join('');
      lines.push(Buffer.from(hex, 'hex').toString('latin1'));
    }
  }
  return lines;
}

describe('invoice totals', () => {
  it('puts a seller’s exclusive tax in its invoice total, as the seller’s order view does', async () => {
    const order = await placeOrder(buyer, { inclusiveTax: false });
    const view = (await as(sellerA).get(`/orders/${order.id}`)).json();
    expect(view.totals.tax.amount).toBeGreaterThan(0);
    const { subtotal, discount, tax, total } = view.totals;
    expect(total.amount).toBe(subtotal.amount - discount.amount + tax.amount);
    const invoice = await as(sellerA).get(`/orders/${order.id}/invoice`);
    expect(invoice.statusCode).toBe(200);
    const text = pdfText(invoice.rawPayload);
    expect(text).toContain(`Subtotal: ${formatMoney(subtotal.amount, 'INR')}`);
    expect(text).toContain(`Tax: ${formatMoney(tax.amount, 'INR')}`);
    expect(text).toContain(`Total: ${formatMoney(total.amount, 'INR')}`);
    // and the whole order's invoice shows the order's own total
    const whole = pdfText((await as(buyer).get(`/orders/${order.id}/invoice`)).rawPayload);
    expect(whole).toContain(`Total: ${formatMoney(order.totals.total.amount, 'INR')}`);
  });
});

describe('tax rules and shipping methods', () => {
  it('are managed by admins and validated', async () => {
    const rule = await as(admin).post('/admin/tax-rules', {
      name: 'GST 18%',
      country: 'in',
      rateBp: 1_800,
      inclusive: true,
    });
    expect(rule.statusCode).toBe(201);
    expect(rule.json()).toMatchObject({ country: 'IN', rateBp: 1_800, inclusive: true });
    expect(
      (await as(admin).post('/admin/tax-rules', { name: 'x', country: 'IN', rateBp: 20_000 })).statusCode,
    ).toBe(400);
    expect(
      (await as(buyer).post('/admin/tax-rules', { name: 'x', country: 'IN', rateBp: 100 })).statusCode,
    ).toBe(403);
    const method = await as(admin).post('/admin/shipping-methods', {
      code: 'std',
      name: 'Standard',
      flatAmount: 4_900,
      freeOverAmount: 99_900,
      isDefault: true,
    });
    expect(method.statusCode).toBe(201);
    expect((await as(admin).post('/admin/shipping-methods', { code: 'std', name: 'Again' })).statusCode).toBe(
      409,
    );
    const listed = await anonymous(server).get('/shipping-methods');
    expect(listed.json().items[0]).toMatchObject({
      code: 'std',
      flatAmount: { amount: 4_900, currency: 'INR' },
    });
  });
});

describe('a seller’s share of an order', () => {
  it('adds exclusive tax to the seller’s total', async () => {
    const { presentOrder } = await import('./orders.presenters.ts');
    const item = (sellerId: string, subtotal: number, tax: number) =>
      ({
        seller_id: sellerId,
        subtotal_amount: subtotal,
        discount_amount: 0,
        tax_amount: tax,
        unit_price_amount: subtotal,
        quantity: 1,
        options: {},
      }) as never;
    const order = {
      currency: 'USD',
      tax_amount: 1_450,
      tax_included_amount: 0,
      placed_at: new Date(),
      shipping_address: {},
      billing_address: {},
    } as never;
    const view = presentOrder(order, [item('a', 10_000, 725), item('b', 10_000, 725)], 'a');
    expect(view.totals.total.amount).toBe(10_725);
  });
});
