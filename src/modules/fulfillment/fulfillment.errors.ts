import { BadRequest, Conflict, NotFound } from '../../platform/http/errors.ts';

export class ShipmentNotFound extends NotFound {
  constructor() {
    super('shipment', 'shipment-not-found');
  }
}

export class AgentNotFound extends NotFound {
  constructor() {
    super('delivery agent', 'delivery-agent-not-found');
  }
}

export class ReturnNotFound extends NotFound {
  constructor() {
    super('return', 'return-not-found');
  }
}

export class ShipmentTransitionNotAllowed extends Conflict {
  constructor(from: string, to: string) {
    super(`A shipment in status ${from} cannot become ${to}.`, 'shipment-transition-not-allowed', {
      from,
      to,
    });
  }
}

export class ReturnTransitionNotAllowed extends Conflict {
  constructor(from: string, to: string) {
    super(`A return in status ${from} cannot become ${to}.`, 'return-transition-not-allowed', { from, to });
  }
}

/** The order cannot ship: cancelled, waiting for its online payment, or nothing left to ship. */
export class OrderNotShippable extends Conflict {
  constructor(detail: string, extra: Record<string, unknown> = {}) {
    super(detail, 'order-not-shippable', extra);
  }
}

/** More of an item than is left to ship (ordered minus what other shipments carry). */
export class ItemAlreadyShipped extends Conflict {
  constructor(orderItemId: string, left: number) {
    super(
      `Only ${left} unit(s) of order item ${orderItemId} are left to ship.`,
      'order-item-already-shipped',
      { orderItemId, left },
    );
  }
}

/** An order whose parcels left the warehouse can no longer be cancelled. */
export class OrderAlreadyPickedUp extends Conflict {
  constructor() {
    super(
      'A shipment of this order has been picked up; it can no longer be cancelled (ask for a return).',
      'order-picked-up',
    );
  }
}

export class CashAmountRequired extends BadRequest {
  constructor() {
    super('A cash-on-delivery shipment is delivered with the cash collected.', [
      { pointer: '/codCollected', in: 'body', detail: 'Give the amount collected at the door.' },
    ]);
  }
}

export class DeliveryCodeRequired extends BadRequest {
  constructor(wrong: boolean) {
    super(
      wrong ? 'The delivery code does not match.' : 'This store asks for the buyer’s delivery code.',
      [{ pointer: '/deliveryCode', in: 'body', detail: 'The code the buyer was given.' }],
      wrong ? 'delivery-code-wrong' : 'delivery-code-required',
    );
  }
}

export class DeliveryCodeLocked extends Conflict {
  constructor() {
    super(
      'Too many wrong delivery codes: staff must re-assign the shipment, which issues a new code.',
      'delivery-code-locked',
    );
  }
}

export class CurrencyMismatch extends BadRequest {
  constructor(field: string, expected: string) {
    super(`The amount must be in ${expected}.`, [
      { pointer: `/${field}/currency`, in: 'body', detail: `Use ${expected}.` },
    ]);
  }
}

export class AgentUnavailable extends Conflict {
  constructor(detail = 'No delivery agent is available for this shipment.') {
    super(detail, 'delivery-agent-unavailable');
  }
}

export class ReturnWindowClosed extends Conflict {
  constructor(days: number) {
    super(`Items may be returned within ${days} day(s) of delivery.`, 'return-window-closed', { days });
  }
}

/** An item that is not (or no longer) delivered cannot be returned. */
export class ItemNotReturnable extends Conflict {
  constructor(orderItemId: string, status: string) {
    super(
      `Order item ${orderItemId} is ${status}; only delivered items may be returned.`,
      'order-item-not-returnable',
      { orderItemId, status },
    );
  }
}

/** More units than were delivered, counting those already asked for in live returns. */
export class ReturnQuantityExceeded extends Conflict {
  constructor(orderItemId: string, left: number) {
    super(
      `Only ${left} unit(s) of order item ${orderItemId} are left to return.`,
      'return-quantity-exceeded',
      { orderItemId, left },
    );
  }
}
