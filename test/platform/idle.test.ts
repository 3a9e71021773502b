import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { transaction } from '../../src/platform/db/transaction.ts';
import { createTestServer, embeddedDatabase, onPostgres, type TestServer } from '../harness.ts';
import { recordStatements } from '../statements.ts';

let server: TestServer | undefined;
// The embedded database is made once per test process, and slowly: not inside a test's time.
beforeAll(async () => {
  if (!onPostgres) await embeddedDatabase();
}, 300_000);
afterEach(async () => {
  await server?.destroy();
  server = undefined;
});

/** Waits for `check` to hold, looking every 10 ms, up to `ms`. */
async function until(check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(10);
  }
}

/** A handler that records when each of its jobs ran. */
function recorder(target: TestServer, queue: string) {
  const ran: number[] = [];
  target.jobs.handle(queue, async () => {
    ran.push(Date.now());
  });
  return ran;
}

/** Starts the worker and waits until it has looked for work once (it then sleeps until told). */
async function startAndLook(target: TestServer): Promise<void> {
  const recorded = recordStatements(target.database.pool);
  target.worker.start();
  await until(() => recorded.statements().some((s) => s.includes('min(run_at)')));
  recorded.stop();
}

describe('an idle server', () => {
  it('runs no write statement while idle, however often the worker looks', async () => {
    // A short poll, so the window holds many of the worker's looks (the default is 15 s).
    server = await createTestServer({ config: { WORKER_POLL_MS: 20 } });
    await server.worker.tickSchedules(); // a first start records the schedules: the one write it makes
    const recorded = recordStatements(server.database.pool);
    server.worker.start();

    await until(() => recorded.statements().length >= 25);
    await server.worker.stop();
    recorded.stop();

    expect(recorded.writes()).toEqual([]);
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM job_schedules WHERE last_run_at IS NOT NULL`.execute(server.database.db);
    expect(rows[0]!.n).toBe(0);
  });

  it('picks up a job as soon as its transaction commits, without waiting for the poll', async () => {
    server = await createTestServer({ config: { WORKER_POLL_MS: 600_000 } });
    const ran = recorder(server, 'test.prompt');
    const { db } = server.database;
    await startAndLook(server);

    const committed = Date.now();
    await transaction(db, (trx) => server!.jobs.enqueue(trx, { queue: 'test.prompt' }));

    await until(() => ran.length === 1, 30_000);
    expect(ran[0]! - committed).toBeLessThan(10_000); // the poll is ten minutes
  });

  it('picks up the job of an event written inside another statement as soon as it commits', async () => {
    server = await createTestServer({ config: { WORKER_POLL_MS: 600_000 } });
    const ran: number[] = [];
    server.jobs.subscribe('test.folded', 'test.folded.prompt', async () => {
      ran.push(Date.now());
    });
    const { db } = server.database;
    await startAndLook(server);

    const committed = Date.now();
    await transaction(db, (trx) =>
      server!.jobs.publishWith(trx, [{ name: 'test.folded', payload: {} }], (withEvents) =>
        withEvents(trx).selectNoFrom(sql<number>`1`.as('n')).execute(),
      ),
    );

    await until(() => ran.length === 1, 30_000);
    expect(ran[0]! - committed).toBeLessThan(10_000); // the poll is ten minutes
  });

  it('wakes for a job enqueued to run later when it is due, and not for a rolled-back one', async () => {
    server = await createTestServer({ config: { WORKER_POLL_MS: 600_000 } });
    const ran = recorder(server, 'test.later');
    const { db } = server.database;
    await startAndLook(server);

    await expect(
      transaction(db, async (trx) => {
        await server!.jobs.enqueue(trx, { queue: 'test.later' });
        throw new Error('abort the change');
      }),
    ).rejects.toThrow('abort the change');
    const due = Date.now() + 400;
    await transaction(db, (trx) => server!.jobs.enqueue(trx, { queue: 'test.later', runAt: new Date(due) }));

    await until(() => ran.length === 1, 30_000);
    expect(ran[0]!).toBeGreaterThanOrEqual(due - 50); // the database's clock and ours may differ a little
    expect(ran[0]! - due).toBeLessThan(10_000);
    await server.worker.stop();
    expect(ran).toHaveLength(1);
  });

  it('runs a due schedule once and then writes nothing until the next run', async () => {
    server = await createTestServer({ config: { WORKER_POLL_MS: 20 } });
    const ran = recorder(server, 'test.hourly');
    server.jobs.schedule('test.hourly', '0 * * * *', 'test.hourly');
    await server.worker.tickSchedules();
    await sql`UPDATE job_schedules SET next_run_at = now() - interval '1 second' WHERE name = 'test.hourly'`.execute(
      server.database.db,
    );
    server.worker.start();
    const { db } = server.database;
    await until(async () => {
      const { rows } = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM jobs WHERE queue = 'test.hourly' AND status = 'succeeded'`.execute(db);
      return rows[0]!.n === 1;
    });

    const recorded = recordStatements(server.database.pool);
    await until(() => recorded.statements().length >= 10);
    await server.worker.stop();
    recorded.stop();

    expect(recorded.writes()).toEqual([]);
    expect(ran).toHaveLength(1);
  });
});
