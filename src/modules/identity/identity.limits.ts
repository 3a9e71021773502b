import type { Db } from '../../platform/db/database.ts';
import { TooManyRequests } from '../../platform/http/errors.ts';
import * as repo from './identity.repository.ts';

/**
 * Per-account abuse limits, kept in the database (table auth_attempts) so that every API process
 * sees the same counts. They are keyed by the lower-cased email whether or not an account uses it,
 * so a limit never tells an attacker which emails exist. (The per-IP limits are @fastify/rate-limit
 * on the routes, in memory per process.)
 */
export const LOGIN_BACKOFF: repo.Backoff = {
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
} as const;

function retryAfter(until: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
}

const subjectOf = (email: string) => email.trim().toLowerCase();

/** Refuses a login while the account's backoff lasts (before any password is checked). */
export async function assertLoginAllowed(db: Db, storeId: string, email: string): Promise<void> {
  const lock = await repo.findLoginLock(db, storeId, subjectOf(email));
  if (lock?.locked_until) {
    throw new TooManyRequests(
      retryAfter(lock.locked_until),
      'Too many failed sign-ins for this account; try again later.',
    );
  }
}

export function recordLoginFailure(db: Db, storeId: string, email: string) {
  return repo.recordLoginFailure(db, storeId, subjectOf(email), LOGIN_BACKOFF);
}

export function recordLoginSuccess(db: Db, storeId: string, email: string) {
  return repo.clearAttempts(db, storeId, 'login', subjectOf(email));
}

/** Counts one request against the account's window; 429 with Retry-After once it is spent. */
export async function hitAccountLimit(
  db: Db,
  storeId: string,
  action: keyof typeof ACCOUNT_WINDOWS,
  subject: string,
): Promise<void> {
  const { max, windowSeconds } = ACCOUNT_WINDOWS[action];
  const hit = await repo.hitWindow(db, storeId, action, subjectOf(subject), windowSeconds);
  if (hit.count > max) throw new TooManyRequests(retryAfter(hit.window_ends_at));
}
