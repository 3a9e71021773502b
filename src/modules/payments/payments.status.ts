/** The payment state machine as one transition table (tested exhaustively). */
export const PAYMENT_STATUSES = [
  'PENDING',
  'REQUIRES_ACTION',
  'AUTHORIZED',
  'CAPTURED',
  'FAILED',
  'CANCELLED',
  'PARTIALLY_REFUNDED',
  'REFUNDED',
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const PAYMENT_TRANSITIONS: Record<PaymentStatus, readonly PaymentStatus[]> = {
  PENDING: ['REQUIRES_ACTION', 'AUTHORIZED', 'CAPTURED', 'FAILED', 'CANCELLED'],
  REQUIRES_ACTION: ['AUTHORIZED', 'CAPTURED', 'FAILED', 'CANCELLED'],
  AUTHORIZED: ['CAPTURED', 'FAILED', 'CANCELLED'],
  // a failed attempt may be retried and then succeed (providers report both), or get no answer yet
  FAILED: ['PENDING', 'REQUIRES_ACTION', 'AUTHORIZED', 'CAPTURED', 'CANCELLED'],
  CAPTURED: ['PARTIALLY_REFUNDED', 'REFUNDED'],
  PARTIALLY_REFUNDED: ['PARTIALLY_REFUNDED', 'REFUNDED'],
  REFUNDED: [],
  // money the provider took after the payment was cancelled (a late webhook or answer): it is
  // recorded so that it can be given back
  CANCELLED: ['CAPTURED'],
};

export function canTransition(from: PaymentStatus, to: PaymentStatus): boolean {
  return PAYMENT_TRANSITIONS[from].includes(to);
}

/** Money has been taken and not fully given back. */
export function isCaptured(status: PaymentStatus): boolean {
  return status === 'CAPTURED' || status === 'PARTIALLY_REFUNDED';
}

/** Money has been taken at some point (a refunded payment was captured first). */
export function wasCaptured(status: PaymentStatus): boolean {
  return isCaptured(status) || status === 'REFUNDED';
}
