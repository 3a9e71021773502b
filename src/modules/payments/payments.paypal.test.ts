import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  type PayPalStandIn,
  serviceCtx,
  startPayPal,
  type TestUser,
} from '../../../test/kit/index.ts';

// PayPal Checkout (Orders v2) against a loopback stand-in of PayPal's documented API: the buyer is
// sent to approve the order, the return confirms (captures) it; refunds go to the capture; webhooks
// are verified by PayPal's verify-webhook-signature call.

let paypal: PayPalStandIn;
let server: TestServer;
let customer: TestUser;
let admin: TestUser;

beforeAll(async () => {
  paypal = await startPayPal();
  server = await createTestServer({
    config: {
      PAYPAL_CLIENT_ID: paypal.clientId,
      PAYPAL_CLIENT_SECRET: paypal.clientSecret,
      PAYPAL_WEBHOOK_ID: paypal.webhookId,
      PAYPAL_API_URL: paypal.url,
      PUBLIC_URL: 'http://shop.localhost:3000',
    },
  });
  customer = await createCustomer(server);
  admin = await createAdmin(server);
});
afterAll(async () => {
  await server?.destroy();
  await paypal?.close();
});

const payments = () => server.modules.payments.service;
const db = () => server.database.db;
const paymentRow = (id: string) =>
  db().selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const orderOf = async (paymentId: string) => (await paymentRow(paymentId)).provider_transaction_id!;
const confirm = (paymentId: string) => as(customer).post(`/payments/${paymentId}/confirm`, {});
const callsTo = (path: string) => paypal.calls.filter((c) => c.path === path);

/** An order checked out with PayPal through the real flow. */
async function placeOrder(price = 10_000) {
  const offer = await createOffer(server, { price, stock: 5 });
  const cartId = await createCart(customer, [{ offerId: offer.offerId, quantity: 1 }]);
  const res = await checkout(customer, cartId, { payment: { provider: 'paypal' } });
  if (res.statusCode !== 201) throw new Error(`checkout: ${res.statusCode} ${res.body}`);
  const placed = res.json();
  return {
    order: placed.order as { id: string; status: string; totals: { total: { amount: number } } },
    payment: placed.payment as {
      id: string;
      status: string;
      errorCode: string | null;
      nextAction?: { type: string; url: string };
    },
    total: placed.order.totals.total.amount as number,
  };
}

/** A PayPal order approved by the buyer and captured through the return page's confirm. */
async function paidOrder(price = 10_000) {
  const placed = await placeOrder(price);
  paypal.approve(await orderOf(placed.payment.id));
  const confirmed = await confirm(placed.payment.id);
  expect(confirmed.statusCode).toBe(200);
  return placed;
}

function webhook(event: object, headers: Record<string, string> = {}) {
  const body = JSON.stringify(event);
  return anonymous(server).post('/payments/webhooks/paypal', body, {
    'content-type': 'application/json',
    ...paypal.signatureHeaders(body),
    ...headers,
  });
}

const captureCompleted = (eventId: string, orderId: string, paymentId: string, value: string) => ({
  id: eventId,
  event_version: '1.0',
  create_time: new Date().toISOString(),
  resource_type: 'capture',
  event_type: 'PAYMENT.CAPTURE.COMPLETED',
  summary: `Payment completed for INR ${value}`,
  resource: {
    id: `3C${eventId.slice(-8)}`,
    status: 'COMPLETED',
    amount: { currency_code: 'INR', value },
    custom_id: paymentId,
    supplementary_data: { related_ids: { order_id: orderId } },
  },
});

const approvedEvent = (orderId: string, paymentId: string) => ({
  id: `WH-APPROVED-${orderId}`,
  event_type: 'CHECKOUT.ORDER.APPROVED',
  resource_type: 'checkout-order',
  resource: { id: orderId, status: 'APPROVED', purchase_units: [{ custom_id: paymentId }] },
});

