import crypto, { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import {
  anonymous,
  as,
  checkout,
  createAdmin,
  createCart,
  createCustomer,
  createOffer,
  createPayment,
  createStore,
  serviceCtx,
  type TestUser,
} from '../../../test/kit/index.ts';
import { transactionRetries } from '../../platform/db/transaction.ts';
import { stripeTestSignature } from './providers/stripe.ts';

// Payments through the card providers' APIs (Stripe, Razorpay) and their webhooks, against a
// stand-in on loopback: charges, refunds that settle later, and captures racing cancellations.

/** A stand-in for the providers' HTTP APIs on loopback, answering as their documentation shows. */
function providerStandIn() {
  const calls: { method: string; url: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
  /** Stripe PaymentIntents and Refunds it created, by id (so retrieve, search and cancel answer). */
  const intents = new Map<string, Record<string, unknown>>();
  const refunds = new Map<string, Record<string, unknown>>();
  /** How refunds of a PaymentIntent or Razorpay payment are answered: 'pending' or 'unavailable' (503). */
  const refundMode = new Map<string, 'pending' | 'unavailable'>();
  /** Razorpay payments made against a Razorpay order, by order id. */
  const orderPayments = new Map<string, Record<string, unknown>[]>();
  /** Requests for these paths are answered only when the test releases them. */
  const held = new Map<string, () => void>();
  const holds = new Map<string, Promise<void>>();
  let n = 0;
  const json = (res: http.ServerResponse, status: number, body: unknown) => {
    res.statusCode = status;
    res.end(JSON.stringify(body));
  };
  function stripeIntent(form: URLSearchParams, res: http.ServerResponse, req: http.IncomingMessage) {
    const method = form.get('payment_method');
    if (method === 'pm_card_chargeDeclined') {
      return json(res, 402, {
        error: {
          type: 'card_error',
          code: 'card_declined',
          decline_code: 'generic_decline',
          message: 'Your card was declined.',
          payment_intent: { id: 'pi_declined', object: 'payment_intent' },
        },
      });
    }
    const key = String(req.headers['idempotency-key']);
    const known = [...intents.values()].find((i) => i.idempotency_key === key);
    const status =
      method === 'pm_requires_action'
        ? 'requires_action'
        : method === 'pm_processing'
          ? 'processing'
          : 'succeeded';
    const intent = known ?? {
      id: `pi_${++n}`,
      object: 'payment_intent',
      status,
      amount: Number(form.get('amount')),
      currency: form.get('currency'),
      metadata: { paymentId: form.get('metadata[paymentId]') },
      idempotency_key: key,
      ...(status === 'requires_action'
        ? { next_action: { type: 'use_stripe_sdk' }, client_secret: 'secret' }
        : {}),
      latest_charge: {
        id: 'ch_1',
        object: 'charge',
        payment_method_details: { card: { last4: '4242', brand: 'visa' } },
      },
    };
    intents.set(intent.id as string, intent);
    // the charge happened, but its answer is lost on the way back
    if (method === 'pm_lost_answer') return req.socket.destroy();
    return json(res, 200, intent);
  }
  function stripeRefund(form: URLSearchParams, res: http.ServerResponse) {
    const pi = form.get('payment_intent') ?? '';
    const mode = refundMode.get(pi);
    if (mode === 'unavailable') return json(res, 503, { error: { type: 'api_error', message: 'down' } });
    const refund = {
      id: `re_${++n}`,
      object: 'refund',
      status: mode === 'pending' ? 'pending' : 'succeeded',
      amount: Number(form.get('amount')),
      payment_intent: pi,
      metadata: { refundId: form.get('metadata[refundId]') },
    };
    refunds.set(refund.id, refund);
    return json(res, 200, refund);
  }
  function razorpay(req: http.IncomingMessage, body: string, res: http.ServerResponse) {
    const url = req.url ?? '';
    if (url === '/v1/orders') {
      const order = JSON.parse(body);
      return json(res, 200, {
        id: `order_RZP${++n}`,
        entity: 'order',
        amount: order.amount,
        currency: order.currency,
        status: 'created',
        notes: order.notes,
      });
    }
    const payments = url.match(/^\/v1\/orders\/([^/]+)\/payments$/);
    if (payments) {
      const items = orderPayments.get(payments[1]!) ?? [];
      return json(res, 200, { entity: 'collection', count: items.length, items });
    }
    if (url.startsWith('/v1/payments/pay_RZP1/capture')) {
      return json(res, 200, {
        id: 'pay_RZP1',
        entity: 'payment',
        status: 'captured',
        method: 'upi',
        fee: 236,
      });
    }
    const refund = url.match(/^\/v1\/payments\/([^/]+)\/refund$/);
    if (refund) {
      const pending = refundMode.get(refund[1]!) === 'pending';
      const r = {
        id: `rfnd_${++n}`,
        entity: 'refund',
        payment_id: refund[1],
        status: pending ? 'pending' : 'processed',
      };
      refunds.set(r.id, r);
      return json(res, 200, r);
    }
    const fetched = url.match(/^\/v1\/refunds\/([^/]+)$/);
    if (fetched && refunds.has(fetched[1]!)) return json(res, 200, refunds.get(fetched[1]!));
    return json(res, 404, { error: { description: 'not found' } });
  }
  function stripe(req: http.IncomingMessage, body: string, res: http.ServerResponse) {
    const url = new URL(req.url ?? '', 'http://stand.in');
    const form = new URLSearchParams(body);
    if (url.pathname === '/v1/payment_intents' && req.method === 'POST') return stripeIntent(form, res, req);
    if (url.pathname === '/v1/payment_intents/search') {
      const wanted = /metadata\['paymentId'\]:'([^']+)'/.exec(url.searchParams.get('query') ?? '')?.[1];
      const data = [...intents.values()].filter(
        (i) => (i.metadata as { paymentId?: string }).paymentId === wanted,
      );
      return json(res, 200, { object: 'search_result', data, has_more: false });
    }
    const cancel = url.pathname.match(/^\/v1\/payment_intents\/([^/]+)\/cancel$/);
    if (cancel) {
      const intent = intents.get(cancel[1]!);
      if (!intent)
        return json(res, 404, { error: { type: 'invalid_request_error', message: 'No such intent' } });
      if (intent.status === 'succeeded') {
        return json(res, 400, {
          error: {
            type: 'invalid_request_error',
            code: 'payment_intent_unexpected_state',
            message: 'This PaymentIntent could not be canceled because it has a status of succeeded.',
          },
        });
      }
      intent.status = 'canceled';
      return json(res, 200, intent);
    }
    const intent = url.pathname.match(/^\/v1\/payment_intents\/([^/]+)$/);
    if (intent && intents.has(intent[1]!)) return json(res, 200, intents.get(intent[1]!));
    if (url.pathname === '/v1/refunds' && req.method === 'POST') return stripeRefund(form, res);
    const refund = url.pathname.match(/^\/v1\/refunds\/([^/]+)$/);
    if (refund && refunds.has(refund[1]!)) return json(res, 200, refunds.get(refund[1]!));
    return razorpay(req, body, res);
  }
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', async () => {
      calls.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.setHeader('content-type', 'application/json');
      const path = new URL(req.url ?? '', 'http://stand.in').pathname;
      await holds.get(path);
      stripe(req, body, res);
    });
  });
  /** Holds the answers to `path` until the returned function is called. */
  function hold(path: string): () => void {
    let release!: () => void;
    holds.set(
      path,
      new Promise<void>((resolve) => {
        release = () => {
          holds.delete(path);
          resolve();
        };
      }),
    );
    held.set(path, release);
    return release;
  }
  return { server, calls, intents, refunds, refundMode, orderPayments, hold };
}

