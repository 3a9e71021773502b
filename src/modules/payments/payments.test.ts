import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import {
  anonymous,
  as,
  createAdmin,
  createCustomer,
  createDeliveryAgent,
  createPayment,
  ok,
  serviceCtx,
  type TestUser,
} from '../../../test/kit/index.ts';
import { canTransition, PAYMENT_STATUSES, PAYMENT_TRANSITIONS } from './payments.status.ts';

// Payments with the test provider and cash on delivery, and refunds by the store's staff; the card
// providers' APIs are in payments.providers.test.ts.
let server: TestServer;
let customer: TestUser;
let other: TestUser;
let admin: TestUser;
let agent: TestUser;

beforeAll(async () => {
  server = await createTestServer();
  customer = await createCustomer(server);
  other = await createCustomer(server);
  admin = await createAdmin(server);
  agent = await createDeliveryAgent(server);
});
afterAll(async () => server?.destroy());

const payments = () => server.modules.payments.service;

const newPayment = (provider: string, amount = 10_000, user: TestUser | null = customer) =>
  createPayment(server, { provider, amount, user });

describe('payment state machine', () => {
  it('allows exactly the transitions in its table', () => {
    for (const from of PAYMENT_STATUSES) {
      for (const to of PAYMENT_STATUSES)
        expect(canTransition(from, to)).toBe(PAYMENT_TRANSITIONS[from].includes(to));
    }
    expect(canTransition('REFUNDED', 'CAPTURED')).toBe(false);
    expect(canTransition('CAPTURED', 'FAILED')).toBe(false);
  });
});

describe('payment methods', () => {
  it('lists the providers checkout takes in this store, to anyone', async () => {
    const res = await anonymous(server).get('/payment-methods');
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .items.map((m: { provider: string }) => m.provider)
        .sort(),
    ).toEqual(['cod', 'test']);
  });
});

describe('test provider', () => {
  it('captures tok_success at once and records the card', async () => {
    const p = await newPayment('test');
    const charged = await payments().charge(serviceCtx(server, customer), p.id, 'tok_success');
    expect(charged).toMatchObject({ status: 'CAPTURED', captured: { amount: 10_000 }, cardLast4: '4242' });
  });

  it('fails tok_decline with an error code', async () => {
    const p = await newPayment('test');
    const charged = await payments().charge(serviceCtx(server, customer), p.id, 'tok_decline');
    expect(charged).toMatchObject({ status: 'FAILED', errorCode: 'card_declined', captured: { amount: 0 } });
  });

  it('needs a confirmation step for tok_confirm', async () => {
    const p = await newPayment('test');
    const pending = await payments().charge(serviceCtx(server, customer), p.id, 'tok_confirm');
    expect(pending.status).toBe('REQUIRES_ACTION');
    expect(pending.nextAction).toBeDefined();
    const res = await as(customer).post(`/payments/${p.id}/confirm`, { confirmation: 'ok' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('CAPTURED');
    const again = await as(customer).post(`/payments/${p.id}/confirm`, { confirmation: 'ok' });
    expect(again.statusCode).toBe(409);
  });

  it('hides a payment from another user and unknown ids alike', async () => {
    const p = await newPayment('test');
    expect((await as(other).get(`/payments/${p.id}`)).statusCode).toBe(404);
    expect((await as(customer).get(`/payments/${p.id}`)).statusCode).toBe(200);
    expect((await as(customer).get('/payments/not-a-uuid')).statusCode).toBe(404);
  });
});

describe('finding payments', () => {
  it("lists an order's payments and refunds for the store's staff by the order id, and no one else's", async () => {
    const first = await newPayment('test');
    await newPayment('test');
    await payments().charge(serviceCtx(server, customer), first.id, 'tok_success');
    await ok(as(admin).post(`/admin/payments/${first.id}/refunds`, { amount: 2_500, reason: 'scratched' }));
    const found = await ok(as(admin).get(`/admin/payments?orderId=${first.orderId}`));
    expect(found.items.map((p: { id: string }) => p.id)).toEqual([first.id]);
    expect(found.refunds).toEqual([expect.objectContaining({ paymentId: first.id, reason: 'scratched' })]);
    expect((await as(customer).get(`/admin/payments?orderId=${first.orderId}`)).statusCode).toBe(403);
  });

  it('needs an order id or a reference', async () => {
    const res = await as(admin).get('/admin/payments');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].pointer).toBe('/reference');
  });
});

