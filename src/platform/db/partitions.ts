import { sql } from 'kysely';
import type { Jobs } from '../jobs/jobs.ts';
import type { Db } from './database.ts';

/**
 * Tables partitioned by month (decision 036). The SQL functions of platform migration 006 do the
 * work; this keeps the coming months made ahead of their first write and drops whole months past a
 * table's retention. A write for a month not made yet lands in the DEFAULT partition and moves to
 * its own when the month is made, so a late or missed run never loses or refuses a write.
 */
export interface MonthlyTable {
  table: string;
  /** Whole months older than this many days are dropped; kept forever when absent. */
  keepDays?: number;
}

export const PARTITIONS_QUEUE = 'platform.partitions';
/** Daily, after midnight UTC: the months ahead are already there, this only keeps the margin. */
export const PARTITIONS_CRON = '17 0 * * *';
/** The current month and this many after it always have their partition. */
export const MONTHS_AHEAD = 2;

export interface PartitionChanges {
  made: number;
  dropped: number;
}

const DAY_MS = 86_400_000;

function utcDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}

function monthsAfter(at: Date, months: number): string {
  return utcDate(new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + months, 1)));
}

/** Makes the months from `at`'s to MONTHS_AHEAD after it, and drops those past retention. */
export async function maintainPartitions(
  db: Db,
  tables: MonthlyTable[],
  at: Date = new Date(),
): Promise<PartitionChanges> {
  const changes: PartitionChanges = { made: 0, dropped: 0 };
  for (const t of tables) {
    const { rows } = await sql<{ made: number }>`
      SELECT ensure_month_partitions(${t.table}, ${utcDate(at)}::date, ${monthsAfter(at, MONTHS_AHEAD)}::date) AS made
    `.execute(db);
    changes.made += rows[0]!.made;
    if (t.keepDays === undefined) continue;
    const before = utcDate(new Date(at.getTime() - t.keepDays * DAY_MS));
    const dropped = await sql<{ dropped: number }>`
      SELECT drop_month_partitions_before(${t.table}, ${before}::date) AS dropped
    `.execute(db);
    changes.dropped += dropped.rows[0]!.dropped;
  }
  return changes;
}

/** The daily run over every module's monthly tables. */
export function registerPartitionMaintenance(jobs: Jobs, tables: () => MonthlyTable[]): void {
  jobs.handle(PARTITIONS_QUEUE, async (job) => {
    const changes = await maintainPartitions(job.db, tables());
    job.log.info(changes, 'monthly partitions made ahead and past ones dropped');
  });
  jobs.schedule(PARTITIONS_QUEUE, PARTITIONS_CRON, PARTITIONS_QUEUE);
}
