/**
 * The port every payment provider implements. Calls are made outside database transactions;
 * the service records their outcome. Amounts are integer minor units.
 */
export type ProviderName = 'test' | 'cod' | 'stripe' | 'razorpay';

export interface ChargeRequest {
  paymentId: string;
  amount: number;
  currency: string;
  /** Card/UPI token from the client (provider specific). */
  token?: string | undefined;
  /** Sent to the provider so a retried call is not charged twice. */
  idempotencyKey: string;
  description?: string;
}

export interface ProviderOutcome {
  status: 'CAPTURED' | 'AUTHORIZED' | 'REQUIRES_ACTION' | 'PENDING' | 'FAILED';
  providerTransactionId?: string | undefined;
  providerReference?: string | undefined;
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

/** A verified webhook event, normalised. */
export interface WebhookEvent {
  id: string;
  type: string;
  providerTransactionId?: string | undefined;
  /** The payment status this event reports, if it reports one. */
  status?: ProviderOutcome['status'] | undefined;
  amount?: number | undefined;
  payload: Record<string, unknown>;
}

export interface PaymentProvider {
  readonly name: ProviderName;
  readonly method: 'CARD' | 'UPI' | 'COD' | 'TEST';
  charge(request: ChargeRequest): Promise<ProviderOutcome>;
  /** The second step of a payment that answered REQUIRES_ACTION. */
  confirm?(providerTransactionId: string, input: Record<string, unknown>): Promise<ProviderOutcome>;
  refund(request: RefundRequest): Promise<RefundOutcome>;
  /** Verifies the signature exactly as the provider documents it; throws on a bad one. */
  verifyWebhook?(rawBody: string, headers: Record<string, string | string[] | undefined>): WebhookEvent;
}

export class WebhookSignatureError extends Error {}
