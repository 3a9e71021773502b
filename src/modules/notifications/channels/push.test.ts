import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../../test/harness.ts';
import { anonymous, as, createUser, type TestUser } from '../../../../test/kit/index.ts';
import { type PushServiceStandIn, startPushService } from '../../../../test/kit/push-service.ts';
import { systemCtx } from '../../../platform/http/context.ts';
import { newId } from '../../../platform/ids.ts';
import { sampleData } from '../notifications.samples.ts';
import type { NotificationType } from '../notifications.types.ts';

let push: PushServiceStandIn;
let server: TestServer;

beforeAll(async () => {
  push = await startPushService();
  server = await createTestServer();
});
afterAll(async () => {
  await server?.destroy();
  await push?.close();
});

const subscribe = (user: TestUser, body: unknown) => as(user).post('/me/push-subscriptions', body);
const unsubscribe = (user: TestUser, endpoint: string) =>
  server.app.inject({
    method: 'DELETE',
    url: '/api/v1/me/push-subscriptions',
    headers: { ...user.headers, 'content-type': 'application/json' },
    payload: JSON.stringify({ endpoint }),
  });

/** An order-shipped message to `user`, dispatched as the event's subscriber would, then sent. */
async function shipNotice(user: TestUser) {
  const ctx = systemCtx(server.database.db, user.storeId, server.app.log);
  const recipient = { userId: user.id, name: 'Buyer', email: null, phone: null };
  const order = { number: 'B-1001', total: 12_500, currency: 'INR' };
  await server.modules.notifications.dispatcher.dispatch(ctx, newId(), [
    { type: 'ORDER_SHIPPED', recipient, data: { order } },
  ]);
  await server.worker.drain();
}

describe('web push', () => {
  it('gives the VAPID public key, generated once and kept in DATA_DIR', async () => {
    const answer = await anonymous(server).get('/push/vapid-public-key');
    expect(answer.statusCode).toBe(200);
    const { publicKey } = answer.json();
    expect(Buffer.from(publicKey, 'base64url')).toHaveLength(65);
    const stored = JSON.parse(
      fs.readFileSync(path.join(server.config.dataDir, 'keys', 'vapid.json'), 'utf8'),
    );
    expect(stored.publicKey).toBe(publicKey);
  });

  it("sends to each of the user's devices, encrypted and signed with the VAPID key", async () => {
    const user = await createUser(server);
    const phone = push.subscription(`phone-${user.id}`);
    const laptop = push.subscription(`laptop-${user.id}`);
    expect((await subscribe(user, phone)).statusCode).toBe(201);
    expect((await subscribe(user, { ...laptop, expirationTime: null })).statusCode).toBe(201);
    await shipNotice(user);
    const got = push.received.filter((r) => r.device.endsWith(user.id));
    expect(got.map((r) => r.device).sort()).toEqual([`laptop-${user.id}`, `phone-${user.id}`]);
    const { publicKey } = (await anonymous(server).get('/push/vapid-public-key')).json();
    for (const r of got) {
      expect(r.headers.authorization).toMatch(
        new RegExp(`^vapid t=[\\w-]+\\.[\\w-]+\\.[\\w-]+, k=${publicKey}$`),
      );
      expect(r.headers['content-encoding']).toBe('aes128gcm');
      expect(Number(r.headers.ttl)).toBeGreaterThan(0);
      expect(r.body.length).toBeGreaterThan(100);
      expect(r.body.toString('latin1')).not.toContain('B-1001');
    }
    const { rows } = await sql<{ status: string; recipient: string }>`
      SELECT status, recipient FROM notifications WHERE user_id = ${user.id} AND channel = 'PUSH'`.execute(
      server.database.db,
    );
    expect(rows).toEqual([{ status: 'SENT', recipient: user.id }]);
  });

  it.each([
    'ORDER_PLACED',
    'ORDER_PAID',
    'ORDER_SHIPPED',
    'ORDER_OUT_FOR_DELIVERY',
    'ORDER_DELIVERED',
    'ORDER_CANCELLED',
  ] as NotificationType[])('sends %s to the buyer’s device', async (type) => {
    const user = await createUser(server);
    expect((await subscribe(user, push.subscription(`${type}-${user.id}`))).statusCode).toBe(201);
    const ctx = systemCtx(server.database.db, user.storeId, server.app.log);
    const recipient = { userId: user.id, name: 'Buyer', email: null, phone: null };
    await server.modules.notifications.dispatcher.dispatch(ctx, newId(), [
      { type, recipient, data: sampleData(type) },
    ]);
    await server.worker.drain();
    expect(push.received.filter((r) => r.device === `${type}-${user.id}`)).toHaveLength(1);
    const { rows } = await sql<{ status: string; type: string }>`
      SELECT status, type FROM notifications WHERE user_id = ${user.id} AND channel = 'PUSH'`.execute(
      server.database.db,
    );
    expect(rows).toEqual([{ status: 'SENT', type }]);
  });

  it('removes a subscription the push service answers 410 Gone for', async () => {
    const user = await createUser(server);
    const old = push.subscription(`old-${user.id}`);
    const current = push.subscription(`new-${user.id}`);
    push.gone.add(`old-${user.id}`);
    await subscribe(user, old);
    await subscribe(user, current);
    await shipNotice(user);
    const { rows } = await sql<{ endpoint: string }>`
      SELECT endpoint FROM push_subscriptions WHERE user_id = ${user.id}`.execute(server.database.db);
    expect(rows.map((r) => r.endpoint)).toEqual([current.endpoint]);
  });

  it("unsubscribes only the caller's own device; another user's endpoint is 404", async () => {
    const owner = await createUser(server);
    const stranger = await createUser(server);
    const device = push.subscription(`own-${owner.id}`);
    await subscribe(owner, device);
    expect((await unsubscribe(stranger, device.endpoint)).statusCode).toBe(404);
    expect((await unsubscribe(owner, device.endpoint)).statusCode).toBe(204);
    expect((await unsubscribe(owner, device.endpoint)).statusCode).toBe(404);
  });

  it('needs a session, and refuses bad subscriptions without writing them', async () => {
    const user = await createUser(server);
    const device = push.subscription(`bad-${user.id}`);
    expect((await anonymous(server).post('/me/push-subscriptions', device)).statusCode).toBe(401);
    expect((await subscribe(user, { ...device, endpoint: 'http://10.0.0.1/push/x' })).statusCode).toBe(400);
    expect(
      (await subscribe(user, { ...device, keys: { p256dh: 'not base64!', auth: 'x' } })).statusCode,
    ).toBe(400);
    expect((await subscribe(user, { endpoint: device.endpoint })).statusCode).toBe(400);
    const { rows } = await sql<{ n: string }>`
      SELECT count(*) AS n FROM push_subscriptions WHERE user_id = ${user.id}`.execute(server.database.db);
    expect(Number(rows[0]!.n)).toBe(0);
  });
});
