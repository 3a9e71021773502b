/** Events payments writes to the outbox, in the transaction of the change. */
export const PaymentEvents = {
  /** A charge was declined or failed: `{ paymentId, orderId }`. */
  failed: 'payments.payment.failed',
} as const;
