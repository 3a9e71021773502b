import { setImmediate as nextTurn } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import { createOrder } from '../../../test/kit/index.ts';
import { sentMails } from '../../../test/mail.ts';
import { transaction } from '../../platform/db/transaction.ts';
import { systemCtx } from '../../platform/http/context.ts';
import { newId } from '../../platform/ids.ts';
import { Worker } from '../../platform/jobs/worker.ts';
import { type ChannelPort, subscriberOf } from './index.ts';

// The batched pipeline at volume: events claimed 200 at a time and rendered together, messages
// claimed in batches from the notifications table. What must hold whatever the batching: one row
// per event, recipient and channel; a replay adds none; two workers never send a message twice.
let server: TestServer;

beforeAll(async () => {
  server = await createTestServer({ env: { PUBLIC_URL: 'http://localhost:3000' } });
});
afterAll(async () => server?.destroy());

const db = () => server.database.db;
const storeId = () => server.modules.tenancy.defaultStore().id;
const EVENT = 'orders.order.shipped';

/** `count` shipped events over `orders`, published in transactions of 250 as a busy store would. */
async function publishMany(orders: string[], count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let from = 0; from < count; from += 250)
    await transaction(db(), async (trx) => {
      for (let i = from; i < Math.min(from + 250, count); i++)
        ids.push(
          await server.jobs.publish(trx, {
            name: EVENT,
            storeId: storeId(),
            payload: { orderId: orders[i % orders.length] },
          }),
        );
    });
  return ids;
}

async function rowsOfEvents(eventIds: string[]) {
  const { rows } = await sql<{
    n: number;
    distinct_keys: number;
    emails: number;
    sent: number;
    in_app: number;
  }>`
    SELECT count(*)::int AS n,
      count(DISTINCT (event_id, recipient, channel))::int AS distinct_keys,
      count(*) FILTER (WHERE channel = 'EMAIL')::int AS emails,
      count(*) FILTER (WHERE channel = 'EMAIL' AND status = 'SENT')::int AS sent,
      count(*) FILTER (WHERE channel = 'IN_APP')::int AS in_app
    FROM notifications WHERE event_id = ANY(${eventIds}::uuid[])`.execute(db());
  return rows[0]!;
}

/** The email adapter, counting what it is asked to send (by notification id). */
function countingEmail(): { port: ChannelPort; sends: Map<string, number>; restore: () => void } {
  const email = server.modules.notifications.channel('EMAIL')!;
  const sends = new Map<string, number>();
  const port: ChannelPort = {
    ...email,
    async deliver(message) {
      sends.set(message.id, (sends.get(message.id) ?? 0) + 1);
      await nextTurn(); // let the other worker's claim interleave with this send
      return email.deliver(message);
    },
  };
  server.modules.notifications.useChannel(port);
  return { port, sends, restore: () => server.modules.notifications.useChannel(email) };
}

describe('the batched pipeline', () => {
  it('turns 1,000 events into exactly one mail and one feed row each, and a replay adds none', async () => {
    const orders: string[] = [];
    for (let i = 0; i < 4; i++) orders.push((await createOrder(server)).order.id);
    await server.worker.drain();
    const mailsBefore = (await sentMails(server)).length;
    const eventIds = await publishMany(orders, 1000);
    await server.worker.drain(1000);
    expect(await rowsOfEvents(eventIds)).toEqual({
      n: 2000,
      distinct_keys: 2000,
      emails: 1000,
      sent: 1000,
      in_app: 1000,
    });
    expect((await sentMails(server)).length - mailsBefore).toBe(1000);

    // every event delivered to the subscriber again (a crash after the write, a replayed outbox)
    await transaction(db(), async (trx) => {
      for (const [i, eventId] of eventIds.entries())
        await server.jobs.enqueue(trx, {
          queue: subscriberOf(EVENT),
          storeId: storeId(),
          payload: { orderId: orders[i % orders.length], event: EVENT, eventId },
        });
    });
    await server.worker.drain(1000);
    expect((await rowsOfEvents(eventIds)).n).toBe(2000);
    expect((await sentMails(server)).length - mailsBefore).toBe(1000);
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM jobs WHERE queue = ${subscriberOf(EVENT)} AND status <> 'succeeded'`.execute(
      db(),
    );
    expect(rows[0]!.n).toBe(0);
  });

  it('never sends a message twice when two workers claim events and messages at once', async () => {
    const { order } = await createOrder(server);
    await server.worker.drain();
    const counting = countingEmail();
    try {
      const eventIds = await publishMany([order.id], 600);
      const worker = (id: string) =>
        new Worker({ db: db(), jobs: server.jobs, log: server.log, concurrency: 8, id });
      const [a, b] = [worker('a'), worker('b')];
      await Promise.all([a.drain(1000), b.drain(1000)]);
      await server.worker.drain(1000);
      const rows = await db()
        .selectFrom('notifications')
        .select(['id', 'status', 'attempts'])
        .where('event_id', 'in', eventIds)
        .where('channel', '=', 'EMAIL')
        .execute();
      expect(rows).toHaveLength(600);
      expect(rows.every((r) => r.status === 'SENT' && r.attempts === 1)).toBe(true);
      expect(counting.sends.size).toBe(600);
      expect([...counting.sends.values()].every((n) => n === 1)).toBe(true);
      expect(new Set(rows.map((r) => r.id))).toEqual(new Set(counting.sends.keys()));
    } finally {
      counting.restore();
    }
  });

  it('sends urgent messages before others that were due earlier', async () => {
    const counting = countingEmail();
    const subjects: string[] = [];
    server.modules.notifications.useChannel({
      ...counting.port,
      async deliver(message) {
        subjects.push(message.subject ?? '');
        return counting.port.deliver(message);
      },
    });
    try {
      const ctx = systemCtx(db(), storeId(), server.log, { reason: 'test' });
      const recipient = { userId: null, name: 'Ada', email: 'urgent-first@example.test', phone: null };
      const order = { number: 'U-1' };
      const normal = newId();
      const urgent = newId();
      await server.modules.notifications.dispatcher.dispatch(ctx, normal, [
        { type: 'ORDER_DELIVERED', recipient, data: { order } },
      ]);
      await server.modules.notifications.dispatcher.dispatch(ctx, urgent, [
        { type: 'ORDER_OUT_FOR_DELIVERY', recipient, data: { order, code: '123456' } },
      ]);
      // the ordinary message was due a minute before the urgent one
      await sql`UPDATE notifications SET next_attempt_at = now() - interval '2 minutes' WHERE event_id = ${normal}`.execute(
        db(),
      );
      await sql`UPDATE notifications SET next_attempt_at = now() - interval '1 minute' WHERE event_id = ${urgent}`.execute(
        db(),
      );
      await server.worker.drain();
      expect(subjects).toHaveLength(2);
      expect(subjects[0]).toMatch(/on its way/);
      expect(subjects[1]).toMatch(/delivered/);
    } finally {
      counting.restore();
    }
  });
});
