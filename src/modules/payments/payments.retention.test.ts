import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import { newId } from '../../platform/ids.ts';
import { RETENTION_QUEUES } from '../../platform/jobs/retention.ts';

let server: TestServer;

beforeAll(async () => {
  server = await createTestServer({ config: { RETENTION_PAYMENT_EVENTS_DAYS: 90 } });
});
afterAll(async () => server?.destroy());

async function insertEvent(ageDays: number) {
  const id = newId();
  await sql`
    INSERT INTO payment_events (id, store_id, provider, event_id, type, payload, outcome, received_at)
    VALUES (${id}, ${server.modules.tenancy.defaultStore().id}, 'stripe', ${`evt_${id}`}, 'payment_intent.succeeded',
            '{"billing_details":{"email":"someone@example.test"}}'::jsonb, 'applied',
            now() - make_interval(days => ${ageDays}))`.execute(server.database.db);
  return id;
}

describe('payment event retention', () => {
  it('deletes received webhooks (and the personal data in their payloads) past retention only', async () => {
    const old = await insertEvent(91);
    const recent = await insertEvent(89);
    await server.jobs.enqueue(server.database.db, { queue: RETENTION_QUEUES.payments });
    await server.worker.drain();
    const left = await server.database.db
      .selectFrom('payment_events')
      .select('id')
      .where('id', 'in', [old, recent])
      .execute();
    expect(left.map((r) => r.id)).toEqual([recent]);
  });
});
