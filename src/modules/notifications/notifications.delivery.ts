import type { JobRun, Jobs } from '../../platform/jobs/jobs.ts';
import type { Channel, ChannelPort } from './notifications.channels.ts';
import { bodyBinding, DELIVER_QUEUE } from './notifications.dispatch.ts';
import type { NotificationSources } from './notifications.ports.ts';
import * as repo from './notifications.repository.ts';

/** Attempts of one message before it is dead-lettered (FAILED), the first retry after 5 s. */
export const DELIVERY_ATTEMPTS = 8;

/**
 * The worker's side: sends one queued notification through its channel's adapter. A failure is
 * recorded and thrown, so the job is retried with backoff; after the last attempt the row is
 * FAILED (the job is dead, with its error). A row no longer QUEUED (sent by an earlier attempt
 * whose success was recorded) is not sent again.
 */
export function registerDelivery(
  jobs: Jobs,
  channels: Map<Channel, ChannelPort>,
  sources: () => NotificationSources,
) {
  jobs.handle<{ id: string }>(DELIVER_QUEUE, (job) => deliver(job, channels, sources), {
    backoffMs: 5000,
    maxAttempts: DELIVERY_ATTEMPTS,
  });
}

async function deliver(
  job: JobRun<{ id: string }>,
  channels: Map<Channel, ChannelPort>,
  sources: () => NotificationSources,
): Promise<void> {
  const row = await repo.findForSending(job.db, job.payload.id);
  if (row?.status !== 'QUEUED') return;
  const open = (text: string) => {
    if (!row.sealed) return text;
    const opened = sources().openSecret(text, bodyBinding(row.store_id, row.id));
    if (opened === null) throw new Error('sealed notification does not open');
    return opened;
  };
  await repo.markAttempt(job.db, row.id);
  try {
    const port = channels.get(row.channel);
    if (!port) throw new Error(`no adapter for channel ${row.channel}`);
    const receipt = await port.deliver({
      id: row.id,
      storeId: row.store_id,
      channel: row.channel,
      to: row.recipient,
      subject: row.subject,
      body: open(row.body),
      html: row.html === null ? null : open(row.html),
      senderName: row.sender_name,
      replyTo: row.reply_to,
      headers: {},
    });
    await repo.markSent(job.db, row.id, receipt.providerMessageId);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await repo.markFailed(job.db, row.id, message, job.attempt >= job.maxAttempts);
    throw error;
  }
}
