import { sql } from 'kysely';
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
  shippingAddress,
  type TestStore,
  type TestUser,
} from '../../../test/kit/index.ts';

// The rest of the road: stock leaving at pick-up, delivery codes, failed attempts and parcels
// coming back, the automatic assignment, carriers' tracking links and the outbox events.
let server: TestServer;
let admin: TestUser;
let agent: TestUser;

beforeAll(async () => {
  server = await createTestServer();
  [admin, agent] = await Promise.all([createAdmin(server), createDeliveryAgent(server)]);
});
afterAll(async () => server?.destroy());

type Place = TestServer | TestStore;

async function buy(place: Place, options: { cod?: boolean; city?: string; quantity?: number } = {}) {
  const buyer = await createCustomer(place);
  const storeId = 'server' in place ? place.id : undefined;
  const { offerId } = await createOffer(server, { stock: 10, ...(storeId ? { storeId } : {}) });
  const cartId = await createCart(buyer, [{ offerId, quantity: options.quantity ?? 1 }]);
  const payment = options.cod ? { provider: 'cod' } : { provider: 'test', token: 'tok_success' };
  const address = {
    ...shippingAddress,
    ...(options.city ? { city: options.city, postalCode: options.city } : {}),
  };
  const placed = await ok(checkout(buyer, cartId, { payment, shippingAddress: address }));
  return { buyer, order: placed.order, offerId };
}

const step = (id: string, body: object, user: TestUser = agent) =>
  as(user).post(`/agent/deliveries/${id}/events`, body);
const stockOf = async (offerId: string, user: TestUser = admin) =>
  (await ok(as(user).get(`/admin/inventory/offers/${offerId}`))) as {
    onHand: number;
    committed: number;
    damaged: number;
    warehouses: { totals: { shipped: number } }[];
  };

describe('stock on the road', () => {
  it('moves sold units from committed to shipped at pick-up, with a SHIPMENT movement', async () => {
    const b = await buy(server, { quantity: 2 });
    const before = await stockOf(b.offerId);
    expect(before.committed).toBe(2);
    const shipment = await ok(
      as(admin).post(`/admin/orders/${b.order.id}/shipments`, { deliveryAgentId: agent.id }),
    );
    expect((await stockOf(b.offerId)).committed).toBe(2);
    await ok(step(shipment.id, { status: 'PICKED_UP' }));
    const after = await stockOf(b.offerId);
    expect(after).toMatchObject({ committed: 0, onHand: before.onHand });
    expect(after.warehouses[0]!.totals.shipped).toBe(2);
    const moves = await ok(as(admin).get(`/admin/inventory/offers/${b.offerId}/movements`));
    expect(moves.items.some((m: any) => m.type === 'SHIPMENT' && m.shipmentId === shipment.id)).toBe(true);
    expect(await ok(as(admin).get('/admin/inventory/check'))).toMatchObject({
      healthy: true,
      mismatches: [],
    });
  });

  it('returns a failed cash-on-delivery parcel’s stock only once it is received back', async () => {
    const b = await buy(server, { cod: true });
    const onHand = (await stockOf(b.offerId)).onHand;
    const shipment = await ok(
      as(admin).post(`/admin/orders/${b.order.id}/shipments`, { deliveryAgentId: agent.id }),
    );
    await ok(step(shipment.id, { status: 'PICKED_UP' }));
    await ok(step(shipment.id, { status: 'IN_TRANSIT' }));
    const failed = await ok(step(shipment.id, { status: 'FAILED', note: 'nobody home' }));
    expect(failed).toMatchObject({ status: 'FAILED', failedAttempts: 1 });
    expect((await stockOf(b.offerId)).onHand).toBe(onHand);
    const back = await as(admin).post(`/admin/shipments/${shipment.id}/receive-back`, {
      condition: 'SELLABLE',
    });
    expect(back.statusCode).toBe(200);
    expect(back.json().status).toBe('RETURNED_TO_SENDER');
    expect((await stockOf(b.offerId)).onHand).toBe(onHand + 1);
    const twice = await as(admin).post(`/admin/shipments/${shipment.id}/receive-back`, {});
    expect(twice.statusCode).toBe(409);
    expect((await stockOf(b.offerId)).onHand).toBe(onHand + 1);
    // the units may go out again, carrying the cash still due
    const again = await ok(as(admin).post(`/admin/orders/${b.order.id}/shipments`, {}));
    expect(again.codAmount).toEqual(b.order.totals.total);
  });

  it('re-assigns a failed attempt to another agent', async () => {
    const b = await buy(server);
    const second = await createDeliveryAgent(server);
    const shipment = await ok(
      as(admin).post(`/admin/orders/${b.order.id}/shipments`, { deliveryAgentId: agent.id }),
    );
    await ok(step(shipment.id, { status: 'PICKED_UP' }));
    await ok(step(shipment.id, { status: 'FAILED', note: 'address closed' }));
    const moved = await as(admin).post(`/admin/shipments/${shipment.id}/assign`, {
      deliveryAgentId: second.id,
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ status: 'ASSIGNED', deliveryAgentId: second.id });
    expect((await step(shipment.id, { status: 'IN_TRANSIT' })).statusCode).toBe(404);
  });
});

