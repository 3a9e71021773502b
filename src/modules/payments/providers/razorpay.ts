import razorpayUtils from 'razorpay/dist/utils/razorpay-utils.js';
import {
  type ChargeRequest,
  type PaymentProvider,
  type ProviderOutcome,
  type RefundOutcome,
  type WebhookEvent,
  WebhookSignatureError,
} from './provider.ts';

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
  const base = settings.apiBase ?? 'https://api.razorpay.com';
  const auth = `Basic ${Buffer.from(`${settings.keyId}:${settings.keySecret}`).toString('base64')}`;

  async function call<T>(method: string, path: string, body: unknown, idempotencyKey?: string): Promise<T> {
    const res = await fetch(`${base}/v1${path}`, {
      method,
      headers: {
        authorization: auth,
        'content-type': 'application/json',
        ...(idempotencyKey ? { 'x-idempotency-key': idempotencyKey } : {}),
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    });
    const json = (await res.json().catch(() => ({}))) as T & {
      error?: { code?: string; description?: string };
    };
    if (!res.ok) {
      const error = new Error(json.error?.description ?? `Razorpay answered ${res.status}`);
      Object.assign(error, { code: json.error?.code, status: res.status });
      throw error;
    }
    return json;
  }

  return {
    name: 'razorpay',
    method: 'UPI',
    async charge(request: ChargeRequest): Promise<ProviderOutcome> {
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
        nextAction: { type: 'razorpay_checkout', orderId: order.id, keyId: settings.keyId },
      };
    },
    async confirm(orderId, input) {
      const paymentId = String(input.razorpayPaymentId ?? '');
      const signature = String(input.razorpaySignature ?? '');
      const valid =
        paymentId !== '' &&
        signature !== '' &&
        razorpayUtils.validatePaymentVerification(
          { order_id: orderId, payment_id: paymentId },
          signature,
          settings.keySecret,
        );
      if (!valid) {
        return {
          status: 'FAILED',
          providerTransactionId: orderId,
          errorCode: 'signature_invalid',
          errorMessage: 'Payment signature did not verify.',
        };
      }
      const amount = Number(input.amount);
      const payment = await call<{
        id: string;
        status: string;
        method?: string;
        card?: { last4?: string; network?: string };
        fee?: number;
      }>('POST', `/payments/${encodeURIComponent(paymentId)}/capture`, { amount, currency: input.currency });
      return {
        status:
          payment.status === 'captured' ? 'CAPTURED' : payment.status === 'failed' ? 'FAILED' : 'AUTHORIZED',
        providerTransactionId: orderId,
        providerReference: payment.id,
        response: payment,
        cardLast4: payment.card?.last4,
        cardBrand: payment.card?.network,
        gatewayFee: payment.fee,
      };
    },
    async refund(request): Promise<RefundOutcome> {
      if (!request.providerTransactionId)
        return { status: 'FAILED', errorMessage: 'No Razorpay payment to refund.' };
      const refund = await call<{ id: string; status: string }>(
        'POST',
        `/payments/${encodeURIComponent(request.providerTransactionId)}/refund`,
        { amount: request.amount, notes: { refundId: request.refundId } },
        request.idempotencyKey,
      );
      return {
        status:
          refund.status === 'processed' ? 'SUCCEEDED' : refund.status === 'failed' ? 'FAILED' : 'PENDING',
        providerRefundId: refund.id,
      };
    },
    verifyWebhook(rawBody, headers): WebhookEvent {
      const signature = headers['x-razorpay-signature'];
      if (!settings.webhookSecret || typeof signature !== 'string')
        throw new WebhookSignatureError('missing signature');
      if (!razorpayUtils.validateWebhookSignature(rawBody, signature, settings.webhookSecret)) {
        throw new WebhookSignatureError('signature does not match');
      }
      const body = JSON.parse(rawBody) as {
        event: string;
        created_at?: number;
        payload?: { payment?: { entity?: { id: string; order_id?: string; amount?: number } } };
      };
      const entity = body.payload?.payment?.entity;
      const status: Record<string, ProviderOutcome['status']> = {
        'payment.captured': 'CAPTURED',
        'payment.authorized': 'AUTHORIZED',
        'payment.failed': 'FAILED',
        'order.paid': 'CAPTURED',
      };
      const eventId = headers['x-razorpay-event-id'];
      return {
        id:
          typeof eventId === 'string'
            ? eventId
            : `${body.event}:${entity?.id ?? ''}:${body.created_at ?? ''}`,
        type: body.event,
        providerTransactionId: entity?.order_id,
        status: status[body.event],
        amount: entity?.amount,
        payload: body as unknown as Record<string, unknown>,
      };
    },
  };
}
