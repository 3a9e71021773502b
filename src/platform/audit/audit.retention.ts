import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { Jobs } from '../jobs/jobs.ts';
import { pruneInBatches, RETENTION_CRON } from '../jobs/retention.ts';
import { pruneAuditEntries } from './audit.repository.ts';

export const AUDIT_RETENTION_QUEUE = 'platform.prune-audit';

/** Audit entries older than AUDIT_RETENTION_DAYS go, daily, in batches (the only deletes the table allows). */
export function registerAuditRetention(jobs: Jobs, config: Pick<Config, 'AUDIT_RETENTION_DAYS'>): void {
  jobs.handle(AUDIT_RETENTION_QUEUE, async (job) => {
    const removed = await pruneAudit(job.db, config);
    job.log.info({ removed }, 'old audit entries pruned');
  });
  jobs.schedule(AUDIT_RETENTION_QUEUE, RETENTION_CRON, AUDIT_RETENTION_QUEUE);
}

export function pruneAudit(db: Db, config: Pick<Config, 'AUDIT_RETENTION_DAYS'>): Promise<number> {
  return pruneInBatches((batch) => pruneAuditEntries(db, config.AUDIT_RETENTION_DAYS, batch));
}
