import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import {
  as,
  checkout,
  createAdmin,
  createCart,
  createCustomer,
  createDeliveryAgent,
  createOffer,
  createStore,
  ok,
  type TestUser,
} from '../../../test/kit/index.ts';
import { canReturnMove, RETURN_STATUSES, RETURN_TRANSITIONS } from './fulfillment.status.ts';

// Returns: a buyer asks to send delivered items back; staff approve, receive them into stock and refund.
let server: TestServer;
let admin: TestUser;
let agent: TestUser;

beforeAll(async () => {
  server = await createTestServer();
  [admin, agent] = await Promise.all([createAdmin(server), createDeliveryAgent(server)]);
});
afterAll(async () => server?.destroy());

type Bought = { buyer: TestUser; order: any; payment: any; offerId: string; itemId: string };

/** An order of `quantity` units, paid (or cash on delivery), shipped to `agent` and delivered. */
async function delivered(options: { quantity?: number; cod?: boolean } = {}): Promise<Bought> {
  const b = await bought(options);
  const shipment = await ok(
    as(admin).post(`/admin/orders/${b.order.id}/shipments`, { deliveryAgentId: agent.id }),
  );
  const step = (body: object) => ok(as(agent).post(`/agent/deliveries/${shipment.id}/events`, body));
  await step({ status: 'PICKED_UP' });
  await step({ status: 'IN_TRANSIT' });
  await step({ status: 'DELIVERED', ...(options.cod ? { codCollected: b.order.totals.total } : {}) });
  return b;
}

async function bought(options: { quantity?: number; cod?: boolean } = {}): Promise<Bought> {
  const buyer = await createCustomer(server);
  const { offerId } = await createOffer(server, { stock: 20, price: 5_000 });
  const cartId = await createCart(buyer, [{ offerId, quantity: options.quantity ?? 1 }]);
  const payment = options.cod ? { provider: 'cod' } : { provider: 'test', token: 'tok_success' };
  const placed = await ok(checkout(buyer, cartId, { payment }));
  return { buyer, order: placed.order, payment: placed.payment, offerId, itemId: placed.order.items[0].id };
}

const request = (b: Bought, quantity = 1, user: TestUser = b.buyer) =>
  as(user).post(`/orders/${b.order.id}/returns`, {
    items: [{ orderItemId: b.itemId, quantity }],
    reason: 'Does not fit',
  });
const staff = (returnId: string, action: string, body: object = {}) =>
  as(admin).post(`/admin/returns/${returnId}/${action}`, body);
const stockOf = (offerId: string) => ok(as(admin).get(`/admin/inventory/offers/${offerId}`));
const orderOf = (b: Bought) => ok(as(b.buyer).get(`/orders/${b.order.id}`));
const paymentOf = (b: Bought) => ok(as(b.buyer).get(`/payments/${b.payment.id}`));

/** Requested, approved and received: ready to refund. */
async function received(b: Bought, quantity: number, condition: 'SELLABLE' | 'DAMAGED' = 'SELLABLE') {
  const rma = await ok(request(b, quantity));
  await ok(staff(rma.id, 'approve', { note: 'ok' }));
  await ok(staff(rma.id, 'receive', { items: [{ orderItemId: b.itemId, condition }] }));
  return rma;
}

describe('the return state machine', () => {
  it('allows exactly the transitions in its table', () => {
    for (const from of RETURN_STATUSES)
      for (const to of RETURN_STATUSES)
        expect(canReturnMove(from, to)).toBe(RETURN_TRANSITIONS[from].includes(to));
    expect(canReturnMove('REQUESTED', 'RECEIVED')).toBe(false);
    expect(canReturnMove('REFUNDED', 'CANCELLED')).toBe(false);
  });
});