const orderStatus = async (orderId: string) =>
  (await as(customer).get(`/orders/${orderId}`)).json() as { status: string; paymentStatus: string };

describe('PayPal checkout', () => {
  it('sends the buyer to approve the order, then captures it on return and the order is paid', async () => {
    const { order, payment, total } = await placeOrder(12_345);
    expect(payment.status).toBe('REQUIRES_ACTION');
    const orderId = await orderOf(payment.id);
    expect(payment.nextAction).toEqual({
      type: 'redirect',
      url: `${paypal.url}/checkoutnow?token=${orderId}`,
    });
    const created = JSON.parse(callsTo('/v2/checkout/orders').at(-1)!.body);
    expect(created).toMatchObject({
      intent: 'CAPTURE',
      purchase_units: [
        {
          custom_id: payment.id,
          reference_id: payment.id,
          amount: { currency_code: 'INR', value: '123.45' },
        },
      ],
      payment_source: {
        paypal: {
          experience_context: {
            return_url: `http://shop.localhost:3000/checkout/paypal/return?payment=${payment.id}`,
          },
        },
      },
    });
    expect(callsTo('/v2/checkout/orders').at(-1)!.headers['paypal-request-id']).toBe(
      `${payment.id}:charge:0`,
    );

    // back from PayPal before approving: nothing is captured
    const early = await confirm(payment.id);
    expect(early.json()).toMatchObject({ status: 'REQUIRES_ACTION' });

    paypal.approve(orderId);
    const confirmed = await confirm(payment.id);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'CAPTURED', captured: { amount: total } });
    const captureId = paypal.orders.get(orderId)!.purchase_units[0]!.payments as {
      captures: { id: string }[];
    };
    expect(await paymentRow(payment.id)).toMatchObject({
      method: 'PAYPAL',
      provider_reference: captureId.captures[0]!.id,
      captured_amount: 12_345,
      gateway_fee_amount: 30,
    });
    expect(await orderStatus(order.id)).toMatchObject({ status: 'PAID', paymentStatus: 'CAPTURED' });
  });

  it('asks PayPal for an access token once and keeps using it', async () => {
    await placeOrder();
    await placeOrder();
    expect(callsTo('/v1/oauth2/token')).toHaveLength(1);
  });

  it('offers PayPal among the payment methods when it is configured', async () => {
    const res = await anonymous(server).get('/payment-methods');
    expect(res.json().items).toContainEqual({ provider: 'paypal' });
  });

  it('never captures twice: a retried capture answers the first, a second confirm is refused', async () => {
    const { order, payment } = await placeOrder();
    const orderId = await orderOf(payment.id);
    paypal.approve(orderId);
    paypal.fail(`/v2/checkout/orders/${orderId}/capture`, 'drop');
    const lost = await confirm(payment.id);
    expect(lost.statusCode).toBe(502);
    expect((await paymentRow(payment.id)).status).toBe('REQUIRES_ACTION');
    const retried = await confirm(payment.id);
    expect(retried.json()).toMatchObject({ status: 'CAPTURED' });
    expect(callsTo(`/v2/checkout/orders/${orderId}/capture`)).toHaveLength(1);
    expect((await confirm(payment.id)).statusCode).toBe(409);
    expect(await orderStatus(order.id)).toMatchObject({ status: 'PAID' });
  });

  it('captures once when the return page and the approval webhook race', async () => {
    const { payment } = await placeOrder(4_500);
    const orderId = await orderOf(payment.id);
    paypal.approve(orderId);
    const [returned, hook] = await Promise.all([
      confirm(payment.id),
      webhook(approvedEvent(orderId, payment.id)),
    ]);
    expect([200, 409]).toContain(returned.statusCode);
    expect(hook.statusCode).toBe(200);
    const captures = callsTo(`/v2/checkout/orders/${orderId}/capture`);
    expect(new Set(captures.map((c) => c.headers['paypal-request-id']))).toEqual(
      new Set([`${orderId}:capture`]),
    );
    expect(paypal.orders.get(orderId)!.purchase_units[0]!.payments).toMatchObject({
      captures: [expect.anything()],
    });
    expect(await paymentRow(payment.id)).toMatchObject({ status: 'CAPTURED', captured_amount: 4_500 });
  });
});

