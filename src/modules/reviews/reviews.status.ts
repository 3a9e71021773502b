import type { ReviewStatus } from './reviews.schemas.ts';

/**
 * Where a review may go from each status. PENDING waits for staff (moderation on, or held by the
 * word list or a link); staff publish, reject (from PENDING) or hide (from PUBLISHED) and may
 * publish a rejected or hidden review after all; an edit sends a review back to PENDING when it
 * needs another look; only the author removes, and a removed review stays removed.
 */
export const REVIEW_TRANSITIONS: Record<ReviewStatus, readonly ReviewStatus[]> = {
  PENDING: ['PENDING', 'PUBLISHED', 'REJECTED', 'REMOVED'],
  PUBLISHED: ['PUBLISHED', 'PENDING', 'HIDDEN', 'REMOVED'],
  REJECTED: ['PENDING', 'PUBLISHED', 'REMOVED'],
  HIDDEN: ['PENDING', 'PUBLISHED', 'REMOVED'],
  REMOVED: [],
};

export function canMove(from: ReviewStatus, to: ReviewStatus): boolean {
  return REVIEW_TRANSITIONS[from].includes(to);
}

/** The staff actions and the statuses each starts from. */
export const STAFF_ACTIONS = {
  approve: { from: ['PENDING', 'REJECTED', 'HIDDEN'], to: 'PUBLISHED' },
  reject: { from: ['PENDING'], to: 'REJECTED' },
  hide: { from: ['PUBLISHED'], to: 'HIDDEN' },
} as const satisfies Record<string, { from: readonly ReviewStatus[]; to: ReviewStatus }>;
export type StaffAction = keyof typeof STAFF_ACTIONS;

/**
 * Where an edit by its author takes a review: back to PENDING when it is held or the store
 * moderates, or when staff had taken it down (a new version needs their look); otherwise a
 * published or waiting review is published.
 */
export function statusAfterEdit(from: ReviewStatus, held: boolean, moderation: boolean): ReviewStatus {
  if (held || moderation) return 'PENDING';
  return from === 'PUBLISHED' || from === 'PENDING' ? 'PUBLISHED' : 'PENDING';
}
