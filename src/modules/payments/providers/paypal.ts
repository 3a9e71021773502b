import { fromDecimalString, toDecimalString } from '../../../platform/money.ts';
import { PayPalApiError, type PayPalCall, paypalClient } from './paypal-api.ts';
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

export interface PayPalSettings {
  clientId: string;
  clientSecret: string;
  /** The webhook's id in PayPal's developer dashboard; verification needs it. */
  webhookId?: string | undefined;
  apiUrl: string;
  /** Where PayPal sends the buyer back: the storefront's `/checkout/paypal/return`. */
  returnUrl: string;
  timeoutMs?: number | undefined;
}

/**
 * PayPal Checkout (Orders v2): the charge creates an order the buyer approves at PayPal (a
 * redirect), `confirm` captures it when the buyer is back, refunds go to the capture. Webhooks are
 * verified by PayPal's verify-webhook-signature call.
 */
export function createPayPalProvider(settings: PayPalSettings): PaymentProvider {
  const call = paypalClient(settings);
  return {
    name: 'paypal',
    method: 'PAYPAL',
    charge: (request) => createOrder(call, settings.returnUrl, request),
    confirm: (orderId, input) => captureOrder(call, orderId, input.cancelled === true),
    retrieve: (lookup) => retrieveOrder(call, lookup),
    // Orders v2 has no cancel: an order nobody approved expires, and a capture that still comes is
    // recorded and refunded by the order lifecycle.
    refund: (request) => refundCapture(call, request),
    retrieveRefund: async (id) =>
      fromRefund(await call<PayPalRefund>('GET', `/v2/payments/refunds/${encodeURIComponent(id)}`)),
    verifyWebhook: (rawBody, headers) => verifyWebhook(call, settings.webhookId, rawBody, headers),
  };
}

interface PayPalAmount {
  currency_code?: string;
  value?: string;
}

interface PayPalCapture {
  id: string;
  status?: string;
  amount?: PayPalAmount;
  custom_id?: string;
  seller_receivable_breakdown?: { paypal_fee?: PayPalAmount };
  supplementary_data?: { related_ids?: { order_id?: string } };
}

interface PayPalOrder {
  id: string;
  status?: string;
  links?: { href: string; rel: string }[];
  purchase_units?: {
    custom_id?: string;
    reference_id?: string;
    amount?: PayPalAmount;
    payments?: { captures?: PayPalCapture[] };
  }[];
}

interface PayPalRefund {
  id: string;
  status?: string;
  custom_id?: string;
  status_details?: { reason?: string };
}

const minor = (amount: PayPalAmount | undefined) =>
  amount?.value && amount.currency_code
    ? (fromDecimalString(amount.value, amount.currency_code) ?? undefined)
    : undefined;

/** The charge: an order with our payment id as `custom_id`, the buyer sent to its approve link. */
async function createOrder(
  call: PayPalCall,
  returnUrl: string,
  request: ChargeRequest,
): Promise<ProviderOutcome> {
  const back = `${returnUrl}?payment=${encodeURIComponent(request.paymentId)}`;
  const order = await call<PayPalOrder>(
    'POST',
    '/v2/checkout/orders',
    {
      intent: 'CAPTURE',
      purchase_units: [
        {
          reference_id: request.paymentId,
          custom_id: request.paymentId,
          amount: {
            currency_code: request.currency,
            value: toDecimalString(request.amount, request.currency),
          },
          ...(request.description ? { description: request.description.slice(0, 127) } : {}),
        },
      ],
      payment_source: {
        paypal: {
          experience_context: { return_url: back, cancel_url: `${back}&cancelled=1`, user_action: 'PAY_NOW' },
        },
      },
    },
    request.idempotencyKey,
  );
  const approve = order.links?.find((l) => l.rel === 'payer-action' || l.rel === 'approve')?.href;
  return {
    ...fromOrder(order),
    response: { id: order.id, status: order.status },
    ...(approve ? { nextAction: { type: 'redirect', url: approve } } : {}),
  };
}

