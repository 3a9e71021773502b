import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/platform/ids.ts';
import { RETENTION_QUEUES } from '../../src/platform/jobs/retention.ts';
import { createTestServer, type TestServer } from '../harness.ts';

let server: TestServer;

beforeAll(async () => {
  server = await createTestServer();
});
afterAll(async () => server?.destroy());

const daysAgo = (days: number) => sql<Date>`now() - make_interval(days => ${days})`;

async function insertJob(status: string, finishedDaysAgo: number | null, dedupeKey: string | null = null) {
  const id = newId();
  await sql`
    INSERT INTO jobs (id, queue, status, finished_at, created_at, dedupe_key)
    VALUES (${id}, 'test.retention', ${status},
            ${finishedDaysAgo === null ? null : daysAgo(finishedDaysAgo)}, ${daysAgo(finishedDaysAgo ?? 0)}, ${dedupeKey})`.execute(
    server.database.db,
  );
  return id;
}

async function insertEvent(ageDays: number) {
  const id = newId();
  await sql`INSERT INTO outbox_events (id, name, payload, created_at)
            VALUES (${id}, 'test.happened', '{}'::jsonb, ${daysAgo(ageDays)})`.execute(server.database.db);
  return id;
}

const existing = async (table: 'jobs' | 'outbox_events', ids: string[]) =>
  (
    await sql<{ id: string }>`SELECT id FROM ${sql.table(table)} WHERE id = ANY(${ids}::uuid[])`.execute(
      server.database.db,
    )
  ).rows.map((r) => r.id);

describe('retention of the job tables', () => {
  it('deletes succeeded jobs and delivered outbox events past retention, and nothing else', async () => {
    const oldDone = await insertJob('succeeded', 15);
    const recentDone = await insertJob('succeeded', 13);
    const oldDead = await insertJob('dead', 100);
    const pending = await insertJob('pending', null);
    const delivered = await insertEvent(31);
    const awaited = await insertEvent(31);
    await insertJob('pending', null, awaited); // a subscriber has not run yet
    const recent = await insertEvent(29);

    await server.jobs.enqueue(server.database.db, { queue: RETENTION_QUEUES.platform });
    await server.worker.drain();

    expect(await existing('jobs', [oldDone, recentDone, oldDead, pending])).toEqual(
      expect.arrayContaining([recentDone, oldDead, pending]),
    );
    expect(await existing('jobs', [oldDone])).toEqual([]);
    expect((await existing('outbox_events', [delivered, awaited, recent])).sort()).toEqual(
      [awaited, recent].sort(),
    );
  });

  it('schedules the prune of every table that grows', () => {
    const scheduled = server.jobs.scheduleList().map((s) => s.queue);
    expect(scheduled).toEqual(expect.arrayContaining(Object.values(RETENTION_QUEUES)));
  });
});