const stand = providerStandIn();
let server: TestServer;
let customer: TestUser;
let admin: TestUser;

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
  customer = await createCustomer(server);
  admin = await createAdmin(server);
});
afterAll(async () => {
  await server?.destroy();
  stand.server.close();
});

const payments = () => server.modules.payments.service;

const newPayment = (provider: string, amount = 10_000, user: TestUser | null = customer) =>
  createPayment(server, { provider, amount, user });

const rzpSign = (data: string, secret: string) => createHmac('sha256', secret).update(data).digest('hex');

/** An order checked out through the real flow, paid with `provider` and `token`. */
async function placeOrder(provider: string, token?: string, price = 10_000) {
  const offer = await createOffer(server, { price, stock: 5 });
  const cartId = await createCart(customer, [{ offerId: offer.offerId, quantity: 1 }]);
  const res = await checkout(customer, cartId, { payment: { provider, ...(token ? { token } : {}) } });
  if (res.statusCode !== 201) throw new Error(`checkout: ${res.statusCode} ${res.body}`);
  const placed = res.json();
  return {
    order: placed.order as { id: string; status: string; totals: { total: { amount: number } } },
    payment: placed.payment as { id: string; status: string; nextAction?: Record<string, unknown> },
    total: placed.order.totals.total.amount as number,
  };
}