describe('delivery codes', () => {
  it('asks for the buyer’s code where the store turns codes on, counting wrong ones', async () => {
    const store = await createStore(server);
    const storeAdmin = await createAdmin(store);
    const storeAgent = await createDeliveryAgent(store);
    await ok(as(storeAdmin).patch('/admin/store/settings', { deliveryCodes: true }));
    const b = await buy(store, { cod: true });
    const shipment = await ok(
      as(storeAdmin).post(`/admin/orders/${b.order.id}/shipments`, { deliveryAgentId: storeAgent.id }),
    );
    await ok(step(shipment.id, { status: 'PICKED_UP' }, storeAgent));
    await ok(step(shipment.id, { status: 'IN_TRANSIT' }, storeAgent));
    const seen = await ok(as(b.buyer).get(`/orders/${b.order.id}`));
    const code = seen.shipments[0].deliveryCode as string;
    expect(code).toMatch(/^\d{6}$/);
    const staffView = await ok(as(storeAdmin).get(`/orders/${b.order.id}`));
    expect(staffView.shipments[0].deliveryCode).toBeUndefined();
    const cash = b.order.totals.total;
    const missing = await step(shipment.id, { status: 'DELIVERED', codCollected: cash }, storeAgent);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().type).toBe('/problems/delivery-code-required');
    const wrong = code === '000000' ? '111111' : '000000';
    const bad = await step(
      shipment.id,
      { status: 'DELIVERED', codCollected: cash, deliveryCode: wrong },
      storeAgent,
    );
    expect(bad.json().type).toBe('/problems/delivery-code-wrong');
    const done = await step(
      shipment.id,
      { status: 'DELIVERED', codCollected: cash, deliveryCode: code },
      storeAgent,
    );
    expect(done.statusCode).toBe(200);
    const after = await ok(as(b.buyer).get(`/orders/${b.order.id}`));
    expect(after).toMatchObject({ status: 'DELIVERED', paymentStatus: 'CAPTURED' });
    expect(after.shipments[0].deliveryCode).toBeNull();
  });

  it('locks the code after five wrong tries until the shipment is re-assigned', async () => {
    const store = await createStore(server);
    const storeAdmin = await createAdmin(store);
    const storeAgent = await createDeliveryAgent(store);
    await ok(as(storeAdmin).patch('/admin/store/settings', { deliveryCodes: true }));
    const b = await buy(store);
    const shipment = await ok(
      as(storeAdmin).post(`/admin/orders/${b.order.id}/shipments`, { deliveryAgentId: storeAgent.id }),
    );
    await ok(step(shipment.id, { status: 'PICKED_UP' }, storeAgent));
    await ok(step(shipment.id, { status: 'IN_TRANSIT' }, storeAgent));
    const code = (await ok(as(b.buyer).get(`/orders/${b.order.id}`))).shipments[0].deliveryCode;
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++)
      expect(
        (await step(shipment.id, { status: 'DELIVERED', deliveryCode: wrong }, storeAgent)).statusCode,
      ).toBe(400);
    const locked = await step(shipment.id, { status: 'DELIVERED', deliveryCode: code }, storeAgent);
    expect(locked.statusCode).toBe(409);
    expect(locked.json().type).toBe('/problems/delivery-code-locked');
  });
});