describe('a return from request to refund', () => {
  it('takes every unit back into stock with RETURN movements, refunds the payment and makes the order RETURNED', async () => {
    const b = await delivered({ quantity: 2 });
    const before = await stockOf(b.offerId);
    const res = await request(b, 2);
    expect(res.statusCode, res.body).toBe(201);
    const rma = res.json();
    expect(rma).toMatchObject({
      orderId: b.order.id,
      status: 'REQUESTED',
      items: [{ orderItemId: b.itemId, quantity: 2 }],
      reason: 'Does not fit',
      refundAmount: null,
    });
    expect((await ok(staff(rma.id, 'approve'))).status).toBe('APPROVED');
    const back = await ok(staff(rma.id, 'receive'));
    expect(back).toMatchObject({ status: 'RECEIVED', items: [{ condition: 'SELLABLE' }] });
    const after = await stockOf(b.offerId);
    expect(after.onHand).toBe(before.onHand + 2);
    expect(after.damaged).toBe(before.damaged);
    const movements = await ok(as(admin).get(`/admin/inventory/offers/${b.offerId}/movements?type=RETURN`));
    expect(movements.items.map((m: any) => m.quantityChange)).toEqual([2]);
    expect((await orderOf(b)).status).toBe('RETURNED');
    const refunded = await ok(staff(rma.id, 'refund'));
    expect(refunded).toMatchObject({ status: 'REFUNDED', refundAmount: b.order.totals.total });
    expect((await paymentOf(b)).status).toBe('REFUNDED');
    expect((await ok(as(b.buyer).get(`/returns/${rma.id}`))).status).toBe('REFUNDED');
    const { rows } = await server.database.pool.query(
      "SELECT name FROM outbox_events WHERE payload ->> 'returnId' = $1 ORDER BY id",
      [rma.id],
    );
    expect(rows.map((r: any) => r.name)).toEqual([
      'fulfillment.return.requested',
      'fulfillment.return.approved',
      'fulfillment.return.received',
      'fulfillment.return.refunded',
    ]);
  });

  it('keeps the order DELIVERED after a partial return and refunds that part only', async () => {
    const b = await delivered({ quantity: 2 });
    const rma = await received(b, 1);
    expect((await orderOf(b)).status).toBe('DELIVERED');
    const half = Math.round(b.order.totals.total.amount / 2);
    const tooMuch = await staff(rma.id, 'refund', { amount: { amount: half + 1, currency: 'INR' } });
    expect(tooMuch.statusCode).toBe(400);
    const refunded = await ok(staff(rma.id, 'refund'));
    expect(refunded.refundAmount.amount).toBe(half);
    expect(await paymentOf(b)).toMatchObject({ status: 'PARTIALLY_REFUNDED' });
  });

  it('refunds a smaller amount staff choose', async () => {
    const b = await delivered();
    const rma = await received(b, 1);
    const refunded = await ok(staff(rma.id, 'refund', { amount: { amount: 1_000, currency: 'INR' } }));
    expect(refunded.refundAmount).toEqual({ amount: 1_000, currency: 'INR' });
    expect((await paymentOf(b)).refunded.amount).toBe(1_000);
  });

  it('puts damaged units into damaged, not on hand', async () => {
    const b = await delivered();
    const before = await stockOf(b.offerId);
    await received(b, 1, 'DAMAGED');
    const after = await stockOf(b.offerId);
    expect(after.onHand).toBe(before.onHand);
    expect(after.damaged).toBe(before.damaged + 1);
  });

  it('refunds once: a second refund is refused and no more money goes back', async () => {
    const b = await delivered({ quantity: 2 });
    const rma = await received(b, 1);
    const answers = await Promise.all([staff(rma.id, 'refund'), staff(rma.id, 'refund')]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const again = await staff(rma.id, 'refund');
    expect(again.statusCode).toBe(409);
    expect(again.json().type).toBe('/problems/return-transition-not-allowed');
    expect((await paymentOf(b)).refunded.amount).toBe(Math.round(b.order.totals.total.amount / 2));
  });

  it('records the refund of a cash-on-delivery order as a payout', async () => {
    const b = await delivered({ cod: true });
    const rma = await received(b, 1);
    const refunded = await ok(staff(rma.id, 'refund'));
    expect(refunded.refundAmount).toEqual(b.order.totals.total);
    const payment = await paymentOf(b);
    expect(payment).toMatchObject({ status: 'REFUNDED', refunded: b.order.totals.total });
    const { rows } = await server.database.pool.query('SELECT reason FROM refunds WHERE payment_id = $1', [
      b.payment.id,
    ]);
    expect(rows).toEqual([{ reason: `return ${rma.id} (cash payout)` }]);
  });
});

describe('what a buyer may return', () => {
  it('refuses items not delivered yet (409)', async () => {
    const b = await bought();
    const res = await request(b);
    expect(res.statusCode).toBe(409);
    expect(res.json().type).toBe('/problems/order-item-not-returnable');
  });

  it('refuses more than was delivered, counting the returns already asked for (409)', async () => {
    const b = await delivered({ quantity: 2 });
    expect((await request(b, 3)).statusCode).toBe(409);
    await ok(request(b, 1));
    const more = await request(b, 2);
    expect(more.statusCode).toBe(409);
    expect(more.json()).toMatchObject({ type: '/problems/return-quantity-exceeded', left: 1 });
  });

  it('refuses a return past the store’s window, and any return where the window is 0 (409)', async () => {
    const b = await delivered();
    await server.database.pool.query(
      "UPDATE orders SET delivered_at = now() - interval '15 days' WHERE id = $1",
      [b.order.id],
    );
    const late = await request(b);
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ type: '/problems/return-window-closed', days: 14 });
    const fresh = await delivered();
    await ok(as(admin).patch('/admin/store/settings', { returnWindowDays: 0 }));
    try {
      expect((await request(fresh)).statusCode).toBe(409);
    } finally {
      await ok(as(admin).patch('/admin/store/settings', { returnWindowDays: 14 }));
    }
    expect((await request(fresh)).statusCode).toBe(201);
  });

  it('answers 404 to someone else asking to return, or to see, a buyer’s items', async () => {
    const b = await delivered();
    const stranger = await createCustomer(server);
    expect((await request(b, 1, stranger)).statusCode).toBe(404);
    const rma = await ok(request(b));
    expect((await as(stranger).get(`/returns/${rma.id}`)).statusCode).toBe(404);
    expect((await as(stranger).post(`/returns/${rma.id}/cancel`, {})).statusCode).toBe(404);
    expect((await as(admin).get(`/returns/${rma.id}`)).statusCode).toBe(200);
  });

  it('lets exactly as many racing requests through as there are units delivered', async () => {
    const b = await delivered({ quantity: 2 });
    const answers = await Promise.all(Array.from({ length: 6 }, () => request(b, 1)));
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(2);
    expect(answers.filter((a) => a.statusCode === 409)).toHaveLength(4);
    const { rows } = await server.database.pool.query(
      'SELECT coalesce(sum(i.quantity), 0)::int AS n FROM return_items i JOIN returns r ON r.id = i.return_id WHERE r.order_id = $1',
      [b.order.id],
    );
    expect(rows[0].n).toBe(2);
  });
});

