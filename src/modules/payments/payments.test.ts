import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, serviceCtx, type TestUser } from '../../../test/factories.ts';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import { newId } from '../../platform/ids.ts';
import { canTransition, PAYMENT_STATUSES, PAYMENT_TRANSITIONS } from './payments.status.ts';
import { stripeTestSignature } from './providers/stripe.ts';

/** A stand-in for the providers' HTTP APIs on loopback, answering as their documentation shows. */
function providerStandIn() {
  const calls: { method: string; url: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      calls.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.setHeader('content-type', 'application/json');
      const form = new URLSearchParams(body);
      if (req.url === '/v1/payment_intents') {
        const declined = form.get('payment_method') === 'pm_card_chargeDeclined';
        if (declined) {
          res.statusCode = 402;
          res.end(
            JSON.stringify({
              error: {
                type: 'card_error',
                code: 'card_declined',
                decline_code: 'generic_decline',
                message: 'Your card was declined.',
                payment_intent: { id: 'pi_declined', object: 'payment_intent' },
              },
            }),
          );
          return;
        }
        res.end(
          JSON.stringify({
            id: `pi_${calls.length}`,
            object: 'payment_intent',
            status: 'succeeded',
            amount: Number(form.get('amount')),
            currency: form.get('currency'),
            latest_charge: {
              id: 'ch_1',
              object: 'charge',
              payment_method_details: { card: { last4: '4242', brand: 'visa' } },
            },
          }),
        );
      } else if (req.url === '/v1/refunds') {
        res.end(
          JSON.stringify({
            id: `re_${calls.length}`,
            object: 'refund',
            status: 'succeeded',
            amount: Number(form.get('amount')),
          }),
        );
      } else if (req.url === '/v1/orders') {
        const json = JSON.parse(body);
        res.end(
          JSON.stringify({
            id: `order_RZP${calls.length}`,
            entity: 'order',
            amount: json.amount,
            currency: json.currency,
            status: 'created',
          }),
        );
      } else if (req.url?.startsWith('/v1/payments/pay_RZP1/capture')) {
        res.end(
          JSON.stringify({ id: 'pay_RZP1', entity: 'payment', status: 'captured', method: 'upi', fee: 236 }),
        );
      } else if (req.url?.startsWith('/v1/payments/pay_RZP1/refund')) {
        res.end(JSON.stringify({ id: 'rfnd_1', entity: 'refund', status: 'processed' }));
      } else {
        res.statusCode = 404;
        res.end(JSON.stringify({ error: { description: 'not found' } }));
      }
    });
  });
  return { server, calls };
}

const stand = providerStandIn();
let server: TestServer;
let customer: TestUser;
let other: TestUser;
let admin: TestUser;
let agent: TestUser;