describe('assignment', () => {
  it('gives a shipment to the available agent of its zone with the fewest open deliveries', async () => {
    const store = await createStore(server);
    const storeAdmin = await createAdmin(store);
    const [busy, idle, elsewhere, off] = await Promise.all(
      Array.from({ length: 4 }, () => createDeliveryAgent(store)),
    );
    const zone = (u: TestUser, z: string, available = true) =>
      ok(as(storeAdmin).put(`/admin/delivery-agents/${u.id}`, { zone: z, vehicle: 'bike', available }));
    await Promise.all([
      zone(busy!, 'Mysuru'),
      zone(idle!, 'Mysuru'),
      zone(elsewhere!, 'Pune'),
      zone(off!, 'Mysuru', false),
    ]);
    const first = await buy(store, { city: 'Mysuru' });
    await ok(as(storeAdmin).post(`/admin/orders/${first.order.id}/shipments`, { deliveryAgentId: busy!.id }));
    const b = await buy(store, { city: 'Mysuru' });
    const shipment = await ok(as(storeAdmin).post(`/admin/orders/${b.order.id}/shipments`, {}));
    const assigned = await ok(as(storeAdmin).post(`/admin/shipments/${shipment.id}/assign`, {}));
    expect(assigned).toMatchObject({ status: 'ASSIGNED', deliveryAgentId: idle!.id });
    const agents = await ok(as(storeAdmin).get('/admin/delivery-agents?zone=mysuru'));
    expect(agents.items.find((a: any) => a.userId === idle!.id)).toMatchObject({ openDeliveries: 1 });
    const nowhere = await buy(store, { city: 'Hubli' });
    const lonely = await ok(as(storeAdmin).post(`/admin/orders/${nowhere.order.id}/shipments`, {}));
    const none = await as(storeAdmin).post(`/admin/shipments/${lonely.id}/assign`, {});
    expect(none.statusCode).toBe(409);
    expect(none.json().type).toBe('/problems/delivery-agent-unavailable');
  });

  it('lets an agent go off duty, and refuses a profile for a user who is not an agent (404)', async () => {
    const off = await ok(as(agent).put('/agent/availability', { available: false }));
    expect(off.available).toBe(false);
    expect((await ok(as(agent).get('/agent/profile'))).available).toBe(false);
    await ok(as(agent).put('/agent/availability', { available: true }));
    const customer = await createCustomer(server);
    expect((await as(admin).put(`/admin/delivery-agents/${customer.id}`, { zone: 'x' })).statusCode).toBe(
      404,
    );
  });
});

describe('carriers and events', () => {
  it('builds the tracking link from the carrier’s template', async () => {
    const saved = await as(admin).put('/admin/carriers/bluedart', {
      name: 'BlueDart',
      trackingUrlTemplate: 'https://track.example/{trackingNumber}',
    });
    expect(saved.statusCode).toBe(200);
    const bad = await as(admin).put('/admin/carriers/dhl', {
      name: 'DHL',
      trackingUrlTemplate: 'javascript:alert(1)',
    });
    expect(bad.statusCode).toBe(400);
    const b = await buy(server);
    const shipment = await ok(
      as(admin).post(`/admin/orders/${b.order.id}/shipments`, {
        carrier: 'BlueDart',
        trackingNumber: 'BD 123',
      }),
    );
    expect(shipment.trackingUrl).toBe('https://track.example/BD%20123');
    const order = await ok(as(b.buyer).get(`/orders/${b.order.id}`));
    expect(order.shipments[0]).toMatchObject({ carrier: 'BlueDart', trackingNumber: 'BD 123' });
  });

  it('writes an outbox event for each step and for the cash collected', async () => {
    const b = await buy(server, { cod: true });
    const shipment = await ok(
      as(admin).post(`/admin/orders/${b.order.id}/shipments`, { deliveryAgentId: agent.id }),
    );
    for (const status of ['PICKED_UP', 'IN_TRANSIT']) await ok(step(shipment.id, { status }));
    await ok(step(shipment.id, { status: 'DELIVERED', codCollected: b.order.totals.total }));
    const { rows } = await sql<{ name: string }>`
      SELECT name FROM outbox_events WHERE payload->>'shipmentId' = ${shipment.id} ORDER BY created_at, name`.execute(
      server.database.db,
    );
    expect(rows.map((r) => r.name).sort()).toEqual(
      [
        'fulfillment.cod.collected',
        'fulfillment.shipment.assigned',
        'fulfillment.shipment.created',
        'fulfillment.shipment.delivered',
        'fulfillment.shipment.in_transit',
        'fulfillment.shipment.picked_up',
      ].sort(),
    );
  });
});