/**
 * Captures the order once the buyer has approved it, under a request id of its own so a retried
 * capture answers the first one (a capture is only ever asked for an approved order, so that
 * answer is never a stale "not approved"); an order captured already answers what it is. A
 * cancelled payment's order is only read: what PayPal took before the cancel is recorded (and given
 * back), nothing is taken after it.
 */
async function captureOrder(call: PayPalCall, orderId: string, cancelled: boolean): Promise<ProviderOutcome> {
  const path = `/v2/checkout/orders/${encodeURIComponent(orderId)}`;
  const order = await call<PayPalOrder>('GET', path);
  if (order.status !== 'APPROVED' || cancelled) return fromOrder(order);
  try {
    return fromOrder(await call<PayPalOrder>('POST', `${path}/capture`, {}, `${orderId}:capture`));
  } catch (error) {
    if (!(error instanceof PayPalApiError)) throw error;
    if (error.issue === 'ORDER_ALREADY_CAPTURED') return fromOrder(await call<PayPalOrder>('GET', path));
    if (!error.refused) throw error;
    // e.g. INSTRUMENT_DECLINED: this order will not be paid; the buyer pays again (a new order)
    return {
      status: 'FAILED',
      providerTransactionId: orderId,
      errorCode: error.issue.toLowerCase(),
      errorMessage: error.message,
    };
  }
}

/** The order by its id; without one the create never answered, and no buyer can have approved it. */
async function retrieveOrder(call: PayPalCall, lookup: PaymentLookup): Promise<ProviderOutcome | null> {
  if (!lookup.providerTransactionId) {
    return {
      status: 'FAILED',
      errorCode: 'provider_no_answer',
      errorMessage: 'PayPal did not answer when the payment started; pay again.',
    };
  }
  try {
    const path = `/v2/checkout/orders/${encodeURIComponent(lookup.providerTransactionId)}`;
    return fromOrder(await call<PayPalOrder>('GET', path));
  } catch (error) {
    if (error instanceof PayPalApiError && error.status === 404) return null;
    throw error;
  }
}

const CAPTURE_STATUS: Record<string, ProviderOutcome['status']> = {
  COMPLETED: 'CAPTURED',
  // refunded since: the money was captured (refunds are recorded on their own)
  REFUNDED: 'CAPTURED',
  PARTIALLY_REFUNDED: 'CAPTURED',
  PENDING: 'PENDING',
  DECLINED: 'FAILED',
  FAILED: 'FAILED',
};

function fromOrder(order: PayPalOrder): ProviderOutcome {
  const capture = order.purchase_units?.[0]?.payments?.captures?.[0];
  if (!capture) {
    return {
      status: order.status === 'VOIDED' ? 'FAILED' : 'REQUIRES_ACTION',
      providerTransactionId: order.id,
      ...(order.status === 'VOIDED' ? { errorCode: 'order_voided' } : {}),
    };
  }
  const status = CAPTURE_STATUS[capture.status ?? ''] ?? 'PENDING';
  return {
    status,
    providerTransactionId: order.id,
    providerReference: capture.id,
    ...(status === 'CAPTURED' ? { capturedAmount: minor(capture.amount) } : {}),
    gatewayFee: minor(capture.seller_receivable_breakdown?.paypal_fee),
    response: { id: order.id, status: order.status, captureId: capture.id, captureStatus: capture.status },
    ...(status === 'FAILED'
      ? { errorCode: 'capture_declined', errorMessage: 'PayPal declined the capture.' }
      : {}),
  };
}

function refundStatus(status: string | undefined): RefundOutcome['status'] {
  if (status === 'COMPLETED') return 'SUCCEEDED';
  return status === 'FAILED' || status === 'CANCELLED' ? 'FAILED' : 'PENDING';
}

function fromRefund(refund: PayPalRefund): RefundOutcome {
  return {
    status: refundStatus(refund.status),
    providerRefundId: refund.id,
    errorMessage: refund.status_details?.reason,
  };
}

