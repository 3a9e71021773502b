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
  return retrying(async () => {
    let builder = db.transaction();
    if (options.isolation) builder = builder.setIsolationLevel(options.isolation);
    // each attempt collects its own hooks: those of an attempt that rolled back are dropped with it
    const hooks: Array<() => void> = [];
    const result = await builder.execute((trx) => {
      commitHooks.set(trx, hooks);
      return work(trx);
    });
    runHooks(hooks);
    return result;
  }, options.retries);
}

const commitHooks = new WeakMap<object, Array<() => void>>();

/**
 * Runs `hook` once the transaction `db` belongs to commits, and never if it rolls back (or is
 * retried: only the attempt that commits runs its hooks). Outside a transaction opened by
 * `transaction()` the statement before it has committed already, so it runs at once. For in-memory
 * effects of a committed fact (metrics counters); a hook that throws is ignored.
 */
export function afterCommit(db: Db, hook: () => void): void {
  const hooks = commitHooks.get(db);
  if (hooks) hooks.push(hook);
  else runHooks([hook]);
}

function runHooks(hooks: Array<() => void>): void {
  for (const hook of hooks) {
    try {
      hook();
    } catch {
      // the transaction committed; an in-memory follower must not make it look failed
    }
  }
}

/**
 * Runs `attempt` (a transaction, or one statement that is its own) again after a serialization
 * failure or deadlock, up to `retries` more times, with jittered backoff.
 */
export async function retrying<T>(attempt: () => Promise<T>, retries = 5): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isRetryable(error) || n >= retries) throw error;
      retried++;
      await sleep(Math.random() * 10 * 2 ** n);
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
