import fs from 'node:fs/promises';
import path from 'node:path';
import type { SmsTransport } from './sms.ts';

/**
 * Development: each SMS is a file DATA_DIR/outbox/sms/<notification id>.json (to, body, time), so a
 * developer reads the sign-in code there. Written whole under a temporary name and renamed, so a
 * reader never sees half a message; a retry rewrites the same file.
 */
export function outboxSms(dataDir: string): SmsTransport {
  const dir = path.join(dataDir, 'outbox', 'sms');
  return {
    name: 'outbox',
    async send(sms) {
      await fs.mkdir(dir, { recursive: true, mode: 0o700 });
      const file = path.join(dir, `${sms.id}.json`);
      const text = JSON.stringify({
        to: sms.to,
        body: sms.body,
        storeId: sms.storeId,
        at: new Date().toISOString(),
      });
      await fs.writeFile(`${file}.tmp`, `${text}\n`, { mode: 0o600 });
      await fs.rename(`${file}.tmp`, file);
      return { providerMessageId: `outbox:${sms.id}` };
    },
  };
}
