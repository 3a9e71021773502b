import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database, type Db } from '../../src/platform/db/database.ts';
import { transaction } from '../../src/platform/db/transaction.ts';
import { newId } from '../../src/platform/ids.ts';
import { Jobs, type WithEvents } from '../../src/platform/jobs/jobs.ts';
import { Worker } from '../../src/platform/jobs/worker.ts';
import { createTestServer, onPostgres, type TestServer } from '../harness.ts';
import { recordStatements } from '../statements.ts';

let server: TestServer;
let db: Db;

beforeAll(async () => {
  server = await createTestServer();
  db = server.database.db;
});
afterAll(async () => server?.destroy());

/** Each test gets its own queues and worker, so no test claims another's jobs. */
function worker(jobs: Jobs, options: { db?: Db; concurrency?: number; id?: string } = {}) {
  return new Worker({
    db: options.db ?? db,
    jobs,
    log: server.log,
    concurrency: options.concurrency ?? 4,
    ...options,
  });
}

interface JobRow {
  id: string;
  status: string;
  attempts: number;
  last_error: string | null;
  finished_at: Date | null;
  dedupe_key: string | null;
  queue: string;
  payload: Record<string, unknown>;
  /** Seconds from now until the job is due. */
  due_in: number;
}

async function jobRows(queue: string): Promise<JobRow[]> {
  const { rows } = await sql<JobRow>`
    SELECT id, status, attempts, last_error, finished_at, dedupe_key, queue, payload,
      extract(epoch FROM run_at - now())::float8 AS due_in
    FROM jobs WHERE queue = ${queue} ORDER BY id`.execute(db);
  return rows;
}

/** Makes a job due now instead of waiting for its backoff. */
async function makeDue(id: string): Promise<void> {
  await sql`UPDATE jobs SET run_at = now() - interval '1 second' WHERE id = ${id}`.execute(db);
}

describe('enqueueing in a transaction', () => {
  it('never runs a job whose transaction rolled back', async () => {
    const jobs = new Jobs();
    const ran: string[] = [];
    jobs.handle<{ label: string }>('test.tx', async (job) => {
      ran.push(job.payload.label);
    });
    await expect(
      transaction(db, async (trx) => {
        await jobs.enqueue(trx, { queue: 'test.tx', payload: { label: 'rolled back' } });
        throw new Error('abort the change');
      }),
    ).rejects.toThrow('abort the change');
    await transaction(db, async (trx) => {
      await jobs.enqueue(trx, { queue: 'test.tx', payload: { label: 'committed' } });
    });

    expect(await worker(jobs).drain()).toBe(1);
    expect(ran).toEqual(['committed']);
    expect((await jobRows('test.tx')).map((r) => r.status)).toEqual(['succeeded']);
  });

  it('adds one job when the same dedupe key is enqueued twice', async () => {
    const jobs = new Jobs();
    let runs = 0;
    jobs.handle('test.dedupe', async () => {
      runs++;
    });
    const first = await jobs.enqueue(db, { queue: 'test.dedupe', dedupeKey: 'order-1' });
    const second = await jobs.enqueue(db, { queue: 'test.dedupe', dedupeKey: 'order-1' });
    const otherKey = await jobs.enqueue(db, { queue: 'test.dedupe', dedupeKey: 'order-2' });

    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
    expect(otherKey).toEqual(expect.any(String));
    expect(await jobRows('test.dedupe')).toHaveLength(2);
    await worker(jobs).drain();
    expect(runs).toBe(2);
  });
});

