import type { Db } from '../../platform/db/database.ts';
import { TooManyRequests } from '../../platform/http/errors.ts';
import * as attemptRepo from './identity.attempts.repository.ts';

/**
 * Per-account abuse limits, kept in the database (table auth_attempts) so that every API process
 * sees the same counts. They are keyed by the lower-cased email whether or not an account uses it,
 * so a limit never tells an attacker which emails exist. (The per-IP limits are @fastify/rate-limit
 * on the routes, in memory per process.)
 */
export const LOGIN_BACKOFF: attemptRepo.Backoff = {
  /** Consecutive failures allowed before the first lock. */
  freeFailures: 5,
  /** The first lock; each further failure doubles it, up to maxSeconds. */
  baseSeconds: 30,
  maxSeconds: 15 * 60,
  forgetSeconds: 24 * 3600,
};

export const ACCOUNT_WINDOWS = {
  register: { max: 30, windowSeconds: 15 * 60 },
  'password-reset': { max: 5, windowSeconds: 3600 },
  'verify-email': { max: 5, windowSeconds: 3600 },
  /** Sign-in codes sent to one phone, and asked for from one address, per hour. */
  'phone-code': { max: 5, windowSeconds: 3600 },
  'phone-code-ip': { max: 30, windowSeconds: 3600 },
} as const;

function retryAfter(until: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
}

const subjectOf = (email: string) => email.trim().toLowerCase();

/**
 * Reserves one sign-in attempt for the account before its password is checked, or answers 429
 * while its backoff lasts. The attempt counts as a failure until `recordLoginSuccess` clears it,
 * so a burst of concurrent guesses gets no more evaluations than the policy allows.
 */
export async function reserveLoginAttempt(db: Db, storeId: string, email: string): Promise<void> {
  const outcome = await attemptRepo.reserveAttempt(db, storeId, 'login', subjectOf(email), LOGIN_BACKOFF);
  if (!outcome.reserved) {
    throw new TooManyRequests(
      retryAfter(outcome.lockedUntil),
      'Too many failed sign-ins for this account; try again later.',
    );
  }
}

/** Password changes of a signed-in user: the same backoff, counted per account. */
export async function reservePasswordChange(db: Db, storeId: string, userId: string): Promise<void> {
  const outcome = await attemptRepo.reserveAttempt(db, storeId, 'change-password', userId, LOGIN_BACKOFF);
  if (!outcome.reserved) {
    throw new TooManyRequests(
      retryAfter(outcome.lockedUntil),
      'Too many wrong current passwords for this account; try again later.',
    );
  }
}

export function clearPasswordChangeFailures(db: Db, storeId: string, userId: string) {
  return attemptRepo.clearAttempts(db, storeId, 'change-password', userId);
}

export function recordLoginSuccess(db: Db, storeId: string, email: string) {
  return attemptRepo.clearAttempts(db, storeId, 'login', subjectOf(email));
}

/** Counts one request against the account's window; 429 with Retry-After once it is spent. */
export async function hitAccountLimit(
  db: Db,
  storeId: string,
  action: keyof typeof ACCOUNT_WINDOWS,
  subject: string,
): Promise<void> {
  const { max, windowSeconds } = ACCOUNT_WINDOWS[action];
  const hit = await attemptRepo.hitWindow(db, storeId, action, subjectOf(subject), windowSeconds);
  if (hit.count > max) throw new TooManyRequests(retryAfter(hit.window_ends_at));
}
