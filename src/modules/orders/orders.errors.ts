import { BadRequest, Conflict, NotFound } from '../../platform/http/errors.ts';

export class OrderNotFound extends NotFound {
  constructor() {
    super('order', 'order-not-found');
  }
}

export class OrderItemNotFound extends NotFound {
  constructor() {
    super('order item', 'order-item-not-found');
  }
}

export class TransitionNotAllowed extends Conflict {
  constructor(from: string, to: string) {
    super(`An order in status ${from} cannot become ${to}.`, 'order-transition-not-allowed', { from, to });
  }
}

export class OrderNotCancellable extends Conflict {
  constructor(status: string) {
    super(`An order in status ${status} can no longer be cancelled.`, 'order-not-cancellable', {
      orderStatus: status,
    });
  }
}

/** An item cannot ship or be delivered before the order's money is in (cash on delivery may ship). */
export class OrderNotPaid extends Conflict {
  constructor(to: string, paymentStatus: string) {
    super(`An item cannot become ${to} while the order's payment is ${paymentStatus}.`, 'order-not-paid', {
      to,
      paymentStatus,
    });
  }
}

/** Amounts past 2^53 minor units cannot be priced exactly: such an order is refused, not rounded. */
export class OrderTooLarge extends BadRequest {
  constructor() {
    super(
      `The order's amounts would pass ${Number.MAX_SAFE_INTEGER} minor units; split it into smaller orders.`,
      [],
      'order-too-large',
    );
  }
}

/** Archived orders (decision 037) are read-only: a status change, cancel, return or refund is refused. */
export class OrderArchived extends Conflict {
  constructor() {
    super('The order is archived and can no longer change.', 'order-archived');
  }
}