beforeAll(async () => {
  await new Promise<void>((resolve) => stand.server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(stand.server.address() as AddressInfo).port}`;
  server = await createTestServer({
    config: {
      STRIPE_SECRET_KEY: 'sk_test_bazaar',
      STRIPE_WEBHOOK_SECRET: 'whsec_test_bazaar',
      STRIPE_API_BASE: base,
      RAZORPAY_KEY_ID: 'rzp_test_key',
      RAZORPAY_KEY_SECRET: 'rzp_test_secret',
      RAZORPAY_WEBHOOK_SECRET: 'rzp_webhook_secret',
      RAZORPAY_API_BASE: base,
    },
  });
  customer = await createUser(server);
  other = await createUser(server);
  admin = await createUser(server, { roles: ['ADMIN'] });
  agent = await createUser(server, { roles: ['DELIVERY_AGENT'] });
});
afterAll(async () => {
  await server?.destroy();
  stand.server.close();
});

const payments = () => server.modules.payments.service;

async function newPayment(provider: string, amount = 10_000, user: TestUser | null = customer) {
  const ctx = serviceCtx(server, user);
  return payments().createPayment(ctx.db, ctx, {
    orderId: newId(),
    userId: user?.id ?? null,
    amount,
    currency: 'INR',
    provider,
  });
}

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
    const res = await server.app.inject({
      method: 'POST',
      url: `/api/v1/payments/${p.id}/confirm`,
      headers: customer.headers,
      payload: { confirmation: 'ok' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('CAPTURED');
    const again = await server.app.inject({
      method: 'POST',
      url: `/api/v1/payments/${p.id}/confirm`,
      headers: customer.headers,
      payload: { confirmation: 'ok' },
    });
    expect(again.statusCode).toBe(409);
  });

  it('hides a payment from another user and unknown ids alike', async () => {
    const p = await newPayment('test');
    expect(
      (await server.app.inject({ method: 'GET', url: `/api/v1/payments/${p.id}`, headers: other.headers }))
        .statusCode,
    ).toBe(404);
    expect(
      (await server.app.inject({ method: 'GET', url: `/api/v1/payments/${p.id}`, headers: customer.headers }))
        .statusCode,
    ).toBe(200);
    expect(
      (
        await server.app.inject({
          method: 'GET',
          url: '/api/v1/payments/not-a-uuid',
          headers: customer.headers,
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('cash on delivery', () => {
  it('stays pending until a delivery agent collects the exact amount', async () => {
    const p = await newPayment('cod', 5_000);
    const ctx = serviceCtx(server, customer);
    expect((await payments().charge(ctx, p.id, undefined)).status).toBe('PENDING');
    const url = `/api/v1/payments/${p.id}/collect`;
    expect(
      (
        await server.app.inject({
          method: 'POST',
          url,
          headers: customer.headers,
          payload: { amount: 5_000 },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await server.app.inject({ method: 'POST', url, headers: agent.headers, payload: { amount: 4_000 } }))
        .statusCode,
    ).toBe(400);
    const ok = await server.app.inject({
      method: 'POST',
      url,
      headers: agent.headers,
      payload: { amount: 5_000 },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'CAPTURED', captured: { amount: 5_000 } });
    expect(
      (await server.app.inject({ method: 'POST', url, headers: agent.headers, payload: { amount: 5_000 } }))
        .statusCode,
    ).toBe(409);
  });
});

describe('refunds', () => {
  async function captured(amount = 10_000) {
    const p = await newPayment('test', amount);
    await payments().charge(serviceCtx(server, customer), p.id, 'tok_success');
    return p;
  }
  const refund = (id: string, body: object, headers: Record<string, string> = {}) =>
    server.app.inject({
      method: 'POST',
      url: `/api/v1/admin/payments/${id}/refunds`,
      headers: { ...admin.headers, ...headers },
      payload: body,
    });

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
    const res = await server.app.inject({
      method: 'POST',
      url: `/api/v1/admin/payments/${p.id}/refunds`,
      headers: customer.headers,
      payload: { reason: 'mine' },
    });
    expect(res.statusCode).toBe(403);
    const pending = await newPayment('cod');
    expect((await refund(pending.id, { reason: 'nothing taken' })).statusCode).toBe(409);
    expect((await refund(p.id, { amount: 0, reason: 'zero' })).statusCode).toBe(400);
  });
});

describe('Stripe', () => {
  it('charges through the PaymentIntents API with an idempotency key', async () => {
    const p = await newPayment('stripe', 2_500);
    const charged = await payments().charge(serviceCtx(server, customer), p.id, 'pm_card_visa');
    expect(charged).toMatchObject({ status: 'CAPTURED', cardLast4: '4242', cardBrand: 'visa' });
    const call = stand.calls.findLast((c) => c.url === '/v1/payment_intents')!;
    expect(call.headers['idempotency-key']).toBe(`${p.id}:charge:0`);
    expect(new URLSearchParams(call.body).get('amount')).toBe('2500');
  });

  it('records a declined card as a failed payment', async () => {
    const p = await newPayment('stripe', 2_500);
    const charged = await payments().charge(serviceCtx(server, customer), p.id, 'pm_card_chargeDeclined');
    expect(charged).toMatchObject({ status: 'FAILED', errorCode: 'generic_decline' });
  });

  function webhook(event: object, secret = 'whsec_test_bazaar') {
    const payload = JSON.stringify(event);
    return server.app.inject({
      method: 'POST',
      url: '/api/v1/payments/webhooks/stripe',
      headers: {
        'content-type': 'application/json',
        'stripe-signature': stripeTestSignature(payload, secret),
      },
      payload,
    });
  }

  it('applies a signed webhook once, ignores replays, stale events and bad signatures', async () => {
    const p = await newPayment('stripe', 7_000);
    await server.database.db
      .updateTable('payments')
      .set({ provider_transaction_id: 'pi_async_1', status: 'REQUIRES_ACTION' })
      .where('id', '=', p.id)
      .execute();
    const succeeded = {
      id: 'evt_1',
      object: 'event',
      type: 'payment_intent.succeeded',
      data: { object: { id: 'pi_async_1', object: 'payment_intent', amount: 7_000 } },
    };
    expect((await webhook(succeeded, 'whsec_wrong')).statusCode).toBe(400);
    const first = await webhook(succeeded);
    expect(first.statusCode).toBe(200);
    expect(first.json().duplicate).toBe(false);
    expect((await payments().getPayment(serviceCtx(server, admin), p.id)).status).toBe('CAPTURED');
    expect((await webhook(succeeded)).json().duplicate).toBe(true);
    const stale = { ...succeeded, id: 'evt_0', type: 'payment_intent.payment_failed' };
    expect((await webhook(stale)).statusCode).toBe(200);
    const after = await payments().getPayment(serviceCtx(server, admin), p.id);
    expect(after).toMatchObject({ status: 'CAPTURED', captured: { amount: 7_000 } });
  });

  it('refunds through the Refunds API', async () => {
    const p = await newPayment('stripe', 2_000);
    await payments().charge(serviceCtx(server, customer), p.id, 'pm_card_visa');
    const r = await payments().refund(serviceCtx(server, admin), p.id, { reason: 'returned' });
    expect(r.status).toBe('SUCCEEDED');
    expect(stand.calls.findLast((c) => c.url === '/v1/refunds')!.headers['idempotency-key']).toBe(
      `${r.id}:refund`,
    );
  });
});

describe('Razorpay', () => {
  const sign = (data: string, secret: string) => createHmac('sha256', secret).update(data).digest('hex');

  it('creates an order, verifies the checkout signature and captures', async () => {
    const p = await newPayment('razorpay', 49_900);
    const started = await payments().charge(serviceCtx(server, customer), p.id, undefined);
    expect(started.status).toBe('REQUIRES_ACTION');
    expect(started.nextAction).toMatchObject({
      orderId: expect.stringMatching(/^order_RZP/),
      keyId: 'rzp_test_key',
    });
    const bad = await payments().confirm(serviceCtx(server, customer), p.id, {
      razorpayPaymentId: 'pay_RZP1',
      razorpaySignature: 'deadbeef',
    });
    expect(bad.status).toBe('FAILED');
    const q = await newPayment('razorpay', 49_900);
    const orderId = (await payments().charge(serviceCtx(server, customer), q.id, undefined)).nextAction!
      .orderId as string;
    const ok = await payments().confirm(serviceCtx(server, customer), q.id, {
      razorpayPaymentId: 'pay_RZP1',
      razorpaySignature: sign(`${orderId}|pay_RZP1`, 'rzp_test_secret'),
    });
    expect(ok).toMatchObject({ status: 'CAPTURED', captured: { amount: 49_900 } });
    const refund = await payments().refund(serviceCtx(server, admin), q.id, {
      amount: 9_900,
      reason: 'partial',
    });
    expect(refund.status).toBe('SUCCEEDED');
  });

  it('verifies webhook signatures over the raw body', async () => {
    const p = await newPayment('razorpay', 1_000);
    await server.database.db
      .updateTable('payments')
      .set({ provider_transaction_id: 'order_HOOK3', status: 'REQUIRES_ACTION' })
      .where('id', '=', p.id)
      .execute();
    const body = JSON.stringify({
      event: 'payment.captured',
      payload: { payment: { entity: { id: 'pay_X', order_id: 'order_HOOK3', amount: 1_000 } } },
    });
    const send = (signature: string) =>
      server.app.inject({
        method: 'POST',
        url: '/api/v1/payments/webhooks/razorpay',
        headers: {
          'content-type': 'application/json',
          'x-razorpay-signature': signature,
          'x-razorpay-event-id': 'rzp_evt_1',
        },
        payload: body,
      });
    expect((await send(sign(body, 'not-the-secret'))).statusCode).toBe(400);
    expect((await send(sign(body, 'rzp_webhook_secret'))).json().duplicate).toBe(false);
    expect((await send(sign(body, 'rzp_webhook_secret'))).json().duplicate).toBe(true);
    expect((await payments().getPayment(serviceCtx(server, admin), p.id)).status).toBe('CAPTURED');
  });
});
