import Stripe from 'stripe';
import {
  type ChargeRequest,
  type PaymentProvider,
  type ProviderOutcome,
  type RefundOutcome,
  type WebhookEvent,
  WebhookSignatureError,
} from './provider.ts';

export interface StripeSettings {
  secretKey: string;
  webhookSecret?: string | undefined;
  /** Override for a local API stand-in, e.g. `http://127.0.0.1:12111`. */
  apiBase?: string | undefined;
}

const STATUS: Record<string, ProviderOutcome['status']> = {
  succeeded: 'CAPTURED',
  requires_capture: 'AUTHORIZED',
  requires_action: 'REQUIRES_ACTION',
  requires_confirmation: 'REQUIRES_ACTION',
  processing: 'PENDING',
  requires_payment_method: 'FAILED',
  canceled: 'FAILED',
};

function client(settings: StripeSettings): Stripe {
  const base = settings.apiBase ? new URL(settings.apiBase) : undefined;
  return new Stripe(settings.secretKey, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    ...(base
      ? {
          host: base.hostname,
          port: Number(base.port),
          protocol: base.protocol.replace(':', '') as 'http' | 'https',
        }
      : {}),
  });
}

function fromIntent(intent: Stripe.PaymentIntent): ProviderOutcome {
  const card =
    intent.latest_charge && typeof intent.latest_charge === 'object'
      ? intent.latest_charge.payment_method_details?.card
      : undefined;
  return {
    status: STATUS[intent.status] ?? 'PENDING',
    providerTransactionId: intent.id,
    response: { id: intent.id, status: intent.status },
    cardLast4: card?.last4 ?? undefined,
    cardBrand: card?.brand ?? undefined,
    errorCode: intent.last_payment_error?.decline_code ?? intent.last_payment_error?.code ?? undefined,
    errorMessage: intent.last_payment_error?.message ?? undefined,
    ...(intent.next_action
      ? { nextAction: { type: intent.next_action.type, clientSecret: intent.client_secret } }
      : {}),
  };
}

/** Stripe PaymentIntents: charge confirms a PaymentMethod at once; webhooks are verified by the SDK. */
export function createStripeProvider(settings: StripeSettings): PaymentProvider {
  const stripe = client(settings);
  return {
    name: 'stripe',
    method: 'CARD',
    async charge(request: ChargeRequest) {
      try {
        const intent = await stripe.paymentIntents.create(
          {
            amount: request.amount,
            currency: request.currency.toLowerCase(),
            payment_method: request.token,
            confirm: true,
            automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
            metadata: { paymentId: request.paymentId },
            expand: ['latest_charge'],
          },
          { idempotencyKey: request.idempotencyKey },
        );
        return fromIntent(intent);
      } catch (error) {
        if (error instanceof Stripe.errors.StripeCardError) {
          return {
            status: 'FAILED',
            providerTransactionId: error.payment_intent?.id,
            errorCode: error.decline_code ?? error.code ?? 'card_error',
            errorMessage: error.message,
          };
        }
        throw error;
      }
    },
    async confirm(providerTransactionId) {
      const intent = await stripe.paymentIntents.retrieve(providerTransactionId, {
        expand: ['latest_charge'],
      });
      return fromIntent(intent);
    },
    async refund(request): Promise<RefundOutcome> {
      if (!request.providerTransactionId)
        return { status: 'FAILED', errorMessage: 'No Stripe payment to refund.' };
      const refund = await stripe.refunds.create(
        {
          payment_intent: request.providerTransactionId,
          amount: request.amount,
          metadata: { refundId: request.refundId },
        },
        { idempotencyKey: request.idempotencyKey },
      );
      const status =
        refund.status === 'succeeded'
          ? 'SUCCEEDED'
          : refund.status === 'failed' || refund.status === 'canceled'
            ? 'FAILED'
            : 'PENDING';
      return { status, providerRefundId: refund.id, errorMessage: refund.failure_reason ?? undefined };
    },
    verifyWebhook(rawBody, headers): WebhookEvent {
      const signature = headers['stripe-signature'];
      if (!settings.webhookSecret || typeof signature !== 'string')
        throw new WebhookSignatureError('missing signature');
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(rawBody, signature, settings.webhookSecret);
      } catch (error) {
        throw new WebhookSignatureError((error as Error).message);
      }
      const object = event.data.object as unknown as Record<string, unknown>;
      const intentId =
        object.object === 'payment_intent'
          ? (object.id as string)
          : (object.payment_intent as string | undefined);
      const status: Record<string, ProviderOutcome['status']> = {
        'payment_intent.succeeded': 'CAPTURED',
        'payment_intent.payment_failed': 'FAILED',
        'payment_intent.requires_action': 'REQUIRES_ACTION',
        'payment_intent.amount_capturable_updated': 'AUTHORIZED',
      };
      return {
        id: event.id,
        type: event.type,
        providerTransactionId: intentId,
        status: status[event.type],
        amount: typeof object.amount === 'number' ? object.amount : undefined,
        payload: event as unknown as Record<string, unknown>,
      };
    },
  };
}

/** Signs a payload the way Stripe does, for tests and local tooling. */
export function stripeTestSignature(
  payload: string,
  secret: string,
  timestamp = Math.floor(Date.now() / 1000),
): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });
}
