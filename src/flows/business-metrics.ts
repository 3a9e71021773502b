// The business counters of /metrics, moved by the facts the modules record (docs/operations.md).
// The rule that makes each fact count once: a counter moves when the event that records the fact
// commits (Jobs.observe runs after the commit, never for a rolled-back or retried attempt), and a
// fact is recorded once — the state machines refuse a second capture or cancellation, so a retried
// job or webhook that finds the fact true publishes nothing.
import { OrderEvents } from '../modules/orders/index.ts';
import { PaymentEvents } from '../modules/payments/index.ts';
import { AppError } from '../platform/http/errors.ts';
import type { DomainEvent } from '../platform/jobs/jobs.ts';
import type { BusinessCounters } from '../platform/observability/metrics.ts';

export function countBusinessEvents(counters: BusinessCounters): (event: DomainEvent) => void {
  return (event) => {
    switch (event.name) {
      case OrderEvents.placed:
        counters.ordersPlaced.inc();
        break;
      case OrderEvents.cancelled:
        counters.ordersCancelled.inc();
        break;
      case PaymentEvents.captured: {
        counters.ordersPaid.inc();
        const { captured, currency } = event.payload as { captured?: unknown; currency?: unknown };
        if (typeof captured === 'number' && captured > 0 && typeof currency === 'string')
          counters.revenue.inc({ currency }, captured);
        break;
      }
    }
  };
}

/**
 * The reason a checkout failed, as its label: the problem's type code (the application's fixed
 * set), `internal` for anything else (a 500).
 */
export function checkoutFailureReason(error: unknown): string {
  return error instanceof AppError ? error.code : 'internal';
}
