import crypto from 'node:crypto';
import {
  type ChargeRequest,
  type PaymentLookup,
  type PaymentProvider,
  type ProviderOutcome,
  type RefundOutcome,
  type RefundRequest,
  type WebhookEvent,
  WebhookSignatureError,
} from './provider.ts';
import { type RazorpayCall, razorpayClient, razorpaySignatureValid as signed } from './razorpay-api.ts';
import { chargeSavedToken } from './razorpay-vault.ts';

export interface RazorpaySettings {
  keyId: string;
  keySecret: string;
  webhookSecret?: string | undefined;
  apiBase?: string | undefined;
}

/**
 * Razorpay's documented flow: the server creates an order, the buyer pays in Razorpay Checkout,
 * the client returns `razorpay_payment_id` and `razorpay_signature` (HMAC-SHA256 of
 * `order_id|payment_id` with the key secret), the server verifies it and captures.
 */
export function createRazorpayProvider(settings: RazorpaySettings): PaymentProvider {
  const call = razorpayClient(settings);
  return {
    name: 'razorpay',
    method: 'UPI',
    charge: (request) =>
      request.savedMethod
        ? chargeSavedToken(call, request, request.savedMethod)
        : createOrder(call, settings.keyId, request),
    confirm: (orderId, input) => capture(call, settings.keySecret, orderId, input),
    retrieve: (lookup) => paymentOfOrder(call, lookup),
    // Razorpay has no cancel for an order: an unpaid order simply expires. A payment made on it
    // afterwards arrives as a capture and is refunded.
    retrieveRefund: (providerRefundId) => fetchRefund(call, providerRefundId),
    refund: (request) => refundPayment(call, request),
    verifyWebhook: (rawBody, headers) => verifyWebhook(settings.webhookSecret, rawBody, headers),
  };
}

/** The charge: a Razorpay order the buyer then pays in Razorpay Checkout. */
async function createOrder(
  call: RazorpayCall,
  keyId: string,
  request: ChargeRequest,
): Promise<ProviderOutcome> {
  const order = await call<{ id: string; status: string }>(
    'POST',
    '/orders',
    {
      amount: request.amount,
      currency: request.currency,
      receipt: request.paymentId.slice(0, 40),
      notes: { paymentId: request.paymentId },
    },
    request.idempotencyKey,
  );
  return {
    status: 'REQUIRES_ACTION',
    providerTransactionId: order.id,
    response: order,
    nextAction: { type: 'razorpay_checkout', orderId: order.id, keyId },
  };
}

/** Checks the checkout's signature, then captures the payment it names; a bad signature fails it unsent. */
async function capture(
  call: RazorpayCall,
  keySecret: string,
  orderId: string,
  input: Record<string, unknown>,
): Promise<ProviderOutcome> {
  const paymentId = String(input.razorpayPaymentId ?? '');
  const signature = String(input.razorpaySignature ?? '');
  const valid =
    paymentId !== '' && signature !== '' && signed(`${orderId}|${paymentId}`, signature, keySecret);
  if (!valid) {
    return {
      status: 'FAILED',
      providerTransactionId: orderId,
      errorCode: 'signature_invalid',
      errorMessage: 'Payment signature did not verify.',
    };
  }
  const payment = await call<{
    id: string;
    status: string;
    card?: { last4?: string; network?: string };
    fee?: number;
  }>('POST', `/payments/${encodeURIComponent(paymentId)}/capture`, {
    amount: Number(input.amount),
    currency: input.currency,
  });
  return {
    status: paymentStatus(payment.status),
    providerTransactionId: orderId,
    providerReference: payment.id,
    response: payment,
    cardLast4: payment.card?.last4,
    cardBrand: payment.card?.network,
    gatewayFee: payment.fee,
  };
}

/** The payments made against the Razorpay order: a captured one wins. */
async function paymentOfOrder(call: RazorpayCall, lookup: PaymentLookup): Promise<ProviderOutcome | null> {
  if (!lookup.providerTransactionId) return null; // no order was created: nothing can have been paid
  const orderId = lookup.providerTransactionId;
  const list = await call<{ items?: RazorpayPayment[] }>(
    'GET',
    `/orders/${encodeURIComponent(orderId)}/payments`,
  );
  const items = list.items ?? [];
  const pick =
    items.find((p) => p.status === 'captured') ??
    items.find((p) => p.status === 'authorized') ??
    items.find((p) => p.status === 'failed');
  if (!pick) return { status: 'REQUIRES_ACTION', providerTransactionId: orderId };
  return fromPayment(orderId, pick);
}

async function fetchRefund(call: RazorpayCall, providerRefundId: string): Promise<RefundOutcome> {
  const refund = await call<{ id: string; status: string }>(
    'GET',
    `/refunds/${encodeURIComponent(providerRefundId)}`,
  );
  return { status: refundStatus(refund.status), providerRefundId: refund.id };
}