describe('cash on delivery', () => {
  it('stays pending until staff record the exact amount collected', async () => {
    const p = await newPayment('cod', 5_000);
    const ctx = serviceCtx(server, customer);
    expect((await payments().charge(ctx, p.id, undefined)).status).toBe('PENDING');
    const url = `/payments/${p.id}/collect`;
    expect((await as(customer).post(url, { amount: 5_000 })).statusCode).toBe(403);
    expect((await as(admin).post(url, { amount: 4_000 })).statusCode).toBe(400);
    const ok = await as(admin).post(url, { amount: 5_000 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'CAPTURED', captured: { amount: 5_000 } });
    expect((await as(admin).post(url, { amount: 5_000 })).statusCode).toBe(409);
  });

  it('refuses a delivery agent the counter call (agents record cash with their delivery’s DELIVERED step)', async () => {
    const p = await newPayment('cod', 5_000);
    await payments().charge(serviceCtx(server, customer), p.id, undefined);
    const res = await as(agent).post(`/payments/${p.id}/collect`, { amount: 5_000 });
    expect(res.statusCode).toBe(403);
    expect((await payments().getPayment(serviceCtx(server, admin), p.id)).status).toBe('PENDING');
  });
});

describe('refunds', () => {
  async function captured(amount = 10_000) {
    const p = await newPayment('test', amount);
    await payments().charge(serviceCtx(server, customer), p.id, 'tok_success');
    return p;
  }
  const refund = (id: string, body: object, headers: Record<string, string> = {}) =>
    as(admin).post(`/admin/payments/${id}/refunds`, body, headers);

  it('refunds in parts up to the captured amount, then refuses', async () => {
    const p = await captured();
    expect((await refund(p.id, { amount: 4_000, reason: 'damaged item' })).statusCode).toBe(201);
    expect((await payments().getPayment(serviceCtx(server, admin), p.id)).status).toBe('PARTIALLY_REFUNDED');
    const over = await refund(p.id, { amount: 6_001, reason: 'too much' });
    expect(over.statusCode).toBe(409);
    expect(over.json().refundable).toBe(6_000);
    expect((await refund(p.id, { reason: 'the rest' })).json().amount.amount).toBe(6_000);
    expect((await payments().getPayment(serviceCtx(server, admin), p.id)).status).toBe('REFUNDED');
  });

  it('never refunds more than was captured when refunds race', async () => {
    const p = await captured(10_000);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => refund(p.id, { amount: 3_000, reason: 'race' })),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(3);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(7);
    const after = await payments().getPayment(serviceCtx(server, admin), p.id);
    expect(after.refunded.amount).toBe(9_000);
  });

  it('returns the same refund for a retried Idempotency-Key', async () => {
    const p = await captured();
    const first = await refund(p.id, { amount: 1_000, reason: 'retry' }, { 'idempotency-key': 'k-1' });
    const second = await refund(p.id, { amount: 1_000, reason: 'retry' }, { 'idempotency-key': 'k-1' });
    expect(second.json().id).toBe(first.json().id);
    expect((await payments().getPayment(serviceCtx(server, admin), p.id)).refunded.amount).toBe(1_000);
  });

  it('is for admins only and refuses uncaptured payments', async () => {
    const p = await captured();
    const res = await as(customer).post(`/admin/payments/${p.id}/refunds`, { reason: 'mine' });
    expect(res.statusCode).toBe(403);
    const pending = await newPayment('cod');
    expect((await refund(pending.id, { reason: 'nothing taken' })).statusCode).toBe(409);
    expect((await refund(p.id, { amount: 0, reason: 'zero' })).statusCode).toBe(400);
  });
});
