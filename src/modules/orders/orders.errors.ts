import { Conflict, NotFound } from '../../platform/http/errors.ts';

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
