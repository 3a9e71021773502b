import type { ChargeRequest, ProviderOutcome, SavedMethodRef } from './provider.ts';
import { RazorpayApiError, type RazorpayCall } from './razorpay-api.ts';
import type { PaymentMethodVault, SavedCard } from './vault.ts';

/**
 * Saved cards at Razorpay (recurring payments): a Customer per buyer; an authorisation order the
 * buyer pays once in Razorpay Checkout with `customer_id` and `recurring`, which leaves a token on
 * the customer; later payments charge that token (`/payments/create/recurring`). Removal deletes
 * the token.
 */
export function createRazorpayVault(call: RazorpayCall, keyId: string): PaymentMethodVault {
  return {
    provider: 'razorpay',
    async createCustomer(buyer, idempotencyKey) {
      const customer = await call<{ id: string }>(
        'POST',
        '/customers',
        {
          name: buyer.name.slice(0, 50),
          ...(buyer.email ? { email: buyer.email } : {}),
          ...(buyer.phone ? { contact: buyer.phone } : {}),
          // an existing customer with these details is answered instead of an error
          fail_existing: '0',
          notes: { storeId: buyer.storeId, userId: buyer.userId },
        },
        idempotencyKey,
      );
      return customer.id;
    },
    async startSetup(customerId, idempotencyKey) {
      const order = await call<{ id: string }>(
        'POST',
        '/orders',
        {
          amount: 100, // the authorisation payment: the minimum for cards
          currency: 'INR',
          customer_id: customerId,
          method: 'card',
          payment_capture: true,
          token: { max_amount: 10_000_000, frequency: 'as_presented' },
          notes: { purpose: 'save_card' },
        },
        idempotencyKey,
      );
      return {
        setupId: order.id,
        nextAction: { type: 'razorpay_checkout', orderId: order.id, customerId, keyId, recurring: '1' },
      };
    },
    completeSetup: async (customerId, reference) =>
      reference.token ? tokenOf(call, customerId, reference.token) : null,
    async detach(customerId, providerMethodId) {
      try {
        await call(
          'DELETE',
          `/customers/${encodeURIComponent(customerId)}/tokens/${encodeURIComponent(providerMethodId)}`,
        );
      } catch (error) {
        if (error instanceof RazorpayApiError && (error.status === 404 || error.status === 400)) return;
        throw error;
      }
    },
  };
}

interface RazorpayToken {
  id: string;
  method?: string;
  status?: string;
  recurring?: boolean;
  card?: { last4?: string; network?: string; expiry_month?: number | string; expiry_year?: number | string };
}

/** The token when it is on this customer's list, usable, and a card. */
async function tokenOf(call: RazorpayCall, customerId: string, tokenId: string): Promise<SavedCard | null> {
  const list = await call<{ items?: RazorpayToken[] }>(
    'GET',
    `/customers/${encodeURIComponent(customerId)}/tokens`,
  );
  const token = (list.items ?? []).find((t) => t.id === tokenId);
  const card = token?.card;
  if (token?.method !== 'card' || !card?.last4 || token.status === 'deactivated') return null;
  return {
    providerMethodId: token.id,
    brand: (card.network ?? 'card').toLowerCase(),
    last4: card.last4,
    expMonth: Number(card.expiry_month),
    expYear: Number(card.expiry_year),
  };
}

/**
 * A payment with a saved token: an order, the recurring payment on it (Razorpay needs the
 * customer's email and contact, read from the customer), then the capture. A refusal is a FAILED
 * outcome; a call that gets no answer throws (the payment stays PENDING and reconciliation asks).
 */
export async function chargeSavedToken(
  call: RazorpayCall,
  request: ChargeRequest,
  saved: SavedMethodRef,
): Promise<ProviderOutcome> {
  const order = await call<{ id: string }>(
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
  try {
    const customer = await call<{ email?: string; contact?: string }>(
      'GET',
      `/customers/${encodeURIComponent(saved.customerId)}`,
    );
    const created = await call<{ razorpay_payment_id: string }>('POST', '/payments/create/recurring', {
      email: customer.email,
      contact: customer.contact,
      amount: request.amount,
      currency: request.currency,
      order_id: order.id,
      customer_id: saved.customerId,
      token: saved.methodId,
      recurring: '1',
      notes: { paymentId: request.paymentId },
    });
    return await settle(call, order.id, created.razorpay_payment_id, request);
  } catch (error) {
    if (!(error instanceof RazorpayApiError) || error.status === 0 || error.status >= 500) throw error;
    return {
      status: 'FAILED',
      providerTransactionId: order.id,
      errorCode: error.code,
      errorMessage: error.message,
    };
  }
}

async function settle(
  call: RazorpayCall,
  orderId: string,
  paymentId: string,
  request: ChargeRequest,
): Promise<ProviderOutcome> {
  type Payment = { id: string; status: string; card?: { last4?: string; network?: string }; fee?: number };
  let payment = await call<Payment>('GET', `/payments/${encodeURIComponent(paymentId)}`);
  if (payment.status === 'authorized') {
    payment = await call<Payment>('POST', `/payments/${encodeURIComponent(paymentId)}/capture`, {
      amount: request.amount,
      currency: request.currency,
    });
  }
  const status: ProviderOutcome['status'] =
    payment.status === 'captured' ? 'CAPTURED' : payment.status === 'failed' ? 'FAILED' : 'PENDING';
  return {
    status,
    providerTransactionId: orderId,
    providerReference: payment.id,
    response: { id: payment.id, status: payment.status },
    cardLast4: payment.card?.last4,
    cardBrand: payment.card?.network,
    gatewayFee: payment.fee,
  };
}