describe('PayPal after a cancellation', () => {
  it('takes no money when the buyer approves at PayPal after the order was cancelled', async () => {
    const { order, payment } = await placeOrder(3_500);
    const orderId = await orderOf(payment.id);
    expect((await as(customer).post(`/orders/${order.id}/cancel`, {})).json().status).toBe('CANCELLED');
    paypal.approve(orderId);
    expect((await confirm(payment.id)).statusCode).toBe(409);
    expect((await webhook(approvedEvent(orderId, payment.id))).statusCode).toBe(200);
    await server.worker.drain();
    expect(callsTo(`/v2/checkout/orders/${orderId}/capture`)).toHaveLength(0);
    expect(await paymentRow(payment.id)).toMatchObject({ status: 'CANCELLED', captured_amount: 0 });
  });

  it('records and refunds a capture PayPal made before the cancel reached it', async () => {
    const { order, payment, total } = await placeOrder(5_500);
    const orderId = await orderOf(payment.id);
    paypal.approve(orderId);
    paypal.fail(`/v2/checkout/orders/${orderId}/capture`, 'drop');
    expect((await confirm(payment.id)).statusCode).toBe(502);
    expect((await as(customer).post(`/orders/${order.id}/cancel`, {})).json().status).toBe('CANCELLED');
    await server.worker.drain();
    const row = await paymentRow(payment.id);
    expect(row).toMatchObject({ status: 'REFUNDED', captured_amount: total, refunded_amount: total });
    expect(callsTo(`/v2/payments/captures/${row.provider_reference}/refund`)).toHaveLength(1);
  });
});

describe('PayPal refunds', () => {
  it('refunds part of the capture, then the rest, with the amount as a decimal string', async () => {
    const { payment } = await paidOrder(10_000);
    const captureId = (await paymentRow(payment.id)).provider_reference!;
    const part = await as(admin).post(`/admin/payments/${payment.id}/refunds`, {
      amount: 2_550,
      reason: 'damaged',
    });
    expect(part.statusCode).toBe(201);
    expect(part.json()).toMatchObject({ status: 'SUCCEEDED', amount: { amount: 2_550 } });
    const sent = callsTo(`/v2/payments/captures/${captureId}/refund`);
    expect(JSON.parse(sent[0]!.body)).toMatchObject({
      amount: { currency_code: 'INR', value: '25.50' },
      custom_id: part.json().id,
    });
    expect(sent[0]!.headers['paypal-request-id']).toBe(`${part.json().id}:refund`);
    expect(await paymentRow(payment.id)).toMatchObject({
      status: 'PARTIALLY_REFUNDED',
      refunded_amount: 2_550,
    });
    const rest = await as(admin).post(`/admin/payments/${payment.id}/refunds`, { reason: 'returned' });
    expect(rest.json()).toMatchObject({ status: 'SUCCEEDED', amount: { amount: 7_450 } });
    expect(JSON.parse(callsTo(`/v2/payments/captures/${captureId}/refund`)[1]!.body).amount.value).toBe(
      '74.50',
    );
    expect(await paymentRow(payment.id)).toMatchObject({ status: 'REFUNDED', refunded_amount: 10_000 });
  });

  it('settles a refund PayPal answered PENDING when its webhook comes', async () => {
    const { payment } = await paidOrder(5_000);
    paypal.refundMode.pending = true;
    const refund = await payments().refund(serviceCtx(server, admin), payment.id, { reason: 'late' });
    paypal.refundMode.pending = false;
    expect(refund.status).toBe('PENDING');
    const row = await db()
      .selectFrom('refunds')
      .selectAll()
      .where('id', '=', refund.id)
      .executeTakeFirstOrThrow();
    const hook = await webhook({
      id: `WH-REFUND-${refund.id}`,
      event_type: 'PAYMENT.CAPTURE.REFUNDED',
      resource_type: 'refund',
      resource: {
        id: row.provider_refund_id,
        status: 'COMPLETED',
        custom_id: refund.id,
        amount: { currency_code: 'INR', value: '50.00' },
      },
    });
    expect(hook.json()).toEqual({ received: true, duplicate: false });
    expect(await paymentRow(payment.id)).toMatchObject({ status: 'REFUNDED', refunded_amount: 5_000 });
  });
});