describe('failing jobs', () => {
  it('retries with exponential backoff and dead-letters after max attempts', async () => {
    const jobs = new Jobs();
    const attempts: number[] = [];
    jobs.handle(
      'test.failing',
      async (job) => {
        attempts.push(job.attempt);
        throw new Error(`smtp refused (attempt ${job.attempt})`);
      },
      { backoffMs: 10_000, maxBackoffMs: 3_600_000 },
    );
    const id = (await jobs.enqueue(db, { queue: 'test.failing', maxAttempts: 3 }))!;
    const w = worker(jobs);

    expect(await w.runOnce()).toBe(1);
    const [afterFirst] = await jobRows('test.failing');
    expect(afterFirst).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_error: 'smtp refused (attempt 1)',
    });
    // 10 s ± 20 % jitter
    expect(afterFirst!.due_in).toBeGreaterThan(7.5);
    expect(afterFirst!.due_in).toBeLessThan(12.5);
    expect(await w.runOnce()).toBe(0); // not due yet

    await makeDue(id);
    expect(await w.runOnce()).toBe(1);
    const [afterSecond] = await jobRows('test.failing');
    expect(afterSecond).toMatchObject({
      status: 'pending',
      attempts: 2,
      last_error: 'smtp refused (attempt 2)',
    });
    // doubled: 20 s ± 20 %
    expect(afterSecond!.due_in).toBeGreaterThan(15.5);
    expect(afterSecond!.due_in).toBeLessThan(24.5);

    await makeDue(id);
    expect(await w.runOnce()).toBe(1);
    const [dead] = await jobRows('test.failing');
    expect(dead).toMatchObject({ status: 'dead', attempts: 3, last_error: 'smtp refused (attempt 3)' });
    expect(dead!.finished_at).toBeInstanceOf(Date);

    await makeDue(id);
    expect(await w.runOnce()).toBe(0); // a dead job is never claimed again
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('takes the attempts and backoff of its queue, and tells the handler its last attempt', async () => {
    const jobs = new Jobs();
    const seen: { attempt: number; maxAttempts: number }[] = [];
    jobs.handle(
      'test.patient',
      async (job) => {
        seen.push({ attempt: job.attempt, maxAttempts: job.maxAttempts });
        throw new Error('provider down');
      },
      { backoffMs: 60_000, maxBackoffMs: 7_200_000, maxAttempts: 20 },
    );
    const id = (await jobs.enqueue(db, { queue: 'test.patient' }))!;
    const row = await db
      .selectFrom('jobs')
      .select(['max_attempts'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.max_attempts).toBe(20);
    await worker(jobs).runOnce();
    const [after] = await jobRows('test.patient');
    expect(after).toMatchObject({ status: 'pending', attempts: 1 });
    expect(after!.due_in).toBeGreaterThan(45);
    expect(after!.due_in).toBeLessThan(75);
    expect(seen).toEqual([{ attempt: 1, maxAttempts: 20 }]);
  });
});

describe('concurrent workers', () => {
  let second: Database | null = null;
  afterAll(async () => second?.close());

  it('never runs one job twice when two workers race over the same jobs', async () => {
    const jobs = new Jobs();
    const runs = new Map<string, number>();
    jobs.handle('test.race', async (job) => {
      runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
      // Yield so the other worker's claim can interleave with this job's completion.
      await new Promise((resolve) => setImmediate(resolve));
    });
    const ids = new Set<string>();
    await transaction(db, async (trx) => {
      for (let i = 0; i < 50; i++)
        ids.add((await jobs.enqueue(trx, { queue: 'test.race', payload: { i } }))!);
    });
    // On PostgreSQL the second worker has a pool of its own, as another process would.
    if (onPostgres) {
      second = await createDatabase({ url: process.env.DATABASE_URL, schema: server.schema, poolMax: 5 });
    }
    const a = worker(jobs, { concurrency: 3, id: 'worker-a' });
    const b = worker(jobs, { db: second?.db ?? db, concurrency: 3, id: 'worker-b' });

    let total = 0;
    for (let round = 0; round < 100; round++) {
      const [ranA, ranB] = await Promise.all([a.runOnce(), b.runOnce()]);
      total += ranA + ranB;
      if (ranA + ranB === 0) break;
    }

    expect(total).toBe(50);
    expect(new Set(runs.keys())).toEqual(ids);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    const rows = await jobRows('test.race');
    expect(rows.every((r) => r.status === 'succeeded' && r.attempts === 1)).toBe(true);
  });
});

describe('surviving a crash', () => {
  it('runs jobs left pending by a closed server once a new server starts on the same schema', async () => {
    const first = await createTestServer();
    const second = await (async () => {
      try {
        await first.jobs.enqueue(first.database.db, { queue: 'test.survivor', payload: { n: 1 } });
        await first.jobs.enqueue(first.database.db, { queue: 'test.survivor', payload: { n: 2 } });
      } finally {
        // The process dies: no worker ran, nothing was dropped.
        await first.close();
        fs.rmSync(first.config.dataDir, { recursive: true, force: true });
      }
      return createTestServer({ schema: first.schema });
    })();
    try {
      const seen: number[] = [];
      second.jobs.handle<{ n: number }>('test.survivor', async (job) => {
        seen.push(job.payload.n);
      });
      expect(await second.worker.drain()).toBe(2);
      expect(seen.sort()).toEqual([1, 2]);
    } finally {
      await second.destroy();
    }
  });

  it('claims again a job left running by a worker whose lease expired', async () => {
    const jobs = new Jobs();
    const attempts: number[] = [];
    jobs.handle('test.orphan', async (job) => {
      attempts.push(job.attempt);
    });
    const expired = (await jobs.enqueue(db, { queue: 'test.orphan', payload: { lease: 'expired' } }))!;
    const held = (await jobs.enqueue(db, { queue: 'test.orphan', payload: { lease: 'held' } }))!;
    // Both were claimed by a worker that then died; one lease is over, the other is not yet.
    await sql`UPDATE jobs SET status = 'running', attempts = 1, locked_by = 'dead-worker',
        locked_until = now() - interval '1 minute' WHERE id = ${expired}`.execute(db);
    await sql`UPDATE jobs SET status = 'running', attempts = 1, locked_by = 'slow-worker',
        locked_until = now() + interval '5 minutes' WHERE id = ${held}`.execute(db);

    expect(await worker(jobs).drain()).toBe(1);
    expect(attempts).toEqual([2]);
    const rows = await jobRows('test.orphan');
    expect(rows.find((r) => r.id === expired)).toMatchObject({ status: 'succeeded', attempts: 2 });
    expect(rows.find((r) => r.id === held)).toMatchObject({ status: 'running', attempts: 1 });
  });

  it('dead-letters a job whose lease ran out on its last attempt instead of running it again', async () => {
    const jobs = new Jobs();
    let ran = 0;
    jobs.handle('test.spent', async () => {
      ran++;
    });
    const spent = (await jobs.enqueue(db, { queue: 'test.spent', maxAttempts: 2 }))!;
    await sql`UPDATE jobs SET status = 'running', attempts = 2, locked_by = 'dead-worker',
        locked_until = now() - interval '1 minute' WHERE id = ${spent}`.execute(db);

    expect(await worker(jobs).drain()).toBe(0);
    expect(ran).toBe(0);
    const [row] = await jobRows('test.spent');
    expect(row).toMatchObject({ status: 'dead', attempts: 2, last_error: 'lease expired' });
    expect(row!.finished_at).not.toBeNull();
  });

  it('claims a lapsed job before due ones, and no more than the batch in all', async () => {
    const jobs = new Jobs();
    const seen: string[] = [];
    jobs.handle<{ n: string }>('test.lapsed-first', async (job) => {
      seen.push(job.payload.n);
    });
    for (const n of ['a', 'b', 'c']) await jobs.enqueue(db, { queue: 'test.lapsed-first', payload: { n } });
    const lapsed = (await jobs.enqueue(db, { queue: 'test.lapsed-first', payload: { n: 'lapsed' } }))!;
    await sql`UPDATE jobs SET status = 'running', attempts = 1, locked_by = 'dead-worker',
        locked_until = now() - interval '1 minute' WHERE id = ${lapsed}`.execute(db);

    expect(await worker(jobs, { concurrency: 2 }).runOnce()).toBe(2);
    expect(seen).toHaveLength(2);
    expect(seen).toContain('lapsed');
    const row = (await jobRows('test.lapsed-first')).find((r) => r.id === lapsed);
    expect(row).toMatchObject({ status: 'succeeded', attempts: 2, last_error: 'lease expired' });
  });
});

describe('claims that meet in one statement', () => {
  it('gives each job and each pumped item to one claim when two rounds of one worker claim at once', async () => {
    const jobs = new Jobs();
    const runs = new Map<number, number>();
    jobs.handle<{ n: number }>('test.shared', async (job) => {
      runs.set(job.payload.n, (runs.get(job.payload.n) ?? 0) + 1);
    });
    for (let n = 0; n < 6; n++) await jobs.enqueue(db, { queue: 'test.shared', payload: { n } });
    const table = `pumped_${newId().slice(-8)}`;
    await sql`CREATE TABLE ${sql.table(table)} (id int PRIMARY KEY, claims int NOT NULL DEFAULT 0)`.execute(
      db,
    );
    await sql`INSERT INTO ${sql.table(table)} (id) SELECT generate_series(1, 5)`.execute(db);
    const pumped = new Map<number, number>();
    jobs.pump({
      name: 'test.pump',
      dueIn: async () => null,
      batchSize: () => 10,
      claim: (prefix) => ({
        ctes: [
          sql`${sql.ref(`${prefix}picked`)} AS (
            SELECT id FROM ${sql.table(table)} WHERE claims = 0 LIMIT 10 FOR UPDATE SKIP LOCKED)`,
          sql`${sql.ref(`${prefix}claimed`)} AS (
            UPDATE ${sql.table(table)} t SET claims = t.claims + 1 FROM ${sql.ref(`${prefix}picked`)} p
            WHERE t.id = p.id RETURNING t.id)`,
        ],
        rows: sql`(SELECT jsonb_agg(c.id) FROM ${sql.ref(`${prefix}claimed`)} c)`,
      }),
      run: async (_db, _log, claimed) => {
        for (const id of claimed as number[]) pumped.set(id, (pumped.get(id) ?? 0) + 1);
        return claimed.length;
      },
    });
    const w = worker(jobs, { concurrency: 4 });
    const recorded = recordStatements(server.database.pool);
    await Promise.all([w.runOnce(), w.runOnce()]);
    recorded.stop();
    const claims = recorded.statements().filter((s) => s.includes(table) && s.includes('UPDATE jobs'));

    expect(claims).toHaveLength(1); // the two rounds' claims, jobs and pumped items, in one statement
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    await w.drain();
    expect([...runs.entries()].sort()).toEqual([0, 1, 2, 3, 4, 5].map((n) => [n, 1]));
    expect([...pumped.entries()].sort()).toEqual([1, 2, 3, 4, 5].map((id) => [id, 1]));
    await sql`DROP TABLE ${sql.table(table)}`.execute(db);
  });
});

describe('domain events', () => {
  it('writes the event and one job per subscriber inside the caller’s transaction', async () => {
    const jobs = new Jobs();
    const received: { queue: string; payload: Record<string, unknown>; storeId: string | null }[] = [];
    for (const subscriber of ['test.mailer', 'test.analytics']) {
      jobs.subscribe('test.order.placed', subscriber, async (job) => {
        received.push({ queue: job.queue, payload: job.payload, storeId: job.storeId });
      });
    }
    const storeId = newId();

    await expect(
      transaction(db, async (trx) => {
        await jobs.publish(trx, { name: 'test.order.placed', storeId, payload: { orderId: 'lost' } });
        throw new Error('checkout failed');
      }),
    ).rejects.toThrow('checkout failed');
    const eventId = await transaction(db, async (trx) => {
      const id = await jobs.publish(trx, { name: 'test.order.placed', storeId, payload: { orderId: 'o-1' } });
      // Visible inside the transaction, before commit.
      const inside = await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM jobs WHERE dedupe_key = ${id}`.execute(trx);
      expect(inside.rows[0]!.n).toBe(2);
      return id;
    });

    const { rows: events } = await sql<{ id: string; store_id: string; payload: unknown }>`
      SELECT id, store_id, payload FROM outbox_events WHERE name = 'test.order.placed'`.execute(db);
    expect(events).toEqual([{ id: eventId, store_id: storeId, payload: { orderId: 'o-1' } }]);
    expect((await jobRows('test.mailer')).map((r) => r.dedupe_key)).toEqual([eventId]);
    expect((await jobRows('test.analytics')).map((r) => r.dedupe_key)).toEqual([eventId]);

    await worker(jobs).drain();
    const expected = { orderId: 'o-1', event: 'test.order.placed', eventId };
    expect(received.sort((x, y) => x.queue.localeCompare(y.queue))).toEqual([
      { queue: 'test.analytics', payload: expected, storeId },
      { queue: 'test.mailer', payload: expected, storeId },
    ]);
  });
});

describe('domain events inside the caller’s statement', () => {
  /** A statement of the caller's (one SELECT) with the events added to it. */
  const write = (trx: Db, withEvents: WithEvents, value = '1') =>
    withEvents(trx)
      .selectNoFrom(sql<number>`${sql.raw(value)}`.as('n'))
      .executeTakeFirstOrThrow();

  it('writes the same rows as publish in one statement, and tells observers only after the commit', async () => {
    const jobs = new Jobs();
    const received: { queue: string; payload: Record<string, unknown> }[] = [];
    for (const subscriber of ['test.folded.mailer', 'test.folded.analytics']) {
      jobs.subscribe('test.folded.placed', subscriber, async (job) => {
        received.push({ queue: job.queue, payload: job.payload });
      });
    }
    const observed: string[] = [];
    jobs.observe((event) => observed.push(`${event.name}:${event.payload.orderId}`));
    const storeId = newId();
    const events = (orderId: string) => [
      { name: 'test.folded.placed', storeId, payload: { orderId } },
      { name: 'test.folded.unheard', storeId, payload: { orderId } },
    ];

    await expect(
      transaction(db, async (trx) => {
        await jobs.publishWith(trx, events('lost'), (withEvents) => write(trx, withEvents));
        throw new Error('checkout failed');
      }),
    ).rejects.toThrow('checkout failed');
    await expect(
      jobs.publishWith(db, events('failed'), (withEvents) => write(db, withEvents, '1/0')),
    ).rejects.toThrow();
    const recorded = recordStatements(server.database.pool);
    const row = await transaction(db, async (trx) => {
      const result = await jobs.publishWith(trx, events('o-1'), (withEvents) => write(trx, withEvents));
      expect(observed).toEqual([]); // not before the commit
      return result;
    });
    recorded.stop();

    expect(row).toEqual({ n: 1 });
    expect(recorded.statements().filter((s) => !/^(begin|commit)/i.test(s.trim()))).toHaveLength(1);
    expect(observed).toEqual(['test.folded.placed:o-1', 'test.folded.unheard:o-1']);
    const { rows: written } = await sql<{ id: string; name: string; store_id: string; payload: unknown }>`
      SELECT id, name, store_id, payload FROM outbox_events WHERE name LIKE 'test.folded.%'
      ORDER BY name DESC`.execute(db);
    expect(written.map(({ id: _, ...rest }) => rest)).toEqual([
      { name: 'test.folded.unheard', store_id: storeId, payload: { orderId: 'o-1' } },
      { name: 'test.folded.placed', store_id: storeId, payload: { orderId: 'o-1' } },
    ]);
    const placedId = written[1]!.id;
    expect((await jobRows('test.folded.mailer')).map((r) => r.dedupe_key)).toEqual([placedId]);
    expect((await jobRows('test.folded.analytics')).map((r) => r.dedupe_key)).toEqual([placedId]);

    await worker(jobs).drain();
    const expected = { orderId: 'o-1', event: 'test.folded.placed', eventId: placedId };
    expect(received.sort((x, y) => x.queue.localeCompare(y.queue))).toEqual([
      { queue: 'test.folded.analytics', payload: expected },
      { queue: 'test.folded.mailer', payload: expected },
    ]);
  });
});

describe('schedules', () => {
  it('enqueues exactly one run of a due schedule even with two workers ticking', async () => {
    const jobs = new Jobs();
    const runs: unknown[] = [];
    jobs.handle('test.nightly-report', async (job) => {
      runs.push(job.payload);
    });
    jobs.schedule('test.nightly', '0 3 * * *', 'test.nightly-report');
    const a = worker(jobs, { id: 'ticker-a' });
    const b = worker(jobs, { id: 'ticker-b' });

    await Promise.all([a.tickSchedules(), b.tickSchedules()]);
    expect(await jobRows('test.nightly-report')).toHaveLength(0); // registered, next run tomorrow 03:00

    await sql`UPDATE job_schedules SET next_run_at = now() - interval '1 minute' WHERE name = 'test.nightly'`.execute(
      db,
    );
    await Promise.all([a.tickSchedules(), b.tickSchedules(), a.tickSchedules(), b.tickSchedules()]);
    expect(await jobRows('test.nightly-report')).toHaveLength(1);

    // Cron times are UTC, whatever the time zone of the process.
    const { rows } = await sql<{ in_future: boolean; utc_time: string; ran: boolean }>`
      SELECT next_run_at > now() AS in_future, to_char(next_run_at AT TIME ZONE 'UTC', 'HH24:MI') AS utc_time,
        last_run_at IS NOT NULL AS ran
      FROM job_schedules WHERE name = 'test.nightly'`.execute(db);
    expect(rows).toEqual([{ in_future: true, utc_time: '03:00', ran: true }]);

    await Promise.all([a.drain(), b.drain()]);
    expect(runs).toEqual([{ schedule: 'test.nightly' }]);
  });
});