async function refundPayment(call: RazorpayCall, request: RefundRequest): Promise<RefundOutcome> {
  if (!request.providerTransactionId)
    return { status: 'FAILED', errorMessage: 'No Razorpay payment to refund.' };
  const refund = await call<{ id: string; status: string }>(
    'POST',
    `/payments/${encodeURIComponent(request.providerTransactionId)}/refund`,
    { amount: request.amount, notes: { refundId: request.refundId } },
    request.idempotencyKey,
  );
  return { status: refundStatus(refund.status), providerRefundId: refund.id };
}

/** HMAC-SHA256 of the raw body with the webhook secret, as Razorpay signs it; then the event, normalised. */
function verifyWebhook(
  secret: string | undefined,
  rawBody: string,
  headers: Record<string, string | string[] | undefined>,
): WebhookEvent {
  const signature = headers['x-razorpay-signature'];
  if (!secret || typeof signature !== 'string') throw new WebhookSignatureError('missing signature');
  if (!signed(rawBody, signature, secret)) throw new WebhookSignatureError('signature does not match');
  return fromWebhook(rawBody, JSON.parse(rawBody) as RazorpayEvent);
}

interface RazorpayPayment {
  id: string;
  order_id?: string;
  status?: string;
  amount?: number;
  currency?: string;
  method?: string;
  card?: { last4?: string; network?: string };
  fee?: number;
  notes?: Record<string, string> | unknown[];
  error_code?: string;
  error_description?: string;
}

interface RazorpayEvent {
  event: string;
  created_at?: number;
  payload?: {
    payment?: { entity?: RazorpayPayment };
    order?: { entity?: { id: string; receipt?: string; notes?: Record<string, string> | unknown[] } };
    refund?: {
      entity?: {
        id: string;
        payment_id?: string;
        status?: string;
        notes?: Record<string, string> | unknown[];
      };
    };
  };
}

function refundStatus(status: string | undefined): RefundOutcome['status'] {
  if (status === 'processed') return 'SUCCEEDED';
  return status === 'failed' ? 'FAILED' : 'PENDING';
}

const noteOf = (notes: Record<string, string> | unknown[] | undefined, key: string) =>
  notes && !Array.isArray(notes) ? notes[key] : undefined;

function paymentStatus(status: string | undefined): ProviderOutcome['status'] {
  if (status === 'captured') return 'CAPTURED';
  return status === 'failed' ? 'FAILED' : 'AUTHORIZED';
}

function fromPayment(orderId: string, payment: RazorpayPayment): ProviderOutcome {
  const status = paymentStatus(payment.status);
  return {
    status,
    providerTransactionId: orderId,
    providerReference: payment.id,
    ...(status === 'CAPTURED' && typeof payment.amount === 'number'
      ? { capturedAmount: payment.amount }
      : {}),
    cardLast4: payment.card?.last4,
    cardBrand: payment.card?.network,
    gatewayFee: payment.fee,
    errorCode: payment.error_code,
    errorMessage: payment.error_description,
  };
}

const PAYMENT_EVENTS: Record<string, ProviderOutcome['status']> = {
  'payment.captured': 'CAPTURED',
  'payment.authorized': 'AUTHORIZED',
  'payment.failed': 'FAILED',
  'order.paid': 'CAPTURED',
};

/**
 * The event id comes from the signed body (the `X-Razorpay-Event-Id` header is not signed): the
 * entity, the event and its time; without them, a hash of the signed body.
 */
function fromWebhook(rawBody: string, body: RazorpayEvent): WebhookEvent {
  const payment = body.payload?.payment?.entity;
  const refund = body.payload?.refund?.entity;
  const order = body.payload?.order?.entity;
  const entityId = refund?.id ?? payment?.id;
  const id =
    entityId && body.created_at
      ? `${body.event}:${entityId}:${body.created_at}`
      : `sha256:${crypto.createHash('sha256').update(rawBody).digest('hex')}`;
  const payload = body as unknown as Record<string, unknown>;
  if (refund) {
    return {
      id,
      type: body.event,
      refund: {
        providerRefundId: refund.id,
        refundId: noteOf(refund.notes, 'refundId'),
        status: refundStatus(refund.status ?? (body.event === 'refund.failed' ? 'failed' : undefined)),
      },
      payload,
    };
  }
  return {
    id,
    type: body.event,
    providerTransactionId: payment?.order_id ?? order?.id,
    paymentId: noteOf(payment?.notes, 'paymentId') ?? noteOf(order?.notes, 'paymentId') ?? order?.receipt,
    status: PAYMENT_EVENTS[body.event],
    amount: payment?.amount,
    currency: payment?.currency?.toUpperCase(),
    providerReference: payment?.id,
    payload,
  };
}