/** Refunds part or all of the capture (our refund id as `custom_id`); a refusal is a FAILED refund. */
async function refundCapture(call: PayPalCall, request: RefundRequest): Promise<RefundOutcome> {
  if (!request.providerTransactionId)
    return { status: 'FAILED', errorMessage: 'No PayPal capture to refund.' };
  try {
    const refund = await call<PayPalRefund>(
      'POST',
      `/v2/payments/captures/${encodeURIComponent(request.providerTransactionId)}/refund`,
      {
        amount: { currency_code: request.currency, value: toDecimalString(request.amount, request.currency) },
        custom_id: request.refundId,
      },
      request.idempotencyKey,
    );
    return fromRefund(refund);
  } catch (error) {
    if (error instanceof PayPalApiError && error.refused)
      return { status: 'FAILED', errorMessage: `${error.issue}: ${error.message}` };
    throw error;
  }
}

const header = (headers: Record<string, string | string[] | undefined>, name: string) => {
  const value = headers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/** Asks PayPal whether it sent this notification (verify-webhook-signature), then normalises it. */
async function verifyWebhook(
  call: PayPalCall,
  webhookId: string | undefined,
  rawBody: string,
  headers: Record<string, string | string[] | undefined>,
): Promise<WebhookEvent> {
  const fields = {
    transmission_id: header(headers, 'paypal-transmission-id'),
    transmission_time: header(headers, 'paypal-transmission-time'),
    cert_url: header(headers, 'paypal-cert-url'),
    auth_algo: header(headers, 'paypal-auth-algo'),
    transmission_sig: header(headers, 'paypal-transmission-sig'),
  };
  if (!webhookId || Object.values(fields).some((v) => v === undefined))
    throw new WebhookSignatureError('missing signature');
  const event = JSON.parse(rawBody) as PayPalEvent;
  if (typeof event !== 'object' || event === null || typeof event.id !== 'string')
    throw new WebhookSignatureError('not a PayPal event');
  const answer = await call<{ verification_status?: string }>(
    'POST',
    '/v1/notifications/verify-webhook-signature',
    { ...fields, webhook_id: webhookId, webhook_event: event },
  );
  if (answer.verification_status !== 'SUCCESS') throw new WebhookSignatureError('PayPal did not verify it');
  return fromEvent(event);
}

interface PayPalEvent {
  id: string;
  event_type?: string;
  resource_type?: string;
  resource?: Record<string, unknown>;
}

const CAPTURE_EVENTS: Record<string, ProviderOutcome['status']> = {
  'PAYMENT.CAPTURE.COMPLETED': 'CAPTURED',
  'PAYMENT.CAPTURE.DENIED': 'FAILED',
  'PAYMENT.CAPTURE.DECLINED': 'FAILED',
  'PAYMENT.CAPTURE.PENDING': 'PENDING',
};

/** Captures report our payment in `custom_id`; an approved order is to be captured; refunds name theirs. */
function fromEvent(event: PayPalEvent): WebhookEvent {
  const type = event.event_type ?? '';
  const payload = event as unknown as Record<string, unknown>;
  if (type === 'CHECKOUT.ORDER.APPROVED') {
    const order = (event.resource ?? {}) as unknown as PayPalOrder;
    return {
      id: event.id,
      type,
      providerTransactionId: order.id,
      paymentId: order.purchase_units?.[0]?.custom_id,
      approved: true,
      payload,
    };
  }
  if (type.startsWith('PAYMENT.CAPTURE.') && event.resource_type === 'refund') {
    const refund = (event.resource ?? {}) as unknown as PayPalRefund;
    return {
      id: event.id,
      type,
      refund: {
        providerRefundId: refund.id,
        refundId: refund.custom_id,
        status: refundStatus(refund.status),
      },
      payload,
    };
  }
  const capture = (event.resource ?? {}) as unknown as PayPalCapture;
  const status = CAPTURE_EVENTS[type];
  return {
    id: event.id,
    type,
    providerTransactionId: capture.supplementary_data?.related_ids?.order_id,
    paymentId: capture.custom_id,
    status,
    amount: status ? minor(capture.amount) : undefined,
    currency: capture.amount?.currency_code?.toUpperCase(),
    providerReference: capture.id,
    payload,
  };
}