const paymentRow = (id: string) =>
  server.database.db.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const refundRows = (paymentId: string) =>
  server.database.db
    .selectFrom('refunds')
    .selectAll()
    .where('payment_id', '=', paymentId)
    .orderBy('created_at')
    .execute();
const cancelOrder = (orderId: string) => as(customer).post(`/orders/${orderId}/cancel`, {});

function stripeWebhook(event: object, headers: Record<string, string> = {}, secret = 'whsec_test_bazaar') {
  const payload = JSON.stringify(event);
  return anonymous(server).post('/payments/webhooks/stripe', payload, {
    'content-type': 'application/json',
    'stripe-signature': stripeTestSignature(payload, secret),
    ...headers,
  });
}

function razorpayWebhook(body: object, headers: Record<string, string> = {}) {
  const payload = JSON.stringify(body);
  return anonymous(server).post('/payments/webhooks/razorpay', payload, {
    'content-type': 'application/json',
    'x-razorpay-signature': rzpSign(payload, 'rzp_webhook_secret'),
    ...headers,
  });
}

const intentSucceeded = (id: string, pi: string, amount: number, extra: object = {}) => ({
  id,
  object: 'event',
  type: 'payment_intent.succeeded',
  data: { object: { id: pi, object: 'payment_intent', amount, currency: 'inr', ...extra } },
});

async function until(check: () => boolean | Promise<boolean>, ms = 10_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function setPayment(
  id: string,
  patch: { provider_transaction_id?: string; status?: 'REQUIRES_ACTION' },
) {
  await server.database.db.updateTable('payments').set(patch).where('id', '=', id).execute();
}

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
    expect((await stripeWebhook(succeeded, {}, 'whsec_wrong')).statusCode).toBe(400);
    const first = await stripeWebhook(succeeded);
    expect(first.statusCode).toBe(200);
    expect(first.json().duplicate).toBe(false);
    expect((await payments().getPayment(serviceCtx(server, admin), p.id)).status).toBe('CAPTURED');
    expect((await stripeWebhook(succeeded)).json().duplicate).toBe(true);
    const stale = { ...succeeded, id: 'evt_0', type: 'payment_intent.payment_failed' };
    expect((await stripeWebhook(stale)).statusCode).toBe(200);
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
      razorpaySignature: rzpSign(`${orderId}|pay_RZP1`, 'rzp_test_secret'),
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
      anonymous(server).post('/payments/webhooks/razorpay', body, {
        'content-type': 'application/json',
        'x-razorpay-signature': signature,
        'x-razorpay-event-id': 'rzp_evt_1',
      });
    expect((await send(rzpSign(body, 'not-the-secret'))).statusCode).toBe(400);
    expect((await send(rzpSign(body, 'rzp_webhook_secret'))).json().duplicate).toBe(false);
    expect((await send(rzpSign(body, 'rzp_webhook_secret'))).json().duplicate).toBe(true);
    expect((await payments().getPayment(serviceCtx(server, admin), p.id)).status).toBe('CAPTURED');
  });
});

