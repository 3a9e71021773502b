import type { ReservationStatus } from './inventory.repository.ts';

/** Reservation states and the moves between them; nothing else changes a reservation's status. */
export const RESERVATION_TRANSITIONS: Record<ReservationStatus, readonly ReservationStatus[]> = {
  ACTIVE: ['CONFIRMED', 'RELEASED', 'EXPIRED'],
  CONFIRMED: [],
  RELEASED: [],
  EXPIRED: [],
};

export function canTransition(from: ReservationStatus, to: ReservationStatus): boolean {
  return RESERVATION_TRANSITIONS[from].includes(to);
}
