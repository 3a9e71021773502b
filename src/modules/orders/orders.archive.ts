// The orders archive job (decision 037): every day, final orders whose last change is older than
// ORDERS_ARCHIVE_AFTER_DAYS move to the archive tables in bounded transactions; the order calls
// read both, and an archived order no longer changes.
import type { Db } from '../../platform/db/database.ts';
import { transaction } from '../../platform/db/transaction.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import * as archive from './orders.archive.repository.ts';

export const ARCHIVE_QUEUE = 'orders.archive';
/** Daily, at a quiet hour (UTC), after the nightly prunes. */
export const ARCHIVE_CRON = '41 3 * * *';
/** Orders moved per transaction. */
export const ARCHIVE_BATCH = 500;
/** Batches per run at most; a run that stops there goes on the next day. */
const MAX_BATCHES = 2_000;
const DAY_MS = 86_400_000;

/**
 * What another module still has open on some of `orders` (a return not closed, a payment or refund
 * in progress): the ids of those that must stay hot. Called in the job's transaction, across stores.
 */
export type ArchiveGuard = (db: Db, orders: { id: string; storeId: string }[]) => Promise<string[]>;

export interface ArchiveRun {
  moved: number;
  /** Candidates kept hot by a guard (they are asked again on the next run). */
  kept: number;
}

export class OrderArchive {
  private readonly guards: ArchiveGuard[] = [];

  constructor(
    /** ORDERS_ARCHIVE_AFTER_DAYS; 0 turns archival off. */
    readonly afterDays: number,
    private readonly batchSize = ARCHIVE_BATCH,
  ) {}

  /** Adds a module's say on which orders must stay; called at assembly. */
  useGuard(guard: ArchiveGuard): void {
    this.guards.push(guard);
  }

  /** Moves every archivable order, batch by batch; safe to run twice, or in two processes at once. */
  async run(db: Db, now: Date = new Date()): Promise<ArchiveRun> {
    const total: ArchiveRun = { moved: 0, kept: 0 };
    if (this.afterDays <= 0) return total;
    const before = new Date(now.getTime() - this.afterDays * DAY_MS);
    let after: { updatedAt: Date; id: string } | undefined;
    for (let batch = 0; batch < MAX_BATCHES; batch++) {
      const done = await transaction(db, (trx) => this.moveBatch(trx, before, now, after));
      total.moved += done.moved;
      total.kept += done.kept;
      if (!done.last || done.picked < this.batchSize) break;
      after = { updatedAt: done.last.updated_at, id: done.last.id };
    }
    return total;
  }

  private async moveBatch(db: Db, before: Date, now: Date, after?: { updatedAt: Date; id: string }) {
    const picked = await archive.pickArchivable(db, before, this.batchSize, after);
    const held = new Set<string>();
    const candidates = picked.map((o) => ({ id: o.id, storeId: o.store_id }));
    if (candidates.length > 0)
      for (const guard of this.guards) for (const id of await guard(db, candidates)) held.add(id);
    const ids = picked.filter((o) => !held.has(o.id)).map((o) => o.id);
    const moved = await archive.moveToArchive(db, ids, now);
    return { moved, kept: held.size, picked: picked.length, last: picked.at(-1) };
  }
}

/** The daily job; a run with archival off does nothing. */
export function registerOrderArchive(jobs: Jobs, job: OrderArchive): void {
  jobs.handle(ARCHIVE_QUEUE, async (run) => {
    const done = await job.run(run.db);
    run.log.info(done, 'old final orders moved to the archive');
  });
  jobs.schedule(ARCHIVE_QUEUE, ARCHIVE_CRON, ARCHIVE_QUEUE);
}
