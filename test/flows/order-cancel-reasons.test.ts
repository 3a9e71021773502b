// Cancelling an order with a reason from the store's `cancellation-reason` list (reference
// lookups), by the buyer and by staff: the code is checked against the list, kept with the
// cancellation beside the words, and a value in use cannot be deleted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../harness.ts';
import { as, createAdmin, createOrder, type TestUser } from '../kit/index.ts';

let server: TestServer;
let staff: TestUser;

beforeAll(async () => {
  server = await createTestServer();
  staff = await createAdmin(server);
});
afterAll(async () => server?.destroy());

describe('cancellation reasons', () => {
  it('keeps the buyer’s chosen reason with the cancellation, its label standing for the words', async () => {
    const { order, buyer } = await createOrder(server, { status: 'PAID' });
    const res = await as(buyer).post(`/orders/${order.id}/cancel`, { reasonCode: 'found-cheaper' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'CANCELLED',
      cancelReasonCode: 'found-cheaper',
      cancelReason: 'Found it cheaper elsewhere',
    });
  });

  it('keeps the buyer’s words as a note beside the code, and words alone as before', async () => {
    const both = await createOrder(server, { status: 'PENDING' });
    const res = await as(both.buyer).post(`/orders/${both.order.id}/cancel`, {
      reasonCode: 'ordered-by-mistake',
      reason: 'Meant the blue one',
    });
    expect(res.json()).toMatchObject({
      cancelReasonCode: 'ordered-by-mistake',
      cancelReason: 'Meant the blue one',
    });
    const words = await createOrder(server, { status: 'PENDING' });
    const old = await as(words.buyer).post(`/orders/${words.order.id}/cancel`, { reason: 'changed my mind' });
    expect(old.json()).toMatchObject({ cancelReasonCode: null, cancelReason: 'changed my mind' });
  });

  it('refuses a code not in the store’s list with 400 and leaves the order as it was', async () => {
    const { order, buyer } = await createOrder(server, { status: 'PAID' });
    const res = await as(buyer).post(`/orders/${order.id}/cancel`, { reasonCode: 'bored' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      type: '/problems/unknown-lookup-code',
      errors: [expect.objectContaining({ pointer: '/reasonCode' })],
    });
    expect((await as(buyer).get(`/orders/${order.id}`)).json().status).toBe('PAID');
  });

  it('lets staff cancel with a reason from the list, and refuses a code with any other status', async () => {
    const { order } = await createOrder(server, { status: 'PAID' });
    const wrong = await as(staff).post(`/admin/orders/${order.id}/status`, {
      status: 'PROCESSING',
      reasonCode: 'out-of-stock',
    });
    expect(wrong.statusCode).toBe(400);
    const unknown = await as(staff).post(`/admin/orders/${order.id}/status`, {
      status: 'CANCELLED',
      reasonCode: 'nope',
    });
    expect(unknown.json().type).toBe('/problems/unknown-lookup-code');
    const res = await as(staff).post(`/admin/orders/${order.id}/status`, {
      status: 'CANCELLED',
      reasonCode: 'out-of-stock',
      reason: 'Supplier short',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'CANCELLED',
      cancelReasonCode: 'out-of-stock',
      cancelReason: 'Supplier short',
    });
    // a reason an order was cancelled for is turned off, not deleted
    const removed = await as(staff).del('/admin/lookups/cancellation-reason/out-of-stock');
    expect(removed.statusCode).toBe(409);
    expect(removed.json().type).toBe('/problems/lookup-value-in-use');
  });

  it('refuses a reason turned off in the store’s list', async () => {
    const off = await as(staff).put('/admin/lookups/cancellation-reason/delivery-too-slow', {
      labels: { en: 'Delivery takes too long' },
      active: false,
    });
    expect(off.statusCode).toBe(200);
    const { order, buyer } = await createOrder(server, { status: 'PENDING' });
    const res = await as(buyer).post(`/orders/${order.id}/cancel`, { reasonCode: 'delivery-too-slow' });
    expect(res.statusCode).toBe(400);
  });
});
