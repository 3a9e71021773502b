import type { PaymentProvider } from './provider.ts';

/** Cash on delivery: nothing to charge now; the payment stays pending until the cash is collected. */
export function createCodProvider(): PaymentProvider {
  return {
    name: 'cod',
    method: 'COD',
    async charge() {
      return { status: 'PENDING' };
    },
    async refund(request) {
      // Cash is handed back outside the system; the refund is recorded as done.
      return { status: 'SUCCEEDED', providerRefundId: `cod_re_${request.refundId}` };
    },
  };
}
