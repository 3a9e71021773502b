import { setTimeout as sleep } from 'node:timers/promises';
import type { IsolationLevel } from 'kysely';
import type { Db, Trx } from './database.ts';

const RETRYABLE = new Set(['40001', '40P01']); // serialization_failure, deadlock_detected

export function isRetryable(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && RETRYABLE.has((error as { code?: string }).code ?? '')
  );
}

let retried = 0;

/** How many times transactions of this process were retried (tests check that a race needs none). */
export function transactionRetries(): number {
  return retried;
}

export interface TransactionOptions {
  isolation?: IsolationLevel;
  /** Extra attempts after a serialization failure or deadlock. */
  retries?: number;
}

/**
 * Runs `work` in a transaction, retrying serialization failures and deadlocks with jittered backoff.
 * Inside an existing transaction it simply joins it (the outer call owns retries).
 */
export async function transaction<T>(
  db: Db,
  work: (trx: Trx) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  if (db.isTransaction) return work(db as Trx);
  const retries = options.retries ?? 5;
  for (let attempt = 0; ; attempt++) {
    try {
      let builder = db.transaction();
      if (options.isolation) builder = builder.setIsolationLevel(options.isolation);
      return await builder.execute(work);
    } catch (error) {
      if (!isRetryable(error) || attempt >= retries) throw error;
      retried++;
      await sleep(Math.random() * 10 * 2 ** attempt);
    }
  }
}

export function pgErrorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null ? (error as { code?: string }).code : undefined;
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (pgErrorCode(error) !== '23505') return false;
  return constraint === undefined || (error as { constraint?: string }).constraint === constraint;
}
