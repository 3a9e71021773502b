/**
 * The port every payment provider implements. Calls are made outside database transactions;
 * the service records their outcome. Amounts are integer minor units.
 */
export type ProviderName = 'test' | 'cod' | 'stripe' | 'razorpay' | 'paypal';

export interface ChargeRequest {
  paymentId: string;
  amount: number;
  currency: string;
  /** Card/UPI token from the client (provider specific). */
  token?: string | undefined;
  /** Sent to the provider so a retried call is not charged twice. */
  idempotencyKey: string;
  description?: string;
  /** A saved method (decision 033): charged off-session through the buyer's customer at the provider. */
  savedMethod?: SavedMethodRef | undefined;
}

/** The provider's customer and the saved token on it (a PaymentMethod, a Razorpay token). */
export interface SavedMethodRef {
  customerId: string;
  methodId: string;
}

export interface ProviderOutcome {
  status: 'CAPTURED' | 'AUTHORIZED' | 'REQUIRES_ACTION' | 'PENDING' | 'FAILED';
  providerTransactionId?: string | undefined;
  providerReference?: string | undefined;
  /** For a capture: what the provider actually captured, when it says (less than asked is possible). */
  capturedAmount?: number | undefined;
  response?: Record<string, unknown>;
  cardLast4?: string | undefined;
  cardBrand?: string | undefined;
  gatewayFee?: number | undefined;
  riskScore?: number | undefined;
  errorCode?: string | undefined;
  errorMessage?: string | undefined;
  /** What the client must do next (e.g. a confirmation step). */
  nextAction?: Record<string, unknown>;
}

export interface RefundRequest {
  refundId: string;
  providerTransactionId: string | null;
  amount: number;
  currency: string;
  idempotencyKey: string;
}

export interface RefundOutcome {
  status: 'SUCCEEDED' | 'FAILED' | 'PENDING';
  providerRefundId?: string | undefined;
  errorMessage?: string | undefined;
}

/** What a payment is at the provider, for reconciliation: the payment's identity and, if any, the provider's id. */
export interface PaymentLookup {
  paymentId: string;
  providerTransactionId: string | null;
}

/** A verified webhook event, normalised. Every field comes from the signed body. */
export interface WebhookEvent {
  /** Stable per event (a redelivery carries the same id). */
  id: string;
  type: string;
  providerTransactionId?: string | undefined;
  /** Our payment id as the provider echoes it (metadata / notes), for a payment whose provider id is unknown. */
  paymentId?: string | undefined;
  /** The payment status this event reports, if it reports one. */
  status?: ProviderOutcome['status'] | undefined;
  /** For a capture: the amount actually captured, in minor units. */
  amount?: number | undefined;
  /** ISO 4217, upper case. */
  currency?: string | undefined;
  /** The buyer approved the payment at the provider: it is completed as `confirm` would (PayPal captures). */
  approved?: boolean | undefined;
  /** The provider's payment id (Razorpay's `pay_…`), kept as the payment's reference for refunds. */
  providerReference?: string | undefined;
  /** A refund event: the refund it settles. */
  refund?:
    | {
        providerRefundId: string;
        refundId?: string | undefined;
        status: RefundOutcome['status'];
        errorMessage?: string | undefined;
      }
    | undefined;
  payload: Record<string, unknown>;
}

export interface PaymentProvider {
  readonly name: ProviderName;
  readonly method: 'CARD' | 'UPI' | 'COD' | 'TEST' | 'PAYPAL';
  charge(request: ChargeRequest): Promise<ProviderOutcome>;
  /** The second step of a payment that answered REQUIRES_ACTION. */
  confirm?(providerTransactionId: string, input: Record<string, unknown>): Promise<ProviderOutcome>;
  refund(request: RefundRequest): Promise<RefundOutcome>;
  /**
   * What the provider knows of a payment now (reconciliation); `null` when it has no record of
   * it (never attempted, or the attempt never reached it).
   */
  retrieve?(lookup: PaymentLookup): Promise<ProviderOutcome | null>;
  /**
   * Cancels an unpaid payment at the provider so it can no longer take money; answers the
   * payment's state afterwards (a payment captured meanwhile answers CAPTURED).
   */
  cancel?(lookup: PaymentLookup): Promise<ProviderOutcome | null>;
  /** The current state of a refund the provider answered PENDING. */
  retrieveRefund?(providerRefundId: string): Promise<RefundOutcome>;
  /**
   * Verifies the signature exactly as the provider documents it; throws WebhookSignatureError on a
   * bad one. Stripe and Razorpay check an HMAC locally; PayPal asks its API (so a promise).
   */
  verifyWebhook?(
    rawBody: string,
    headers: Record<string, string | string[] | undefined>,
  ): WebhookEvent | Promise<WebhookEvent>;
}

export class WebhookSignatureError extends Error {}
