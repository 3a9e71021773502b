import { AppError, BadRequest, Conflict, NotFound } from '../../platform/http/errors.ts';

export class PaymentNotFound extends NotFound {
  constructor() {
    super('payment', 'payment-not-found');
  }
}

export class ProviderUnavailable extends BadRequest {
  constructor(provider: string) {
    super(
      `The payment provider "${provider}" is not available in this store.`,
      [{ pointer: '/payment/provider', in: 'body', detail: 'Unknown or unconfigured provider.' }],
      'payment-provider-unavailable',
    );
  }
}

export class PaymentStateConflict extends Conflict {
  constructor(status: string, action: string) {
    super(`A payment in status ${status} cannot be ${action}.`, 'payment-state-conflict', {
      paymentStatus: status,
    });
  }
}

export class RefundExceedsCaptured extends Conflict {
  constructor(remaining: number) {
    super(`At most ${remaining} can still be refunded.`, 'refund-exceeds-captured', {
      refundable: remaining,
    });
  }
}

export class WebhookRejected extends AppError {
  constructor(detail: string) {
    super(400, 'webhook-signature-invalid', 'Webhook rejected', detail);
  }
}

export class ProviderFailure extends AppError {
  constructor(detail: string) {
    super(502, 'payment-provider-error', 'Payment provider error', detail);
  }
}

export class RefundInProgress extends Conflict {
  constructor() {
    super('A refund with this key is still waiting for the provider; ask again later.', 'refund-in-progress');
  }
}
