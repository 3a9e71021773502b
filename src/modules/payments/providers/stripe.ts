import Stripe from 'stripe';
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

/** The SDK pointed at Stripe, or at `apiBase` (a loopback stand-in in tests). */
export function stripeClient(settings: StripeSettings): Stripe {
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
    ...(intent.status === 'succeeded' && typeof intent.amount_received === 'number'
      ? { capturedAmount: intent.amount_received }
      : {}),
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

function refundStatus(status: string | null | undefined): RefundOutcome['status'] {
  if (status === 'succeeded') return 'SUCCEEDED';
  return status === 'failed' || status === 'canceled' ? 'FAILED' : 'PENDING';
}

const INTENT_EVENTS: Record<string, ProviderOutcome['status']> = {
  'payment_intent.succeeded': 'CAPTURED',
  'payment_intent.payment_failed': 'FAILED',
  'payment_intent.requires_action': 'REQUIRES_ACTION',
  'payment_intent.amount_capturable_updated': 'AUTHORIZED',
};

/** The normalised event: a PaymentIntent's status, or a refund's (`charge.refund.updated`, `refund.*`). */
function fromEvent(event: Stripe.Event): WebhookEvent {
  const object = event.data.object as unknown as Record<string, unknown>;
  const metadata = (object.metadata ?? {}) as Record<string, string | undefined>;
  if (object.object === 'refund') {
    return {
      id: event.id,
      type: event.type,
      providerTransactionId: object.payment_intent as string | undefined,
      refund: {
        providerRefundId: object.id as string,
        refundId: metadata.refundId,
        status: refundStatus(object.status as string | undefined),
        errorMessage: (object.failure_reason as string | undefined) ?? undefined,
      },
      payload: event as unknown as Record<string, unknown>,
    };
  }
  const intentId =
    object.object === 'payment_intent'
      ? (object.id as string)
      : (object.payment_intent as string | undefined);
  const received = typeof object.amount_received === 'number' ? object.amount_received : undefined;
  return {
    id: event.id,
    type: event.type,
    providerTransactionId: intentId,
    paymentId: object.object === 'payment_intent' ? metadata.paymentId : undefined,
    status: INTENT_EVENTS[event.type],
    amount: received ?? (typeof object.amount === 'number' ? object.amount : undefined),
    currency: typeof object.currency === 'string' ? object.currency.toUpperCase() : undefined,
    payload: event as unknown as Record<string, unknown>,
  };
}

/** Stripe PaymentIntents: charge confirms a PaymentMethod at once; webhooks are verified by the SDK. */
export function createStripeProvider(settings: StripeSettings): PaymentProvider {
  const stripe = stripeClient(settings);
  return {
    name: 'stripe',
    method: 'CARD',
    charge: (request) => createIntent(stripe, request),
    confirm: async (providerTransactionId) => fromIntent(await retrieveIntent(stripe, providerTransactionId)),
    async retrieve(lookup) {
      const intent = await intentOf(stripe, lookup);
      return intent ? fromIntent(intent) : null;
    },
    cancel: (lookup) => cancelIntent(stripe, lookup),
    retrieveRefund: async (providerRefundId) => fromRefund(await stripe.refunds.retrieve(providerRefundId)),
    refund: (request) => createRefund(stripe, request),
    verifyWebhook: (rawBody, headers) => verifyEvent(stripe, settings.webhookSecret, rawBody, headers),
  };
}

/** Creates and confirms a PaymentIntent; a declined card is a FAILED outcome, not an error. */
async function createIntent(stripe: Stripe, request: ChargeRequest): Promise<ProviderOutcome> {
  try {
    const intent = await stripe.paymentIntents.create(
      {
        amount: request.amount,
        currency: request.currency.toLowerCase(),
        payment_method: request.savedMethod?.methodId ?? request.token,
        confirm: true,
        automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
        // a saved card (decision 033): the buyer's customer, charged without the buyer present
        ...(request.savedMethod ? { customer: request.savedMethod.customerId, off_session: true } : {}),
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
}

function retrieveIntent(stripe: Stripe, id: string): Promise<Stripe.PaymentIntent> {
  return stripe.paymentIntents.retrieve(id, { expand: ['latest_charge'] });
}

/** The intent by its id, or the one whose metadata names our payment (an answer lost in a timeout). */
async function intentOf(stripe: Stripe, lookup: PaymentLookup): Promise<Stripe.PaymentIntent | null> {
  if (lookup.providerTransactionId) return retrieveIntent(stripe, lookup.providerTransactionId);
  const found = await stripe.paymentIntents.search({
    query: `metadata['paymentId']:'${lookup.paymentId.replace(/[^0-9a-f-]/gi, '')}'`,
    limit: 10,
  });
  // a succeeded intent wins over an abandoned one of the same payment
  return found.data.find((i) => i.status === 'succeeded') ?? found.data[0] ?? null;
}

/** Cancels an unsettled intent and answers what it is afterwards. */
async function cancelIntent(stripe: Stripe, lookup: PaymentLookup): Promise<ProviderOutcome | null> {
  const intent = await intentOf(stripe, lookup);
  if (!intent) return null;
  if (['succeeded', 'canceled'].includes(intent.status)) return fromIntent(intent);
  try {
    return fromIntent(await stripe.paymentIntents.cancel(intent.id));
  } catch (error) {
    // captured (or being processed) meanwhile: the answer is what the intent is now
    if (error instanceof Stripe.errors.StripeInvalidRequestError)
      return fromIntent(await stripe.paymentIntents.retrieve(intent.id));
    throw error;
  }
}

async function createRefund(stripe: Stripe, request: RefundRequest): Promise<RefundOutcome> {
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
  return fromRefund(refund);
}

function fromRefund(refund: Stripe.Refund): RefundOutcome {
  return {
    status: refundStatus(refund.status),
    providerRefundId: refund.id,
    errorMessage: refund.failure_reason ?? undefined,
  };
}

/** Checks the Stripe-Signature header with the SDK (Stripe's documented scheme), then normalises the event. */
function verifyEvent(
  stripe: Stripe,
  secret: string | undefined,
  rawBody: string,
  headers: Record<string, string | string[] | undefined>,
): WebhookEvent {
  const signature = headers['stripe-signature'];
  if (!secret || typeof signature !== 'string') throw new WebhookSignatureError('missing signature');
  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(rawBody, signature, secret);
  } catch (error) {
    throw new WebhookSignatureError((error as Error).message);
  }
  return fromEvent(event);
}

/** Signs a payload the way Stripe does, for tests and local tooling. */
export function stripeTestSignature(
  payload: string,
  secret: string,
  timestamp = Math.floor(Date.now() / 1000),
): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });
}