describe('a capture after a cancellation', () => {
  it('cancels the PaymentIntent at Stripe, and refunds a capture webhook that still arrives', async () => {
    const { order, payment, total } = await placeOrder('stripe', 'pm_requires_action');
    expect(payment.status).toBe('REQUIRES_ACTION');
    const pi = (await paymentRow(payment.id)).provider_transaction_id!;
    expect((await cancelOrder(order.id)).json().paymentStatus).toBe('CANCELLED');
    await server.worker.drain();
    expect(stand.calls.some((c) => c.method === 'POST' && c.url === `/v1/payment_intents/${pi}/cancel`)).toBe(
      true,
    );
    const hook = await stripeWebhook(intentSucceeded(`evt_late_${pi}`, pi, total));
    expect(hook.json()).toEqual({ received: true, duplicate: false });
    expect(await paymentRow(payment.id)).toMatchObject({ status: 'CAPTURED', captured_amount: total });
    await server.worker.drain();
    expect(await paymentRow(payment.id)).toMatchObject({ status: 'REFUNDED', refunded_amount: total });
    expect(
      stand.calls.some(
        (c) => c.url === '/v1/refunds' && new URLSearchParams(c.body).get('payment_intent') === pi,
      ),
    ).toBe(true);
    expect((await as(customer).get(`/orders/${order.id}`)).json()).toMatchObject({
      status: 'CANCELLED',
      paymentStatus: 'REFUNDED',
    });
  });

  it('refunds the capture a confirmation in flight brings back after the order was cancelled', async () => {
    const { order, payment } = await placeOrder('stripe', 'pm_requires_action');
    const pi = (await paymentRow(payment.id)).provider_transaction_id!;
    const release = stand.hold(`/v1/payment_intents/${pi}`);
    const confirming = as(customer).post(`/payments/${payment.id}/confirm`, {});
    await until(() =>
      stand.calls.some((c) => c.method === 'GET' && c.url.startsWith(`/v1/payment_intents/${pi}`)),
    );
    stand.intents.get(pi)!.status = 'succeeded';
    expect((await cancelOrder(order.id)).json().status).toBe('CANCELLED');
    release();
    const confirmed = await confirming;
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'CAPTURED' });
    await server.worker.drain();
    expect(await paymentRow(payment.id)).toMatchObject({ status: 'REFUNDED' });
  });

  it('records and refunds a test-provider confirmation completed after the cancel', async () => {
    const { order, payment, total } = await placeOrder('test', 'tok_confirm');
    await cancelOrder(order.id);
    const confirmed = await as(customer).post(`/payments/${payment.id}/confirm`, { confirmation: 'ok' });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'CAPTURED', captured: { amount: total } });
    await server.worker.drain();
    expect(await paymentRow(payment.id)).toMatchObject({ status: 'REFUNDED', refunded_amount: total });
  });

  it('takes no money for a test-provider confirmation once the cancel reached the provider', async () => {
    const { order, payment } = await placeOrder('test', 'tok_confirm');
    await cancelOrder(order.id);
    await server.worker.drain();
    const confirmed = await as(customer).post(`/payments/${payment.id}/confirm`, { confirmation: 'ok' });
    expect(confirmed.statusCode).toBe(409);
    expect(await paymentRow(payment.id)).toMatchObject({ status: 'CANCELLED', captured_amount: 0 });
  });

  it('refunds a Razorpay capture webhook after a cancel, through the Razorpay payment id', async () => {
    const { order, payment, total } = await placeOrder('razorpay');
    const rzpOrder = payment.nextAction!.orderId as string;
    await cancelOrder(order.id);
    await server.worker.drain();
    const hook = await razorpayWebhook({
      entity: 'event',
      event: 'payment.captured',
      created_at: 1_790_000_000,
      payload: {
        payment: {
          entity: { id: 'pay_LATE1', order_id: rzpOrder, amount: total, currency: 'INR', status: 'captured' },
        },
      },
    });
    expect(hook.json().duplicate).toBe(false);
    expect(await paymentRow(payment.id)).toMatchObject({
      status: 'CAPTURED',
      provider_reference: 'pay_LATE1',
    });
    await server.worker.drain();
    expect(stand.calls.some((c) => c.url === '/v1/payments/pay_LATE1/refund')).toBe(true);
    expect(await paymentRow(payment.id)).toMatchObject({ status: 'REFUNDED', refunded_amount: total });
  });
});

