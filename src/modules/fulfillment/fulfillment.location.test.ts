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
  ok,
  type TestUser,
} from '../../../test/kit/index.ts';

// Location reports racing: whatever order they arrive in, the newest point is the last location.
let server: TestServer;
let admin: TestUser;
let agent: TestUser;

beforeAll(async () => {
  server = await createTestServer();
  [admin, agent] = await Promise.all([createAdmin(server), createDeliveryAgent(server)]);
});
afterAll(async () => server?.destroy());

/** A paid order shipped to `driver` (ASSIGNED); the shipment's id. */
async function assigned(driver: TestUser): Promise<string> {
  const buyer = await createCustomer(server);
  const { offerId } = await createOffer(server, { stock: 5 });
  const cartId = await createCart(buyer, [{ offerId, quantity: 1 }]);
  const placed = await ok(checkout(buyer, cartId, { payment: { provider: 'test', token: 'tok_success' } }));
  const shipment = await ok(
    as(admin).post(`/admin/orders/${placed.order.id}/shipments`, { deliveryAgentId: driver.id }),
  );
  return shipment.id;
}

/** A paid order shipped to `agent` (by default) and PICKED_UP. */
async function pickedUp(driver: TestUser = agent): Promise<string> {
  const shipmentId = await assigned(driver);
  await ok(as(driver).post(`/agent/deliveries/${shipmentId}/events`, { status: 'PICKED_UP' }));
  return shipmentId;
}

/** The integers 0..n-1 in a shuffled order (seeded, so a failure can be replayed). */
function shuffled(n: number, seed: number): number[] {
  const out = Array.from({ length: n }, (_, i) => i);
  let s = seed;
  for (let i = n - 1; i > 0; i--) {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('concurrent location reports', () => {
  it('keeps the newest point as the last location whatever order they arrive in, and tracks them all', async () => {
    const shipmentId = await pickedUp();
    const base = Date.now() - 3_600_000;
    const n = 40;
    const point = (i: number) => ({
      lat: 12 + i / 1_000,
      lng: 77.5,
      at: new Date(base + i * 1_000).toISOString(),
    });
    const answers = await Promise.all(
      shuffled(n, 42).map((i) => as(agent).post(`/agent/deliveries/${shipmentId}/location`, point(i))),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(n).fill(202));
    const newest = point(n - 1);
    const seen = await ok(as(admin).get(`/admin/shipments/${shipmentId}`));
    expect(seen.lastLocation).toMatchObject({ lat: newest.lat, lng: newest.lng, at: newest.at });
    expect((await ok(as(agent).get('/agent/profile'))).lastLocation).toMatchObject({
      lat: newest.lat,
      lng: newest.lng,
    });
    const { rows } = await server.database.pool.query(
      'SELECT count(*)::int AS n, max(recorded_at) AS newest FROM shipment_locations WHERE shipment_id = $1',
      [shipmentId],
    );
    expect(rows[0]).toMatchObject({ n, newest: new Date(newest.at) });
  });

  it('keeps the newest point when rounds of reports for two shipments of one agent race', async () => {
    const shipments = [await pickedUp(), await pickedUp()];
    const base = Date.now() - 7_200_000;
    const at = (i: number) => new Date(base + i * 1_000).toISOString();
    const order = shuffled(30, 7);
    await Promise.all(
      order.flatMap((i) =>
        shipments.map((id, k) =>
          ok(as(agent).post(`/agent/deliveries/${id}/location`, { lat: 10 + k, lng: i / 100, at: at(i) })),
        ),
      ),
    );
    for (const [k, id] of shipments.entries())
      expect((await ok(as(admin).get(`/admin/shipments/${id}`))).lastLocation).toMatchObject({
        lat: 10 + k,
        lng: 0.29,
        at: at(29),
      });
  });

  it("answers reports arriving together each on its own: a stranger's and one for a parcel not on the road are refused, the rest taken", async () => {
    const other = await createDeliveryAgent(server);
    const [mine, theirs] = [await pickedUp(), await pickedUp(other)];
    const waiting = await assigned(agent);
    const base = Date.now() - 1_800_000;
    const point = (i: number) => ({
      lat: 20 + i / 100,
      lng: 70,
      at: new Date(base + i * 1_000).toISOString(),
    });
    const reports = [
      ...[0, 1, 2, 3, 4].map((i) => ({ who: agent, id: mine, body: point(i), status: 202 })),
      ...[5, 6, 7].map((i) => ({ who: other, id: theirs, body: point(i), status: 202 })),
      { who: other, id: mine, body: point(9), status: 404 },
      { who: agent, id: waiting, body: point(9), status: 409 },
    ];
    const answers = await Promise.all(
      reports.map((r) => as(r.who).post(`/agent/deliveries/${r.id}/location`, r.body)),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(reports.map((r) => r.status));
    const lastOf = async (id: string) => (await ok(as(admin).get(`/admin/shipments/${id}`))).lastLocation;
    expect(await lastOf(mine)).toMatchObject({ lat: 20.04, at: point(4).at });
    expect(await lastOf(theirs)).toMatchObject({ lat: 20.07, at: point(7).at });
    expect(await lastOf(waiting)).toBeNull();
    const { rows } = await server.database.pool.query(
      'SELECT shipment_id, count(*)::int AS n FROM shipment_locations WHERE shipment_id = ANY($1) GROUP BY shipment_id',
      [[mine, theirs, waiting]],
    );
    expect(Object.fromEntries(rows.map((r) => [r.shipment_id, r.n]))).toEqual({ [mine]: 5, [theirs]: 3 });
  });

  it('takes a batch of points in one report: all join the track, the newest is the last location', async () => {
    const shipmentId = await pickedUp();
    const base = Date.now() - 600_000;
    const points = shuffled(25, 3).map((i) => ({
      lat: 13 + i / 1_000,
      lng: 78,
      accuracy: 5,
      at: new Date(base + i * 1_000).toISOString(),
    }));
    const res = await as(agent).post(`/agent/deliveries/${shipmentId}/locations`, { points });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ accepted: 25 });
    const older = { lat: 1, lng: 1, at: new Date(base - 1_000).toISOString() };
    expect(
      (await as(agent).post(`/agent/deliveries/${shipmentId}/locations`, { points: [older] })).statusCode,
    ).toBe(202);
    const seen = await ok(as(admin).get(`/admin/shipments/${shipmentId}`));
    expect(seen.lastLocation).toMatchObject({ lat: 13.024, lng: 78, accuracy: 5 });
    const { rows } = await server.database.pool.query(
      'SELECT count(*)::int AS n FROM shipment_locations WHERE shipment_id = $1',
      [shipmentId],
    );
    expect(rows[0].n).toBe(26);
  });

  it('refuses an empty batch, one past 100 points, or a point off the globe (400), taking none', async () => {
    const shipmentId = await pickedUp();
    const point = { lat: 12, lng: 77 };
    for (const points of [[], Array(101).fill(point), [point, { lat: 95, lng: 0 }]]) {
      const res = await as(agent).post(`/agent/deliveries/${shipmentId}/locations`, { points });
      expect(res.statusCode).toBe(400);
    }
    const { rows } = await server.database.pool.query(
      'SELECT count(*)::int AS n FROM shipment_locations WHERE shipment_id = $1',
      [shipmentId],
    );
    expect(rows[0].n).toBe(0);
    const stranger = await createDeliveryAgent(server);
    const res = await as(stranger).post(`/agent/deliveries/${shipmentId}/locations`, { points: [point] });
    expect(res.statusCode).toBe(404);
  });
});
