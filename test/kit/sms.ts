import fs from 'node:fs';
import path from 'node:path';
import type { Server } from '../../src/server.ts';

export interface OutboxSms {
  to: string;
  body: string;
  storeId: string;
}

/** Runs the job worker until the queue is empty, then reads the development SMS outbox (DATA_DIR/outbox/sms). */
export async function sentSms(server: Server): Promise<OutboxSms[]> {
  await server.worker.drain();
  const dir = path.join(server.config.dataDir, 'outbox', 'sms');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as OutboxSms);
}

/** The six-digit code of the newest SMS to `phone`; throws when there is none. */
export async function lastCodeTo(server: Server, phone: string): Promise<string> {
  const mine = (await sentSms(server)).filter((m) => m.to === phone);
  const code = /\b(\d{6})\b/.exec(mine.at(-1)?.body ?? '')?.[1];
  if (!code) throw new Error(`no sign-in code was sent to ${phone}`);
  return code;
}

let phones = 0;
/** A fresh phone number in E.164 for each call (test ranges are not reachable). */
export function uniquePhone(): string {
  phones += 1;
  return `+9199${String(Date.now() % 1_000_000).padStart(6, '0')}${String(phones % 100).padStart(2, '0')}`;
}
