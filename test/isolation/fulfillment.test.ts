import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../harness.ts';
import {
  anonymous,
  as,
  type Client,
  createDeliveryAgent,
  createOrder,
  createSeller,
  createStorePair,
  ok,
  type TestOrder,
  type TestStore,
  type TestUser,
} from '../kit/index.ts';

// Store B's staff, sellers and agents meet store A's shipments, agents, carriers and tracking
// links only as "not found".
let server: TestServer;
let storeA: TestStore;
let storeB: TestStore;
let adminA: Client;
let adminB: Client;
let agentA: TestUser;
let agentB: TestUser;
let sellerB: TestUser;
let paid: TestOrder;
let shipmentId: string;
let trackingToken: string;

beforeAll(async () => {
  server = await createTestServer();
  ({ storeA, storeB, adminA, adminB } = await createStorePair(server));
  [agentA, agentB, sellerB] = await Promise.all([
    createDeliveryAgent(storeA),
    createDeliveryAgent(storeB),
    createSeller(storeB),
  ]);
  paid = await createOrder(storeA, { status: 'PAID' });
  const shipment = await ok<{ id: string }>(
    adminA.post(`/admin/orders/${paid.order.id}/shipments`, { deliveryAgentId: agentA.id }),
  );
  shipmentId = shipment.id;
  await ok(adminA.put('/admin/carriers/a-post', { name: 'A Post' }));
  const query = new URLSearchParams({ order: paid.order.number, email: paid.buyer.email });
  trackingToken = (await ok<{ trackingToken: string }>(anonymous(storeA).get(`/track?${query}`)))
    .trackingToken;
});
afterAll(async () => server?.destroy());

async function shipmentInStoreA() {
  return ok<{ status: string; deliveryAgentId: string | null; lastLocation: unknown }>(
    adminA.get(`/admin/shipments/${shipmentId}`),
  );
}

const ids = (answer: { json(): { items: Array<{ id: string }> } }) => answer.json().items.map((s) => s.id);

describe('fulfilment across stores', () => {
  it("leaves store A's shipments, agents and carriers out of store B's lists", async () => {
    const shipments = await adminB.get(`/admin/shipments?orderId=${paid.order.id}`);
    expect(shipments.statusCode).toBe(200);
    expect(shipments.json().items).toEqual([]);
    expect(ids(await adminB.get('/admin/shipments'))).not.toContain(shipmentId);
    expect((await as(sellerB).get('/admin/shipments')).json().items).toEqual([]);
    expect((await as(agentB).get('/agent/deliveries?scope=all')).json().items).toEqual([]);
    const agents = (await ok<{ items: Array<{ userId: string }> }>(adminB.get('/admin/delivery-agents')))
      .items;
    expect(agents.map((a) => a.userId)).not.toContain(agentA.id);
    const carriers = (await ok<{ items: Array<{ code: string }> }>(adminB.get('/admin/carriers'))).items;
    expect(carriers.map((c) => c.code)).not.toContain('a-post');
  });

  it("answers 404 in store B for store A's shipment, to its admin, sellers and agents", async () => {
    expect((await adminB.get(`/admin/shipments/${shipmentId}`)).statusCode).toBe(404);
    expect((await as(sellerB).get(`/admin/shipments/${shipmentId}`)).statusCode).toBe(404);
    expect((await as(agentB).get(`/agent/deliveries/${shipmentId}`)).statusCode).toBe(404);
    expect((await as(agentA).get(`/agent/deliveries/${shipmentId}`)).statusCode).toBe(200);
  });

  it("does not let store B's admin or sellers ship, assign, move or take back store A's parcels", async () => {
    const unshipped = await createOrder(storeA, { status: 'PAID' });
    for (const staff of [adminB, as(sellerB)]) {
      expect((await staff.post(`/admin/orders/${unshipped.order.id}/shipments`, {})).statusCode).toBe(404);
      const moved = await staff.post(`/admin/shipments/${shipmentId}/events`, { status: 'PICKED_UP' });
      expect(moved.statusCode).toBe(404);
    }
    const assigned = await adminB.post(`/admin/shipments/${shipmentId}/assign`, {
      deliveryAgentId: agentB.id,
    });
    expect(assigned.statusCode).toBe(404);
    expect((await adminB.post(`/admin/shipments/${shipmentId}/receive-back`, {})).statusCode).toBe(404);
    expect(await shipmentInStoreA()).toMatchObject({ status: 'ASSIGNED', deliveryAgentId: agentA.id });
    expect((await adminA.get(`/admin/shipments?orderId=${unshipped.order.id}`)).json().items).toEqual([]);
  });

  it("does not let an agent of store B report for store A's shipment, nor be given it", async () => {
    const step = await as(agentB).post(`/agent/deliveries/${shipmentId}/events`, { status: 'PICKED_UP' });
    expect(step.statusCode).toBe(404);
    const located = await as(agentB).post(`/agent/deliveries/${shipmentId}/location`, {
      lat: 12.9,
      lng: 77.6,
    });
    expect(located.statusCode).toBe(404);
    const given = await adminA.post(`/admin/shipments/${shipmentId}/assign`, { deliveryAgentId: agentB.id });
    expect(given.statusCode).toBe(404);
    expect(await shipmentInStoreA()).toMatchObject({
      status: 'ASSIGNED',
      deliveryAgentId: agentA.id,
      lastLocation: null,
    });
  });

  it("does not let store B's admin change store A's agents or carriers", async () => {
    const profile = await adminB.put(`/admin/delivery-agents/${agentA.id}`, { vehicle: 'truck' });
    expect(profile.statusCode).toBe(404);
    // a carrier code is a name: store B gets a carrier of its own by it, store A's is untouched
    expect((await adminB.put('/admin/carriers/a-post', { name: 'B Post' })).statusCode).toBe(200);
    const carriersA = (
      await ok<{ items: Array<{ code: string; name: string }> }>(adminA.get('/admin/carriers'))
    ).items;
    expect(carriersA).toEqual([expect.objectContaining({ code: 'a-post', name: 'A Post' })]);
    const agentsA = (
      await ok<{ items: Array<{ userId: string; vehicle: string | null }> }>(
        adminA.get('/admin/delivery-agents'),
      )
    ).items;
    expect(agentsA.find((a) => a.userId === agentA.id)?.vehicle).toBeNull();
  });

  it("does not track store A's order in store B, by its link or by its number and email", async () => {
    expect((await anonymous(storeA).get(`/track/${trackingToken}`)).statusCode).toBe(200);
    expect((await anonymous(storeB).get(`/track/${trackingToken}`)).statusCode).toBe(404);
    const query = new URLSearchParams({ order: paid.order.number, email: paid.buyer.email });
    expect((await anonymous(storeB).get(`/track?${query}`)).statusCode).toBe(404);
    expect((await adminB.get(`/track/${trackingToken}`)).statusCode).toBe(404);
  });
});
