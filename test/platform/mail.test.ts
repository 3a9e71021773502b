import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { sql } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transaction } from '../../src/platform/db/transaction.ts';
import { MAIL_QUEUE, sendMail } from '../../src/platform/mail/mailer.ts';
import { createTestServer, type TestServer } from '../harness.ts';
import { capturingLogger } from '../logs.ts';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

function header(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/)[0] ?? '';
  return new RegExp(`^${name}: (.*)$`, 'im').exec(head)?.[1]?.trim();
}

describe('delivery over SMTP', () => {
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
    server = await createTestServer({ env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
  });
  afterAll(async () => {
    await server?.destroy();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('delivers a queued message to the SMTP server once the worker runs', async () => {
    received.length = 0;
    await transaction(server.database.db, async (trx) => {
      await sendMail(trx, server.jobs, {
        to: 'ada@example.com',
        subject: 'Your order #1001',
        text: 'Thanks for your order.',
      });
    });
    expect(received).toHaveLength(0); // queued, not sent in the request

    expect(await server.worker.drain()).toBe(1);
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual(['ada@example.com']);
    expect(received[0]!.from).toBe('no-reply@bazaar.local');
    expect(header(received[0]!.raw, 'Subject')).toBe('Your order #1001');
    expect(received[0]!.raw).toContain('Thanks for your order.');
  });

  it('keeps the same Message-ID when a refused send is retried', async () => {
    received.length = 0;
    refuseNext = 1;
    const jobId = await sendMail(server.database.db, server.jobs, {
      to: 'grace@example.com',
      subject: 'Reset your password',
      text: 'Follow the link.',
    });

    expect(await server.worker.drain()).toBe(1);
    const { rows } = await sql<{ status: string; attempts: number }>`
      SELECT status, attempts FROM jobs WHERE id = ${jobId}`.execute(server.database.db);
    expect(rows[0]).toEqual({ status: 'pending', attempts: 1 });

    await sql`UPDATE jobs SET run_at = now() WHERE id = ${jobId}`.execute(server.database.db);
    expect(await server.worker.drain()).toBe(1);
    expect(received).toHaveLength(2);
    const ids = received.map((r) => header(r.raw, 'Message-ID'));
    expect(ids[0]).toBe(`<${jobId}@bazaar>`);
    expect(ids[1]).toBe(ids[0]);
  });
});

describe('development transport', () => {
  let server: TestServer;
  const logs = capturingLogger();

  beforeAll(async () => {
    server = await createTestServer({ log: logs.log });
  });
  afterAll(async () => server?.destroy());

  it('writes each message as one .eml file under DATA_DIR/mail when SMTP_URL is unset', async () => {
    expect(server.config.SMTP_URL).toBeUndefined();
    await sendMail(server.database.db, server.jobs, {
      to: 'linus@example.com',
      subject: 'Welcome to Bazaar',
      text: 'Your account is ready.',
    });
    expect(await server.worker.drain()).toBe(1);

    const dir = path.join(server.config.dataDir, 'mail');
    const files = fs.readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/\.eml$/);
    const raw = fs.readFileSync(path.join(dir, files[0]!), 'utf8');
    expect(header(raw, 'To')).toBe('linus@example.com');
    expect(header(raw, 'Subject')).toBe('Welcome to Bazaar');

    const { rows } = await sql<{
      status: string;
    }>`SELECT status FROM jobs WHERE queue = ${MAIL_QUEUE}`.execute(server.database.db);
    expect(rows).toEqual([{ status: 'succeeded' }]);
  });

  it('keeps the files private to the owner (0600 in a 0700 directory) and logs no recipient', async () => {
    const dir = path.join(server.config.dataDir, 'mail');
    fs.chmodSync(dir, 0o755); // an existing directory made by an older version is tightened
    await sendMail(server.database.db, server.jobs, {
      to: 'margaret.recipient@example.com',
      subject: 'Your code',
      text: 'A code only the recipient should read.',
    });
    expect(await server.worker.drain()).toBe(1);

    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    for (const file of fs.readdirSync(dir))
      expect(fs.statSync(path.join(dir, file)).mode & 0o777).toBe(0o600);
    expect(logs.text()).toContain('mail written to file');
    expect(logs.text()).not.toContain('margaret.recipient');
  });
});
