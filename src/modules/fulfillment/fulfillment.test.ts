import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import {
  anonymous,
  as,
  checkout,
  createAdmin,
  createCart,
  createCustomer,
  createDeliveryAgent,
  createOffer,
  createSeller,
  ok,
  shippingAddress,
  type TestUser,
} from '../../../test/kit/index.ts';
import { canShipmentMove, SHIPMENT_STATUSES, SHIPMENT_TRANSITIONS } from './fulfillment.status.ts';

// Shipments from order to door: making them, the agent's steps, the order following, tracking.
let server: TestServer;
let admin: TestUser;
let agent: TestUser;
let otherAgent: TestUser;

beforeAll(async () => {
  server = await createTestServer();
  [admin, agent, otherAgent] = await Promise.all([
    createAdmin(server),
    createDeliveryAgent(server),
    createDeliveryAgent(server),
  ]);
});
afterAll(async () => server?.destroy());

type Bought = { buyer: TestUser; order: any; offerId: string };

/** An order of `quantity` units bought with the test provider (paid) or cash on delivery. */
async function buy(
  options: { quantity?: number; cod?: boolean; seller?: TestUser; address?: object; price?: number } = {},
): Promise<Bought> {
  const buyer = await createCustomer(server);
  const { offerId } = await createOffer(server, {
    stock: 20,
    price: options.price ?? 5_000,
    ...(options.seller ? { seller: options.seller } : {}),
  });
  const cartId = await createCart(buyer, [{ offerId, quantity: options.quantity ?? 1 }]);
  const payment = options.cod ? { provider: 'cod' } : { provider: 'test', token: 'tok_success' };
  const placed = await ok(
    checkout(buyer, cartId, { payment, shippingAddress: options.address ?? shippingAddress }),
  );
  return { buyer, order: placed.order, offerId };
}

const ship = (orderId: string, body?: object, user: TestUser = admin) =>
  as(user).post(`/admin/orders/${orderId}/shipments`, body);
const step = (shipmentId: string, body: object, user: TestUser = agent) =>
  as(user).post(`/agent/deliveries/${shipmentId}/events`, body);
const orderOf = async (b: Bought) => ok(as(b.buyer).get(`/orders/${b.order.id}`));

/** A shipment of the whole order given to `agent` and moved along to `upTo`. */
async function onTheRoad(b: Bought, upTo: 'ASSIGNED' | 'PICKED_UP' | 'IN_TRANSIT') {
  const shipment = await ok(ship(b.order.id, { deliveryAgentId: agent.id }));
  if (upTo !== 'ASSIGNED') await ok(step(shipment.id, { status: 'PICKED_UP' }));
  if (upTo === 'IN_TRANSIT') await ok(step(shipment.id, { status: 'IN_TRANSIT' }));
  return shipment;
}

describe('the shipment state machine', () => {
  it('allows exactly the transitions in its table', () => {
    for (const from of SHIPMENT_STATUSES)
      for (const to of SHIPMENT_STATUSES)
        expect(canShipmentMove(from, to)).toBe(SHIPMENT_TRANSITIONS[from].includes(to));
    expect(canShipmentMove('ASSIGNED', 'IN_TRANSIT')).toBe(false);
    expect(canShipmentMove('DELIVERED', 'FAILED')).toBe(false);
  });
});

