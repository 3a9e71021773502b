import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { sql } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../../test/harness.ts';
import { anonymous, createCustomer, type TestUser } from '../../../../test/kit/index.ts';
import { capturingLogger } from '../../../../test/logs.ts';
import { systemCtx } from '../../../platform/http/context.ts';
import { newId } from '../../../platform/ids.ts';

// The email channel end to end: a notification rendered by the pipeline and sent over SMTP (a
// loopback smtp-server) or, without SMTP_URL, written by the development transport.

interface Received {
  from: string;
  to: string[];
  raw: string;
}

function header(raw: string, name: string): string | undefined {
  const head = (raw.split(/\r?\n\r?\n/)[0] ?? '').replace(/\r?\n[ \t]+/g, ' ');
  return new RegExp(`^${name}: (.*)$`, 'im').exec(head)?.[1]?.trim();
}

/** A marketing mail (a reply to the user's review) written as its event would write it. */
async function replyMail(server: TestServer, user: TestUser): Promise<string> {
  const storeId = server.modules.tenancy.defaultStore().id;
  const ctx = systemCtx(server.database.db, storeId, server.log, { reason: 'test' });
  const eventId = newId();
  await server.modules.notifications.dispatcher.dispatch(ctx, eventId, [
    {
      type: 'REVIEW_REPLY',
      recipient: { userId: user.id, name: 'Ada', email: user.email, phone: null },
      data: { review: { productName: 'Walnut bread', reply: 'Thank you!', url: '' } },
    },
  ]);
  return eventId;
}

async function mailOf(server: TestServer, eventId: string) {
  return server.database.db
    .selectFrom('notifications')
    .select(['id', 'status', 'attempts'])
    .where('event_id', '=', eventId)
    .where('channel', '=', 'EMAIL')
    .executeTakeFirstOrThrow();
}

describe('mail over SMTP', () => {
  const received: Received[] = [];
  /** How many of the next deliveries the SMTP server turns away with a temporary failure. */
  let refuseNext = 0;
  let smtp: SMTPServer;
  let server: TestServer;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          if (refuseNext > 0) {
            refuseNext--;
            callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }));
          } else {
            callback();
          }
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const { port } = smtp.server.address() as AddressInfo;
    server = await createTestServer({
      env: { SMTP_URL: `smtp://127.0.0.1:${port}`, PUBLIC_URL: 'http://localhost:3000' },
    });
  });
  afterAll(async () => {
    await server?.destroy();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('delivers a queued message to the SMTP server once the worker runs', async () => {
    const user = await createCustomer(server);
    await server.worker.drain();
    received.length = 0;
    const eventId = await replyMail(server, user);
    expect(received).toHaveLength(0); // queued, not sent by the dispatch

    await server.worker.drain();
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual([user.email]);
    expect(received[0]!.from).toBe('no-reply@bazaar.local');
    expect(header(received[0]!.raw, 'Subject')).toMatch(/replied to your review$/);
    expect(header(received[0]!.raw, 'Message-ID')).toBe(`<${(await mailOf(server, eventId)).id}@bazaar>`);
  });

  it('keeps the same Message-ID when a refused send is retried', async () => {
    const user = await createCustomer(server);
    await server.worker.drain();
    received.length = 0;
    refuseNext = 1;
    const eventId = await replyMail(server, user);
    await server.worker.drain();
    expect(await mailOf(server, eventId)).toMatchObject({ status: 'QUEUED', attempts: 1 });

    await sql`UPDATE notifications SET next_attempt_at = now() WHERE event_id = ${eventId}`.execute(
      server.database.db,
    );
    await server.worker.drain();
    const { id } = await mailOf(server, eventId);
    expect(await mailOf(server, eventId)).toMatchObject({ status: 'SENT', attempts: 2 });
    expect(received).toHaveLength(2);
    expect(received.map((r) => header(r.raw, 'Message-ID'))).toEqual([`<${id}@bazaar>`, `<${id}@bazaar>`]);
  });

  it('gives marketing mail a one-click List-Unsubscribe (RFC 8058) that turns that mail off', async () => {
    const user = await createCustomer(server);
    await server.worker.drain();
    received.length = 0;
    await replyMail(server, user);
    await server.worker.drain();
    const raw = received[0]!.raw;
    expect(header(raw, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const list = header(raw, 'List-Unsubscribe')!;
    const url = new URL(
      /^<(http:\/\/localhost:3000\/api\/v1\/notifications\/unsubscribe\?token=[^>]+)>$/.exec(list)![1]!,
    );

    // what a mail client does on the one click: a form POST of List-Unsubscribe=One-Click
    const clicked = await server.app.inject({
      method: 'POST',
      url: `${url.pathname}${url.search}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(clicked.statusCode).toBe(200);
    expect(clicked.json()).toEqual({ status: 'unsubscribed', type: 'REVIEW_REPLY' });
    const forged = await server.app.inject({
      method: 'POST',
      url: `${url.pathname}?token=v1.a.b.c.d`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(forged.statusCode).toBe(404);

    received.length = 0;
    const again = await replyMail(server, user);
    await server.worker.drain();
    expect(received).toHaveLength(0);
    const { rows } =
      await sql`SELECT 1 FROM notifications WHERE event_id = ${again} AND channel = 'EMAIL'`.execute(
        server.database.db,
      );
    expect(rows).toHaveLength(0);
  });

  it('adds no List-Unsubscribe to transactional or security mail', async () => {
    const user = await createCustomer(server);
    await server.worker.drain();
    received.length = 0;
    expect((await anonymous(server).post('/auth/password-reset', { email: user.email })).statusCode).toBe(
      202,
    );
    await server.worker.drain();
    const reset = received.find((r) => r.to.includes(user.email))!;
    expect(header(reset.raw, 'Subject')).toBe('Reset your password');
    expect(header(reset.raw, 'List-Unsubscribe')).toBeUndefined();
  });
});

describe('the development transport', () => {
  let server: TestServer;
  const logs = capturingLogger();

  beforeAll(async () => {
    server = await createTestServer({ log: logs.log });
  });
  afterAll(async () => server?.destroy());

  it('writes each message as one .eml file (0600 in a 0700 directory) under DATA_DIR/mail and logs no recipient', async () => {
    expect(server.config.SMTP_URL).toBeUndefined();
    const user = await createCustomer(server, { email: `margaret.recipient-${Date.now()}@example.test` });
    await server.worker.drain();
    const dir = path.join(server.config.dataDir, 'mail');
    fs.mkdirSync(dir, { recursive: true });
    fs.chmodSync(dir, 0o755); // an existing directory made by an older version is tightened
    const before = fs.readdirSync(dir).length;
    await replyMail(server, user);
    await server.worker.drain();

    const files = fs.readdirSync(dir);
    expect(files).toHaveLength(before + 1);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    for (const file of files) {
      expect(file).toMatch(/\.eml$/);
      expect(fs.statSync(path.join(dir, file)).mode & 0o777).toBe(0o600);
    }
    const newest = files
      .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
      .find((raw) => raw.includes(user.email))!;
    expect(header(newest, 'To')).toBe(user.email);
    expect(logs.text()).toContain('mail written to file');
    expect(logs.text()).not.toContain('margaret.recipient');
  });
});
