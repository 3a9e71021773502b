// The queues the events analytics adds to its rollups land in (one job per event and subscriber:
// the outbox's fan-out, decision 002).
export const AnalyticsQueues = {
  /** `payments.payment.captured`: the order counts. */
  captured: 'analytics.order-captured',
  /** `payments.refund.succeeded`: the refund counts. */
  refunded: 'analytics.refund-succeeded',
} as const;
