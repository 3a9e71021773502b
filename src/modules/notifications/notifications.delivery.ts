import type { Db } from '../../platform/db/database.ts';
import type { Pump } from '../../platform/jobs/jobs.ts';
import type { Logger } from '../../platform/observability/logger.ts';
import type { Channel, ChannelPort, DeliveryReceipt } from './notifications.channels.ts';
import { bodyBinding } from './notifications.dispatch.ts';
import type { NotificationSources } from './notifications.ports.ts';
import * as repo from './notifications.repository.ts';

/** Attempts of one message before it is dead-lettered (FAILED), the first retry after 5 s. */
export const DELIVERY_ATTEMPTS = 8;
const BACKOFF_MS = 5000;
const MAX_BACKOFF_MS = 3_600_000;

/** The pump's name: the worker's logs and the `jobs_dead` gauge know the delivery queue by it. */
export const DELIVER_QUEUE = 'notifications.deliver';

export interface DeliveryOptions {
  /** Messages claimed at once. */
  batchSize: number;
  /** Messages of a batch being sent at once. */
  concurrency: number;
}

/** The wait before the retry after failed attempt `attempt` (1-based): 5 s doubling, ±20%, at most 1 h. */
export function backoffSeconds(attempt: number): number {
  const delay = Math.min(BACKOFF_MS * 2 ** (attempt - 1), MAX_BACKOFF_MS);
  return Math.round(delay * (0.8 + Math.random() * 0.4)) / 1000;
}

/**
 * The worker's side of the queue on the notifications table: claims due messages in batches (urgent
 * first, FOR UPDATE SKIP LOCKED, in the worker's claim statement of the turn), sends each through
 * its channel's adapter, then records the batch's outcomes in two statements. A failure keeps its error and is retried with backoff; after
 * the last attempt the row is FAILED. A row no longer QUEUED is never sent again, and a message
 * keeps its id (the Message-ID) on every attempt.
 */
export function deliveryPump(
  channels: Map<Channel, ChannelPort>,
  sources: () => NotificationSources,
  options: () => DeliveryOptions,
): Pump {
  return {
    name: DELIVER_QUEUE,
    dueIn: (db) => repo.nextDueIn(db),
    dead: (db) => repo.failedCount(db),
    batchSize: () => options().batchSize,
    claim: (prefix) => repo.claimDuePart(prefix, options().batchSize, DELIVERY_ATTEMPTS),
    async run(db: Db, log: Logger, rows: unknown[]) {
      const { concurrency } = options();
      const claimed = rows as repo.SendRow[];
      const sendable = claimed.filter((row) => row.status === 'QUEUED');
      const sent: { id: string; providerMessageId: string | null }[] = [];
      const failed: { id: string; error: string; retrySeconds: number; final: boolean }[] = [];
      await eachLimited(sendable, concurrency, async (row) => {
        try {
          const receipt = await send(row, channels, sources);
          sent.push({ id: row.id, providerMessageId: receipt.providerMessageId });
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          const final = row.attempts >= DELIVERY_ATTEMPTS;
          failed.push({ id: row.id, error: message, retrySeconds: backoffSeconds(row.attempts), final });
          log[final ? 'error' : 'warn'](
            { notificationId: row.id, channel: row.channel, attempt: row.attempts, err: error },
            final ? 'notification failed for good' : 'notification failed; will retry',
          );
        }
      });
      await repo.markSent(db, sent);
      await repo.markFailed(db, failed);
      return claimed.length;
    },
  };
}

function send(
  row: repo.SendRow,
  channels: Map<Channel, ChannelPort>,
  sources: () => NotificationSources,
): Promise<DeliveryReceipt> {
  const open = (text: string) => {
    if (!row.sealed) return text;
    const opened = sources().openSecret(text, bodyBinding(row.store_id, row.id));
    if (opened === null) throw new Error('sealed notification does not open');
    return opened;
  };
  const port = channels.get(row.channel);
  if (!port) throw new Error(`no adapter for channel ${row.channel}`);
  return port.deliver({
    id: row.id,
    storeId: row.store_id,
    channel: row.channel,
    to: row.recipient,
    subject: row.subject,
    body: open(row.body),
    html: row.html === null ? null : open(row.html),
    senderName: row.sender_name,
    replyTo: row.reply_to,
    headers: row.headers ?? {},
  });
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}
