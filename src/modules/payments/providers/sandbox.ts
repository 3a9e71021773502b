import type {
  ChargeRequest,
  PaymentLookup,
  PaymentProvider,
  ProviderOutcome,
  RefundOutcome,
} from './provider.ts';

/**
 * The built-in provider for development and tests: `tok_success` captures at once,
 * `tok_decline` fails, `tok_confirm` needs a confirmation step (`{ confirmation: "ok" }`),
 * `tok_refund_fails` captures but refuses every refund. It remembers its payments in memory
 * (for `retrieve` and `cancel`), so it forgets them when the process restarts.
 */
export function createTestProvider(): PaymentProvider {
  const known = new Map<string, ProviderOutcome>();
  const cancelled = new Set<string>();
  const remember = (outcome: ProviderOutcome) => {
    if (outcome.providerTransactionId) known.set(outcome.providerTransactionId, outcome);
    return outcome;
  };
  const idOf = (lookup: PaymentLookup) => lookup.providerTransactionId ?? `test_${lookup.paymentId}`;
  return {
    name: 'test',
    method: 'TEST',
    async charge(request: ChargeRequest): Promise<ProviderOutcome> {
      return remember(testCharge(request));
    },
    async confirm(providerTransactionId, input) {
      if (cancelled.has(providerTransactionId)) {
        return {
          status: 'FAILED',
          providerTransactionId,
          errorCode: 'payment_cancelled',
          errorMessage: 'The payment was cancelled.',
        };
      }
      return remember(testConfirm(providerTransactionId, input));
    },
    async retrieve(lookup) {
      return known.get(idOf(lookup)) ?? null;
    },
    async cancel(lookup) {
      const id = idOf(lookup);
      const current = known.get(id);
      if (!current || current.status === 'CAPTURED' || current.status === 'FAILED') return current ?? null;
      cancelled.add(id);
      return remember({ status: 'FAILED', providerTransactionId: id, errorCode: 'payment_cancelled' });
    },
    async refund(request): Promise<RefundOutcome> {
      if (request.providerTransactionId?.startsWith('test_refund_fails_')) {
        return { status: 'FAILED', errorMessage: 'The test card refuses refunds.' };
      }
      return { status: 'SUCCEEDED', providerRefundId: `test_re_${request.refundId}` };
    },
  };
}

function testCharge(request: ChargeRequest): ProviderOutcome {
  const providerTransactionId = `test_${request.paymentId}`;
  switch (request.token) {
    case 'tok_success':
      return {
        status: 'CAPTURED',
        providerTransactionId,
        cardLast4: '4242',
        cardBrand: 'visa',
        riskScore: 10,
      };
    case 'tok_refund_fails':
      // captures, but every refund of it fails (to exercise refund retries)
      return {
        status: 'CAPTURED',
        providerTransactionId: `test_refund_fails_${request.paymentId}`,
        cardLast4: '5126',
        cardBrand: 'visa',
      };
    case 'tok_confirm':
      return {
        status: 'REQUIRES_ACTION',
        providerTransactionId,
        nextAction: {
          type: 'confirm',
          hint: 'POST /api/v1/payments/{id}/confirm with { "confirmation": "ok" }',
        },
      };
    case 'tok_decline':
      return {
        status: 'FAILED',
        providerTransactionId,
        cardLast4: '0002',
        cardBrand: 'visa',
        errorCode: 'card_declined',
        errorMessage: 'The card was declined.',
      };
    default:
      return {
        status: 'FAILED',
        providerTransactionId,
        errorCode: 'invalid_token',
        errorMessage: 'Unknown test token.',
      };
  }
}

function testConfirm(providerTransactionId: string, input: Record<string, unknown>): ProviderOutcome {
  if (input.confirmation === 'ok')
    return { status: 'CAPTURED', providerTransactionId, cardLast4: '3155', cardBrand: 'visa' };
  return {
    status: 'FAILED',
    providerTransactionId,
    errorCode: 'authentication_failed',
    errorMessage: 'Confirmation failed.',
  };
}