describe('PayPal webhooks', () => {
  it('settles a payment whose capture answer was lost from a verified capture webhook', async () => {
    const { order, payment, total } = await placeOrder(8_000);
    const orderId = await orderOf(payment.id);
    const event = captureCompleted('WH-LOST-1', orderId, payment.id, '80.00');
    const hook = await webhook(event);
    expect(hook.statusCode).toBe(200);
    expect(hook.json()).toEqual({ received: true, duplicate: false });
    expect(await paymentRow(payment.id)).toMatchObject({
      status: 'CAPTURED',
      captured_amount: total,
      provider_reference: event.resource.id,
    });
    expect(await orderStatus(order.id)).toMatchObject({ status: 'PAID' });
  });

  it('captures an order the buyer approved when the approval webhook comes first', async () => {
    const { order, payment } = await placeOrder(4_000);
    const orderId = await orderOf(payment.id);
    paypal.approve(orderId);
    expect((await webhook(approvedEvent(orderId, payment.id))).json()).toEqual({
      received: true,
      duplicate: false,
    });
    expect(await paymentRow(payment.id)).toMatchObject({ status: 'CAPTURED', captured_amount: 4_000 });
    expect(await orderStatus(order.id)).toMatchObject({ status: 'PAID' });
    // the buyer's return afterwards finds it paid; PayPal captured once
    expect((await confirm(payment.id)).statusCode).toBe(409);
    expect(callsTo(`/v2/checkout/orders/${orderId}/capture`)).toHaveLength(1);
  });

  it('refuses a forged webhook with 400 and changes nothing', async () => {
    const { payment } = await placeOrder(3_000);
    const orderId = await orderOf(payment.id);
    const event = captureCompleted('WH-FORGED-1', orderId, payment.id, '30.00');
    const signed = paypal.signatureHeaders(JSON.stringify(event));
    const forged = JSON.stringify({
      ...event,
      resource: { ...event.resource, amount: { currency_code: 'INR', value: '1.00' } },
    });
    const res = await anonymous(server).post('/payments/webhooks/paypal', forged, {
      'content-type': 'application/json',
      ...signed,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().type).toBe('/problems/webhook-signature-invalid');
    const unsigned = await anonymous(server).post('/payments/webhooks/paypal', JSON.stringify(event), {
      'content-type': 'application/json',
    });
    expect(unsigned.statusCode).toBe(400);
    expect((await paymentRow(payment.id)).status).toBe('REQUIRES_ACTION');
    const stored = await db()
      .selectFrom('payment_events')
      .select('id')
      .where('event_id', '=', 'WH-FORGED-1')
      .execute();
    expect(stored).toEqual([]);
  });

  it('counts a replayed webhook once', async () => {
    const { payment } = await placeOrder(6_000);
    const event = captureCompleted('WH-REPLAY-1', await orderOf(payment.id), payment.id, '60.00');
    expect((await webhook(event)).json().duplicate).toBe(false);
    expect((await webhook(event)).json().duplicate).toBe(true);
    const stored = await db()
      .selectFrom('payment_events')
      .select('outcome')
      .where('event_id', '=', 'WH-REPLAY-1')
      .execute();
    expect(stored).toEqual([{ outcome: 'applied' }]);
    expect(await paymentRow(payment.id)).toMatchObject({ status: 'CAPTURED', captured_amount: 6_000 });
  });

  it('answers 502 while PayPal cannot verify, so the webhook is delivered again', async () => {
    const { payment } = await placeOrder(2_000);
    const event = captureCompleted('WH-DOWN-1', await orderOf(payment.id), payment.id, '20.00');
    paypal.fail('/v1/notifications/verify-webhook-signature', 500);
    expect((await webhook(event)).statusCode).toBe(502);
    expect((await paymentRow(payment.id)).status).toBe('REQUIRES_ACTION');
    expect((await webhook(event)).json()).toEqual({ received: true, duplicate: false });
    expect((await paymentRow(payment.id)).status).toBe('CAPTURED');
  });
});

describe('PayPal unavailable', () => {
  it('leaves a payment PENDING when the order cannot be created; reconciliation settles it and the buyer pays again', async () => {
    paypal.fail('/v2/checkout/orders', 500);
    const { order, payment } = await placeOrder(7_000);
    expect(payment).toMatchObject({ status: 'PENDING', errorCode: 'provider_no_answer' });
    expect(order.status).toBe('PENDING');
    await server.worker.drain();
    expect(await paymentRow(payment.id)).toMatchObject({
      status: 'FAILED',
      error_code: 'provider_no_answer',
    });
    const again = await as(customer).post(`/payments/${payment.id}/retry`, {});
    expect(again.json()).toMatchObject({ status: 'REQUIRES_ACTION', nextAction: { type: 'redirect' } });
    paypal.approve(await orderOf(payment.id));
    expect((await confirm(payment.id)).json()).toMatchObject({ status: 'CAPTURED' });
    expect(await orderStatus(order.id)).toMatchObject({ status: 'PAID' });
  });

  it('settles a capture whose answer never came back from PayPal through reconciliation', async () => {
    const { order, payment, total } = await placeOrder(9_000);
    const orderId = await orderOf(payment.id);
    paypal.approve(orderId);
    paypal.fail(`/v2/checkout/orders/${orderId}/capture`, 'drop');
    expect((await confirm(payment.id)).statusCode).toBe(502);
    expect(await orderStatus(order.id)).toMatchObject({ status: 'PENDING' });
    await server.worker.drain();
    expect(callsTo(`/v2/checkout/orders/${orderId}`).some((c) => c.method === 'GET')).toBe(true);
    expect(await paymentRow(payment.id)).toMatchObject({ status: 'CAPTURED', captured_amount: total });
    expect(await orderStatus(order.id)).toMatchObject({ status: 'PAID' });
  });
});

describe('PayPal amounts', () => {
  it.each([
    ['JPY', 2_500, '2500', 1_000, '1000'],
    ['USD', 2_599, '25.99', 1_005, '10.05'],
  ])(
    'converts %s minor units to and from PayPal decimal strings',
    async (currency, amount, value, part, partValue) => {
      const p = await createPayment(server, { provider: 'paypal', amount, currency, user: customer });
      const started = await payments().charge(serviceCtx(server, customer), p.id, undefined);
      expect(started.status).toBe('REQUIRES_ACTION');
      const orderId = await orderOf(p.id);
      expect(JSON.parse(callsTo('/v2/checkout/orders').at(-1)!.body).purchase_units[0].amount).toEqual({
        currency_code: currency,
        value,
      });
      paypal.approve(orderId);
      const captured = await payments().confirm(serviceCtx(server, customer), p.id, {});
      expect(captured).toMatchObject({ status: 'CAPTURED', captured: { amount, currency } });
      const refund = await payments().refund(serviceCtx(server, admin), p.id, {
        amount: part,
        reason: 'part',
      });
      expect(refund.status).toBe('SUCCEEDED');
      const captureId = (await paymentRow(p.id)).provider_reference!;
      expect(JSON.parse(callsTo(`/v2/payments/captures/${captureId}/refund`)[0]!.body).amount).toEqual({
        currency_code: currency,
        value: partValue,
      });
    },
  );
});