describe('a charge without an answer', () => {
  it('leaves a charge whose answer was lost PENDING and settles it from the provider', async () => {
    const { order, payment } = await placeOrder('stripe', 'pm_lost_answer');
    expect(order.status).toBe('PENDING');
    expect(payment).toMatchObject({ status: 'PENDING', errorCode: 'provider_no_answer' });
    await server.worker.drain();
    expect(stand.calls.some((c) => c.url.startsWith('/v1/payment_intents/search'))).toBe(true);
    expect(await paymentRow(payment.id)).toMatchObject({ status: 'CAPTURED', error_code: null });
    expect((await as(customer).get(`/orders/${order.id}`)).json().status).toBe('PAID');
  });

  it('matches a webhook to its payment by the signed metadata when the intent id was never recorded', async () => {
    const p = await newPayment('stripe', 3_000);
    const hook = await stripeWebhook(
      intentSucceeded('evt_meta_1', 'pi_meta_1', 3_000, { metadata: { paymentId: p.id } }),
    );
    expect(hook.statusCode).toBe(200);
    expect(await paymentRow(p.id)).toMatchObject({
      status: 'CAPTURED',
      provider_transaction_id: 'pi_meta_1',
    });
  });

  it('finds the payment of a webhook delivered to another store’s host', async () => {
    const other = await createStore(server, { name: 'Other store' });
    const p = await newPayment('stripe', 3_000);
    await setPayment(p.id, { provider_transaction_id: 'pi_other_store', status: 'REQUIRES_ACTION' });
    const hook = await stripeWebhook(intentSucceeded('evt_other_store', 'pi_other_store', 3_000), {
      'x-store-id': other.id,
    });
    expect(hook.statusCode).toBe(200);
    expect((await paymentRow(p.id)).status).toBe('CAPTURED');
    const event = await server.database.db
      .selectFrom('payment_events')
      .selectAll()
      .where('event_id', '=', 'evt_other_store')
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({
      outcome: 'applied',
      payment_id: p.id,
      store_id: serviceCtx(server).storeId,
    });
  });

  it('flags the payment for staff when the provider has not settled it by the last attempt', async () => {
    const p = await newPayment('stripe', 3_000);
    expect((await payments().charge(serviceCtx(server, customer), p.id, 'pm_processing')).status).toBe(
      'PENDING',
    );
    const db = server.database.db;
    const job = await db
      .selectFrom('jobs')
      .selectAll()
      .where('queue', '=', 'payments.reconcile')
      .where('dedupe_key', 'like', `%${p.id}%`)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('jobs')
      .set({ attempts: job.max_attempts - 1, run_at: new Date(Date.now() - 1000) })
      .where('id', '=', job.id)
      .execute();
    await server.worker.drain();
    const after = await db.selectFrom('jobs').selectAll().where('id', '=', job.id).executeTakeFirstOrThrow();
    expect(after.status).toBe('dead');
    expect(await paymentRow(p.id)).toMatchObject({
      status: 'PENDING',
      error_code: 'reconciliation_exhausted',
    });
  });

  it('keeps asking the provider for more than a day, and retries refunds for about a day', () => {
    const span = (queue: string) => {
      const o = server.jobs.registered(queue)!.options;
      let total = 0;
      for (let attempt = 1; attempt < o.maxAttempts; attempt++)
        total += Math.min(o.backoffMs * 2 ** (attempt - 1), o.maxBackoffMs) * 0.8; // the shortest jitter
      return total / 3_600_000;
    };
    expect(span('payments.reconcile')).toBeGreaterThanOrEqual(24);
    expect(span('orders.refund-cancelled')).toBeGreaterThanOrEqual(20);
  });
});