describe('stores', () => {
  it('keeps a store’s returns away from another store’s admin (404)', async () => {
    const b = await delivered();
    const rma = await ok(request(b));
    const elsewhere = await createAdmin(await createStore(server, { name: 'Elsewhere returns' }));
    expect((await as(elsewhere).get(`/returns/${rma.id}`)).statusCode).toBe(404);
    expect((await as(elsewhere).post(`/admin/returns/${rma.id}/approve`, {})).statusCode).toBe(404);
    const theirs = await ok(as(elsewhere).get('/admin/returns?limit=100'));
    expect(theirs.items).toEqual([]);
    expect((await ok(as(admin).get(`/returns/${rma.id}`))).status).toBe('REQUESTED');
  });
});

describe('deciding and withdrawing', () => {
  it('rejects a request with a note: nothing comes back and the units may be asked for again', async () => {
    const b = await delivered();
    const rma = await ok(request(b));
    const rejected = await ok(staff(rma.id, 'reject', { note: 'Worn' }));
    expect(rejected).toMatchObject({ status: 'REJECTED', decisionNote: 'Worn' });
    expect((await staff(rma.id, 'receive')).statusCode).toBe(409);
    expect((await request(b)).statusCode).toBe(201);
  });

  it('lets the buyer cancel while REQUESTED, not after approval', async () => {
    const b = await delivered({ quantity: 2 });
    const first = await ok(request(b));
    expect((await ok(as(b.buyer).post(`/returns/${first.id}/cancel`, {}))).status).toBe('CANCELLED');
    const second = await ok(request(b));
    await ok(staff(second.id, 'approve'));
    expect((await as(b.buyer).post(`/returns/${second.id}/cancel`, {})).statusCode).toBe(409);
  });

  it('refuses to receive a return not approved yet (409)', async () => {
    const b = await delivered();
    const rma = await ok(request(b));
    const res = await staff(rma.id, 'receive');
    expect(res.statusCode).toBe(409);
    expect(res.json().type).toBe('/problems/return-transition-not-allowed');
  });

  it('needs the orders:refund permission to approve, reject or refund (403)', async () => {
    const b = await delivered();
    const rma = await ok(request(b));
    const limited = await createAdmin(server, { permissions: ['rewards:adjust'] });
    const res = await as(limited).post(`/admin/returns/${rma.id}/approve`, {});
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('orders:refund');
  });
});

describe('lists', () => {
  it('shows a buyer their returns newest first, page by page, and staff the store’s by status', async () => {
    const b = await delivered({ quantity: 3 });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await ok(request(b))).id);
    const first = await ok(as(b.buyer).get('/me/returns?limit=2'));
    expect(first.items.map((r: any) => r.id)).toEqual([ids[2], ids[1]]);
    const next = await ok(as(b.buyer).get(`/me/returns?limit=2&cursor=${first.nextCursor}`));
    expect(next).toMatchObject({ items: [{ id: ids[0] }], nextCursor: null });
    await ok(staff(ids[0]!, 'approve'));
    const approved = await ok(as(admin).get('/admin/returns?status=APPROVED&limit=100'));
    expect(approved.items.some((r: any) => r.id === ids[0])).toBe(true);
    expect(approved.items.every((r: any) => r.status === 'APPROVED')).toBe(true);
    expect((await as(b.buyer).get('/admin/returns')).statusCode).toBe(403);
  });

  it("shows staff one order's returns by its id", async () => {
    const [b, other] = [await delivered(), await delivered()];
    const mine = await ok(request(b));
    await ok(request(other));
    const found = await ok(as(admin).get(`/admin/returns?orderId=${b.order.id}`));
    expect(found.items.map((r: any) => r.id)).toEqual([mine.id]);
  });
});
