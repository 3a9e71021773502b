// What a provider's answer writes on a payment: its details (kept from before where the answer is
// silent), and the answer a charge that got none records.
import type { PaymentRow } from './payments.repository.ts';
import type { ProviderOutcome } from './providers/provider.ts';

/** What a charge that got no answer records: the provider may have charged; reconciliation asks. */
export const NO_ANSWER: ProviderOutcome = {
  status: 'PENDING',
  errorCode: 'provider_no_answer',
  errorMessage: 'The payment provider did not answer; the payment is being checked with it.',
};

/** The provider's details of an outcome, each kept from the payment when the outcome has none. */
export function outcomeDetails(payment: PaymentRow, outcome: ProviderOutcome) {
  const failing = outcome.status === 'FAILED';
  return {
    provider_transaction_id: outcome.providerTransactionId ?? payment.provider_transaction_id,
    provider_reference: outcome.providerReference ?? payment.provider_reference,
    provider_response: outcome.response ? JSON.stringify(outcome.response) : payment.provider_response,
    card_last4: outcome.cardLast4 ?? payment.card_last4,
    card_brand: outcome.cardBrand ?? payment.card_brand,
    gateway_fee_amount: outcome.gatewayFee ?? payment.gateway_fee_amount,
    risk_score: outcome.riskScore ?? payment.risk_score,
    error_code: outcome.errorCode ?? (failing ? 'failed' : null),
    error_message: outcome.errorMessage ?? null,
  };
}