describe('making shipments', () => {
  it('ships a paid order to an agent: ASSIGNED with every item, and the order is PROCESSING', async () => {
    const b = await buy({ quantity: 2 });
    const res = await ship(b.order.id, { deliveryAgentId: agent.id, carrier: 'Own fleet' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      orderId: b.order.id,
      status: 'ASSIGNED',
      items: [{ orderItemId: b.order.items[0].id, quantity: 2 }],
      carrier: 'Own fleet',
      deliveryAgentId: agent.id,
      codAmount: { amount: 0 },
    });
    expect(await orderOf(b)).toMatchObject({ status: 'PROCESSING', fulfillmentStatus: 'UNFULFILLED' });
  });

  it('is PENDING without an agent, and ships part of an item, refusing more than is left (409)', async () => {
    const b = await buy({ quantity: 3 });
    const itemId = b.order.items[0].id;
    const first = await ship(b.order.id, { items: [{ orderItemId: itemId, quantity: 2 }] });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ status: 'PENDING', deliveryAgentId: null });
    const tooMany = await ship(b.order.id, { items: [{ orderItemId: itemId, quantity: 2 }] });
    expect(tooMany.statusCode).toBe(409);
    expect(tooMany.json()).toMatchObject({ type: '/problems/order-item-already-shipped', left: 1 });
    expect((await ship(b.order.id)).json().items).toEqual([
      expect.objectContaining({ orderItemId: itemId, quantity: 1 }),
    ]);
    const again = await ship(b.order.id);
    expect(again.statusCode).toBe(409);
  });

  it('refuses to ship a cancelled order or one still waiting for its online payment (409)', async () => {
    const cancelled = await buy();
    await ok(as(cancelled.buyer).post(`/orders/${cancelled.order.id}/cancel`, {}));
    const gone = await ship(cancelled.order.id);
    expect(gone.statusCode, gone.body).toBe(409);
    const buyer = await createCustomer(server);
    const { offerId } = await createOffer(server, { stock: 5 });
    const cartId = await createCart(buyer, [{ offerId, quantity: 1 }]);
    const unpaid = await ok(checkout(buyer, cartId, { payment: { provider: 'test', token: 'tok_decline' } }));
    const res = await ship(unpaid.order.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().type).toBe('/problems/order-not-shippable');
  });

  it('lets a seller ship only its own items; a seller with none in the order finds no order (404)', async () => {
    const seller = await createSeller(server);
    const other = await createSeller(server);
    const b = await buy({ seller });
    const none = await ship(b.order.id, undefined, other);
    expect(none.statusCode).toBe(404);
    expect(none.json().type).toBe('/problems/order-not-found');
    const named = await ship(
      b.order.id,
      { items: [{ orderItemId: b.order.items[0].id, quantity: 1 }] },
      other,
    );
    expect(named.statusCode).toBe(404);
    const mine = await ship(b.order.id, undefined, seller);
    expect(mine.statusCode).toBe(201);
    expect(mine.json().sellerId).toBe(seller.id);
    expect((await as(other).get(`/admin/shipments/${mine.json().id}`)).statusCode).toBe(404);
    expect((await as(seller).get(`/admin/shipments/${mine.json().id}`)).statusCode).toBe(200);
  });

  it('refuses an agent id that is not a delivery agent of the store (404)', async () => {
    const b = await buy();
    const customer = await createCustomer(server);
    const res = await ship(b.order.id, { deliveryAgentId: customer.id });
    expect(res.statusCode).toBe(404);
    expect((await orderOf(b)).status).toBe('PAID');
  });
});