describe('webhook checks', () => {
  it('records a webhook whose currency or amount differs from the payment without applying it', async () => {
    const p = await newPayment('stripe', 7_000);
    await setPayment(p.id, { provider_transaction_id: 'pi_mismatch', status: 'REQUIRES_ACTION' });
    const usd = { ...intentSucceeded('evt_mm_usd', 'pi_mismatch', 7_000) };
    usd.data.object.currency = 'usd';
    expect((await stripeWebhook(usd)).statusCode).toBe(200);
    expect((await stripeWebhook(intentSucceeded('evt_mm_more', 'pi_mismatch', 8_000))).statusCode).toBe(200);
    expect((await paymentRow(p.id)).status).toBe('REQUIRES_ACTION');
    const outcomes = await server.database.db
      .selectFrom('payment_events')
      .select(['event_id', 'outcome'])
      .where('event_id', 'in', ['evt_mm_usd', 'evt_mm_more'])
      .orderBy('event_id')
      .execute();
    expect(outcomes.map((o) => o.outcome)).toEqual(['mismatch', 'mismatch']);
    await stripeWebhook(intentSucceeded('evt_mm_less', 'pi_mismatch', 7_000, { amount_received: 6_000 }));
    expect(await paymentRow(p.id)).toMatchObject({ status: 'CAPTURED', captured_amount: 6_000 });
  });

  it('takes the Razorpay event id from the signed body, not from the unsigned header', async () => {
    const p = await newPayment('razorpay', 1_000);
    await setPayment(p.id, { provider_transaction_id: 'order_EVTID1', status: 'REQUIRES_ACTION' });
    const body = {
      entity: 'event',
      event: 'payment.authorized',
      created_at: 1_790_000_001,
      payload: {
        payment: { entity: { id: 'pay_EVTID1', order_id: 'order_EVTID1', amount: 1_000, currency: 'INR' } },
      },
    };
    expect((await razorpayWebhook(body, { 'x-razorpay-event-id': 'one' })).json().duplicate).toBe(false);
    expect((await razorpayWebhook(body, { 'x-razorpay-event-id': 'two' })).json().duplicate).toBe(true);
  });

  it('compares Razorpay signatures in constant time and refuses one of another length', async () => {
    const p = await newPayment('razorpay', 1_000);
    await setPayment(p.id, { provider_transaction_id: 'order_CT1', status: 'REQUIRES_ACTION' });
    const body = JSON.stringify({
      entity: 'event',
      event: 'payment.failed',
      created_at: 1_790_000_002,
      payload: {
        payment: { entity: { id: 'pay_CT1', order_id: 'order_CT1', amount: 1_000, currency: 'INR' } },
      },
    });
    const send = (signature: string) =>
      anonymous(server).post('/payments/webhooks/razorpay', body, {
        'content-type': 'application/json',
        'x-razorpay-signature': signature,
      });
    const spy = vi.spyOn(crypto, 'timingSafeEqual');
    try {
      expect((await send('abc')).statusCode).toBe(400);
      expect((await send(rzpSign(body, 'rzp_webhook_secret'))).statusCode).toBe(200);
      expect(spy).toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });
});

describe('refunds that settle later', () => {
  async function capturedStripe(amount: number) {
    const p = await newPayment('stripe', amount);
    await payments().charge(serviceCtx(server, customer), p.id, 'pm_card_visa');
    return { p, pi: (await paymentRow(p.id)).provider_transaction_id! };
  }
  const refundEvent = (id: string, type: string, refund: object) => ({
    id,
    object: 'event',
    type,
    data: { object: { object: 'refund', ...refund } },
  });

  it('settles a pending Stripe refund by its webhook', async () => {
    const { p, pi } = await capturedStripe(4_000);
    stand.refundMode.set(pi, 'pending');
    const r = await payments().refund(serviceCtx(server, admin), p.id, { reason: 'returned' });
    expect(r.status).toBe('PENDING');
    expect(await paymentRow(p.id)).toMatchObject({ status: 'CAPTURED', refunded_amount: 4_000 });
    const re = (await refundRows(p.id))[0]!.provider_refund_id!;
    const hook = await stripeWebhook(
      refundEvent(`evt_${re}`, 'charge.refund.updated', {
        id: re,
        status: 'succeeded',
        amount: 4_000,
        payment_intent: pi,
        metadata: { refundId: r.id },
      }),
    );
    expect(hook.statusCode).toBe(200);
    expect((await refundRows(p.id)).map((x) => x.status)).toEqual(['SUCCEEDED']);
    expect((await paymentRow(p.id)).status).toBe('REFUNDED');
  });

  it('gives a failed pending refund back and refunds the cancelled order again', async () => {
    const { order, payment, total } = await placeOrder('stripe', 'pm_card_visa');
    const pi = (await paymentRow(payment.id)).provider_transaction_id!;
    stand.refundMode.set(pi, 'pending');
    await cancelOrder(order.id);
    await server.worker.drain();
    const [pending] = await refundRows(payment.id);
    expect(pending).toMatchObject({ status: 'PENDING', amount: total });
    await stripeWebhook(
      refundEvent(`evt_fail_${pending!.provider_refund_id}`, 'refund.updated', {
        id: pending!.provider_refund_id,
        status: 'failed',
        amount: total,
        payment_intent: pi,
        failure_reason: 'expired_or_canceled_card',
      }),
    );
    expect(await paymentRow(payment.id)).toMatchObject({ status: 'CAPTURED', refunded_amount: 0 });
    stand.refundMode.delete(pi);
    await server.worker.drain();
    expect((await refundRows(payment.id)).map((x) => x.status)).toEqual(['FAILED', 'SUCCEEDED']);
    expect(await paymentRow(payment.id)).toMatchObject({ status: 'REFUNDED', refunded_amount: total });
  });

  it('asks the provider about a pending refund until it settles', async () => {
    const { p, pi } = await capturedStripe(2_500);
    stand.refundMode.set(pi, 'pending');
    const r = await payments().refund(serviceCtx(server, admin), p.id, { reason: 'damaged' });
    const re = (await refundRows(p.id))[0]!.provider_refund_id!;
    stand.refunds.get(re)!.status = 'succeeded';
    await server.database.db
      .updateTable('jobs')
      .set({ run_at: new Date(Date.now() - 1000) })
      .where('queue', '=', 'payments.reconcile')
      .where('dedupe_key', 'like', `%${r.id}%`)
      .execute();
    await server.worker.drain();
    expect((await refundRows(p.id)).map((x) => x.status)).toEqual(['SUCCEEDED']);
    expect((await paymentRow(p.id)).status).toBe('REFUNDED');
  });

  it('sends a refund that got no answer again, under the same key, until the provider answers', async () => {
    const { order, payment, total } = await placeOrder('stripe', 'pm_card_visa');
    const pi = (await paymentRow(payment.id)).provider_transaction_id!;
    stand.refundMode.set(pi, 'unavailable');
    await cancelOrder(order.id);
    await server.worker.drain();
    const [waiting] = await refundRows(payment.id);
    expect(waiting).toMatchObject({ status: 'PENDING', provider_refund_id: null, amount: total });
    expect(await paymentRow(payment.id)).toMatchObject({ status: 'CAPTURED', refunded_amount: total });
    stand.refundMode.delete(pi);
    const db = server.database.db;
    await db
      .updateTable('refunds')
      .set({ created_at: new Date(Date.now() - 5 * 60_000) })
      .where('id', '=', waiting!.id)
      .execute();
    await db
      .updateTable('jobs')
      .set({ run_at: new Date(Date.now() - 1000) })
      .where('queue', '=', 'payments.reconcile')
      .where('dedupe_key', '=', `refund:${waiting!.id}`)
      .execute();
    await server.worker.drain();
    expect((await refundRows(payment.id)).map((r) => r.status)).toEqual(['SUCCEEDED']);
    const sent = stand.calls.filter(
      (c) => c.url === '/v1/refunds' && c.headers['idempotency-key'] === `${waiting!.id}:refund`,
    );
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(await paymentRow(payment.id)).toMatchObject({ status: 'REFUNDED', refunded_amount: total });
  });

  it('settles a pending Razorpay refund by refund.processed', async () => {
    const p = await newPayment('razorpay', 5_000);
    await setPayment(p.id, { provider_transaction_id: 'order_RF1', status: 'REQUIRES_ACTION' });
    await razorpayWebhook({
      entity: 'event',
      event: 'payment.captured',
      created_at: 1_790_000_010,
      payload: {
        payment: { entity: { id: 'pay_PEND1', order_id: 'order_RF1', amount: 5_000, currency: 'INR' } },
      },
    });
    stand.refundMode.set('pay_PEND1', 'pending');
    const r = await payments().refund(serviceCtx(server, admin), p.id, { reason: 'returned' });
    expect(r.status).toBe('PENDING');
    const rfnd = (await refundRows(p.id))[0]!.provider_refund_id!;
    const hook = await razorpayWebhook({
      entity: 'event',
      event: 'refund.processed',
      created_at: 1_790_000_020,
      payload: {
        refund: {
          entity: {
            id: rfnd,
            payment_id: 'pay_PEND1',
            amount: 5_000,
            status: 'processed',
            notes: { refundId: r.id },
          },
        },
      },
    });
    expect(hook.statusCode).toBe(200);
    expect((await refundRows(p.id)).map((x) => x.status)).toEqual(['SUCCEEDED']);
    expect((await paymentRow(p.id)).status).toBe('REFUNDED');
  });
});

describe('lock order', () => {
  it('cancels orders while their capture webhooks arrive, with no deadlock to retry', async () => {
    const placed = [];
    for (let i = 0; i < 12; i++) placed.push(await placeOrder('stripe', 'pm_requires_action', 1_000));
    const intents = await Promise.all(
      placed.map(async (p) => (await paymentRow(p.payment.id)).provider_transaction_id!),
    );
    const before = transactionRetries();
    // the webhook lands at staggered moments of the cancellation's transaction
    const later = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const answers = (
      await Promise.all(
        placed.map((p, i) =>
          Promise.all([
            cancelOrder(p.order.id),
            later(i * 3).then(() =>
              stripeWebhook(intentSucceeded(`evt_race_${intents[i]}`, intents[i]!, p.total)),
            ),
          ]),
        ),
      )
    ).flat();
    expect(answers.map((a) => a.statusCode)).toEqual(answers.map(() => 200));
    expect(transactionRetries() - before).toBe(0);
    await server.worker.drain();
    for (const p of placed) {
      expect((await paymentRow(p.payment.id)).status).toBe('REFUNDED');
      expect((await as(customer).get(`/orders/${p.order.id}`)).json().status).toBe('CANCELLED');
    }
  });
});
