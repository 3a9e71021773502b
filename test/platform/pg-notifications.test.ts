import { afterAll, describe, expect, it } from 'vitest';
import { CHANNELS, postgresNotifications } from '../../src/platform/db/notifications.ts';
import { schemaName } from '../harness.ts';

// The processes' LISTEN/NOTIFY connection (PostgreSQL only: PGlite's notifications stay in process).
const url = process.env.DATABASE_URL;
const schema = schemaName();
const notifications = url ? postgresNotifications(url, schema) : null;
afterAll(() => notifications?.close());

describe.skipIf(!url)('notifications on PostgreSQL', () => {
  it('sends a burst of messages one query at a time, all heard in order', async () => {
    const heard: string[] = [];
    const listening = new Promise<void>((resolve) => notifications!.onListening(resolve));
    notifications!.on(CHANNELS.invalidate, (m) => heard.push(m));
    await listening;
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      const sent = Array.from({ length: 50 }, (_, i) => `message ${i}`);
      for (const m of sent) notifications!.send(CHANNELS.invalidate, m);
      for (let i = 0; i < 100 && heard.length < sent.length; i++) await new Promise((r) => setTimeout(r, 20));
      expect(heard).toEqual(sent);
      await new Promise((r) => setImmediate(r));
      expect(warnings.filter((w) => w.includes('already executing a query'))).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });
});