describe('an agent on the road', () => {
  it('lists only the caller’s deliveries, with the address and the cash to collect', async () => {
    const b = await buy({ cod: true });
    const shipment = await onTheRoad(b, 'ASSIGNED');
    const mine = (await ok(as(agent).get('/agent/deliveries'))).items;
    expect(mine.find((d: any) => d.id === shipment.id)).toMatchObject({
      orderId: b.order.id,
      status: 'ASSIGNED',
      address: { city: 'Bengaluru' },
      codAmount: { amount: b.order.totals.total.amount },
    });
    const theirs = (await ok(as(otherAgent).get('/agent/deliveries'))).items;
    expect(theirs.some((d: any) => d.id === shipment.id)).toBe(false);
  });

  it('shows a delivery to its agent only: another agent 404, staff and sellers 403', async () => {
    const seller = await createSeller(server);
    const b = await buy({ seller });
    const shipment = await ok(ship(b.order.id, { deliveryAgentId: agent.id }));
    const seen = await as(agent).get(`/agent/deliveries/${shipment.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ id: shipment.id, deliveryAgentId: agent.id });
    expect((await as(otherAgent).get(`/agent/deliveries/${shipment.id}`)).statusCode).toBe(404);
    expect((await as(admin).get(`/agent/deliveries/${shipment.id}`)).statusCode).toBe(403);
    expect((await as(seller).get(`/agent/deliveries/${shipment.id}`)).statusCode).toBe(403);
  });

  it('answers another agent 404 and a skipped step 409, changing nothing', async () => {
    const b = await buy();
    const shipment = await onTheRoad(b, 'ASSIGNED');
    expect((await step(shipment.id, { status: 'PICKED_UP' }, otherAgent)).statusCode).toBe(404);
    const skip = await step(shipment.id, { status: 'DELIVERED' });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().type).toBe('/problems/shipment-transition-not-allowed');
    expect((await ok(as(admin).get(`/admin/shipments/${shipment.id}`))).status).toBe('ASSIGNED');
  });

  it('refuses a location off the globe (400)', async () => {
    const b = await buy();
    const shipment = await onTheRoad(b, 'PICKED_UP');
    for (const location of [
      { lat: 91, lng: 0 },
      { lat: 0, lng: -180.5 },
      { lat: 'x', lng: 0 },
    ]) {
      const res = await step(shipment.id, { status: 'IN_TRANSIT', location });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const res = await as(agent).post(`/agent/deliveries/${shipment.id}/location`, { lat: -90.01, lng: 10 });
    expect(res.statusCode).toBe(400);
  });

  it('keeps the newest location as the last one; an older report joins the track only', async () => {
    const b = await buy();
    const shipment = await onTheRoad(b, 'IN_TRANSIT');
    const at = (s: number) => new Date(Date.now() - s * 1000).toISOString();
    const report = (lat: number, seconds: number) =>
      as(agent).post(`/agent/deliveries/${shipment.id}/location`, { lat, lng: 77.6, at: at(seconds) });
    expect((await report(12.9, 10)).statusCode).toBe(202);
    expect((await report(12.95, 5)).statusCode).toBe(202);
    expect((await report(12.8, 60)).statusCode).toBe(202);
    const seen = await ok(as(admin).get(`/admin/shipments/${shipment.id}`));
    expect(seen.lastLocation).toMatchObject({ lat: 12.95, lng: 77.6 });
    const tracked = (await orderOf(b)).shipments[0];
    expect(tracked.lastLocation).toMatchObject({ lat: 12.95 });
    const track = await ok(as(admin).get(`/admin/shipments/${shipment.id}/track`));
    expect(track.points.map((p: any) => p.lat)).toEqual([12.8, 12.9, 12.95]);
    expect((await as(otherAgent).get(`/admin/shipments/${shipment.id}/track`)).statusCode).toBe(404);
    expect(
      (await as(otherAgent).post(`/agent/deliveries/${shipment.id}/location`, { lat: 1, lng: 1 })).statusCode,
    ).toBe(404);
  });

  it('delivers a paid order: the order is DELIVERED and the buyer sees the steps', async () => {
    const b = await buy();
    const shipment = await onTheRoad(b, 'IN_TRANSIT');
    const done = await step(shipment.id, {
      status: 'DELIVERED',
      recipientName: 'Asha',
      location: { lat: 12.97, lng: 77.59 },
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'DELIVERED', recipientName: 'Asha' });
    const order = await orderOf(b);
    expect(order).toMatchObject({ status: 'DELIVERED', fulfillmentStatus: 'DELIVERED' });
    expect(order.shipments[0]).toMatchObject({ id: shipment.id, status: 'DELIVERED' });
    expect(order.shipments[0].events.map((e: any) => e.status)).toEqual([
      'PENDING',
      'ASSIGNED',
      'PICKED_UP',
      'IN_TRANSIT',
      'DELIVERED',
    ]);
  });

  it('refuses to cancel an order once a shipment was picked up (409); before, the shipment is cancelled too', async () => {
    const early = await buy();
    const assigned = await onTheRoad(early, 'ASSIGNED');
    expect((await as(early.buyer).post(`/orders/${early.order.id}/cancel`, {})).statusCode).toBe(200);
    expect((await ok(as(admin).get(`/admin/shipments/${assigned.id}`))).status).toBe('CANCELLED');
    const late = await buy();
    await onTheRoad(late, 'PICKED_UP');
    const res = await as(late.buyer).post(`/orders/${late.order.id}/cancel`, {});
    expect(res.statusCode).toBe(409);
    expect((await orderOf(late)).status).not.toBe('CANCELLED');
  });
});

describe('cash on delivery', () => {
  it('records the cash collected and captures the payment with it; the order is DELIVERED', async () => {
    const b = await buy({ cod: true });
    const due = b.order.totals.total;
    const shipment = await onTheRoad(b, 'IN_TRANSIT');
    const without = await step(shipment.id, { status: 'DELIVERED' });
    expect(without.statusCode).toBe(400);
    const done = await step(shipment.id, { status: 'DELIVERED', codCollected: due });
    expect(done.statusCode).toBe(200);
    expect(done.json().codCollected).toEqual(due);
    expect(await orderOf(b)).toMatchObject({ status: 'DELIVERED', paymentStatus: 'CAPTURED' });
  });

  it('keeps a short collection as a discrepancy instead of refusing it', async () => {
    const b = await buy({ cod: true });
    const due = b.order.totals.total;
    const shipment = await onTheRoad(b, 'IN_TRANSIT');
    const short = { amount: due.amount - 100, currency: due.currency };
    const done = await step(shipment.id, { status: 'DELIVERED', codCollected: short });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ codCollected: short, codAmount: due });
  });

  it('records one delivery and one collection when two DELIVERED reports race', async () => {
    const b = await buy({ cod: true });
    const due = b.order.totals.total;
    const shipment = await onTheRoad(b, 'IN_TRANSIT');
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => step(shipment.id, { status: 'DELIVERED', codCollected: due })),
    );
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.statusCode === 409)).toHaveLength(5);
    const seen = await ok(as(admin).get(`/admin/shipments/${shipment.id}`));
    expect(seen.events.filter((e: any) => e.status === 'DELIVERED')).toHaveLength(1);
    const { rows } = await server.database.pool.query(
      'SELECT count(*)::int AS n FROM cod_collections WHERE shipment_id = $1',
      [shipment.id],
    );
    expect(rows[0].n).toBe(1);
  });
});

describe('the order follows its shipments', () => {
  it('is partially delivered while one of two items is, and DELIVERED once both are', async () => {
    const buyer = await createCustomer(server);
    const [a, b] = await Promise.all([createOffer(server, { stock: 5 }), createOffer(server, { stock: 5 })]);
    const cartId = await createCart(buyer, [
      { offerId: a.offerId, quantity: 1 },
      { offerId: b.offerId, quantity: 2 },
    ]);
    const { order } = await ok(checkout(buyer, cartId));
    const itemOf = (offerId: string) => order.items.find((i: any) => i.offerId === offerId).id;
    const deliver = async (items: object[]) => {
      const s = await ok(ship(order.id, { items, deliveryAgentId: agent.id }));
      for (const status of ['PICKED_UP', 'IN_TRANSIT', 'DELIVERED']) await ok(step(s.id, { status }));
    };
    await deliver([{ orderItemId: itemOf(a.offerId), quantity: 1 }]);
    const half = await ok(as(buyer).get(`/orders/${order.id}`));
    expect(half).toMatchObject({ status: 'PROCESSING', fulfillmentStatus: 'PARTIALLY_DELIVERED' });
    await deliver([{ orderItemId: itemOf(b.offerId), quantity: 1 }]);
    expect((await ok(as(buyer).get(`/orders/${order.id}`))).status).toBe('PROCESSING');
    await deliver([{ orderItemId: itemOf(b.offerId), quantity: 1 }]);
    const all = await ok(as(buyer).get(`/orders/${order.id}`));
    expect(all).toMatchObject({ status: 'DELIVERED', fulfillmentStatus: 'DELIVERED' });
    expect(all.shipments).toHaveLength(3);
  });

  it('ships each unit once when shipments of the same items are made at once', async () => {
    const b = await buy({ quantity: 2 });
    const answers = await Promise.all(Array.from({ length: 6 }, () => ship(b.order.id)));
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.statusCode === 409)).toHaveLength(5);
    const listed = await ok(as(admin).get(`/admin/shipments?orderId=${b.order.id}`));
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0].items[0].quantity).toBe(2);
  });
});

describe('tracking', () => {
  it('shows an order by number and email, or by its signed link; a wrong email is 404', async () => {
    const b = await buy();
    await onTheRoad(b, 'IN_TRANSIT');
    const email = b.buyer.email;
    const q = (e: string) =>
      `/track?order=${encodeURIComponent(b.order.number)}&email=${encodeURIComponent(e)}`;
    const found = await anonymous(server).get(q(email.toUpperCase()));
    expect(found.statusCode).toBe(200);
    expect(found.json()).toMatchObject({
      orderNumber: b.order.number,
      shipments: [{ status: 'IN_TRANSIT' }],
    });
    expect((await anonymous(server).get(q('someone@example.com'))).statusCode).toBe(404);
    const byLink = await anonymous(server).get(`/track/${found.json().trackingToken}`);
    expect(byLink.statusCode).toBe(200);
    expect(byLink.json().orderNumber).toBe(b.order.number);
    expect(
      (await anonymous(server).get(`/track/${found.json().trackingToken.slice(0, -4)}AAAA`)).statusCode,
    ).toBe(404);
  });
});
