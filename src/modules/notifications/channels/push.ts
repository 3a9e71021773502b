import webPush from 'web-push';
import type { Db } from '../../../platform/db/database.ts';
import type { ChannelPort } from '../notifications.channels.ts';
import * as pushRepo from '../notifications.push.repository.ts';
import type { VapidKeys } from './push.vapid.ts';

/** A push message waits at the push service this long for a device that is offline. */
const TTL_SECONDS = 24 * 3600;

/**
 * Web push to every device the user subscribed (`POST /me/push-subscriptions`), through `web-push`:
 * the payload encrypted for each subscription (aes128gcm) and the request signed with the VAPID
 * keys (`generateRequestDetails`), posted with fetch. A subscription the push service answers 404 or 410 for has ended and is removed; any other
 * failure, when no device took the message, throws so the job is retried.
 */
export function pushChannel(db: Db, vapid: VapidKeys, options: { timeoutMs?: number } = {}): ChannelPort {
  const vapidDetails = { subject: vapid.subject, publicKey: vapid.publicKey, privateKey: vapid.privateKey };
  return {
    channel: 'PUSH',
    // only a user with a subscribed device gets push rows (no row per event for everyone else)
    address: async (recipient, scope) =>
      recipient.userId && (await pushRepo.hasDevice(scope.db, scope.storeId, recipient.userId))
        ? recipient.userId
        : null,
    addresses: async (recipients, scope) => {
      const users = recipients.map((r) => r.userId).filter((id): id is string => id !== null);
      const withDevice = await pushRepo.usersWithDevice(scope.db, scope.storeId, users);
      return recipients.map((r) => (r.userId && withDevice.has(r.userId) ? r.userId : null));
    },
    async deliver(message) {
      const devices = await pushRepo.subscriptionsOf(db, message.storeId, message.to);
      const payload = JSON.stringify({ id: message.id, title: message.subject ?? '', body: message.body });
      let delivered = 0;
      let failure: unknown = null;
      for (const device of devices) {
        const status = await postToDevice(device, payload, vapidDetails, options.timeoutMs ?? 10_000).catch(
          (error: unknown) => {
            failure = error;
            return 0;
          },
        );
        if (status >= 200 && status < 300) delivered += 1;
        else if (status === 404 || status === 410)
          await pushRepo.forgetSubscription(db, message.storeId, device.id);
        else if (status !== 0) failure = new Error(`push service answered ${status}`);
      }
      if (delivered === 0 && failure) throw failure;
      return { providerMessageId: delivered > 0 ? `push:${delivered}` : null };
    },
  };
}

/** One encrypted, VAPID-signed request to a device's push service; its HTTP status. */
async function postToDevice(
  device: pushRepo.PushSubscriptionRow,
  payload: string,
  vapidDetails: { subject: string; publicKey: string; privateKey: string },
  timeoutMs: number,
): Promise<number> {
  const request = webPush.generateRequestDetails(
    { endpoint: device.endpoint, keys: { p256dh: device.p256dh, auth: device.auth } },
    payload,
    { vapidDetails, TTL: TTL_SECONDS, contentEncoding: 'aes128gcm' },
  );
  const res = await fetch(request.endpoint, {
    method: request.method,
    headers: request.headers as Record<string, string>,
    body: new Uint8Array(request.body as Buffer),
    redirect: 'error',
    signal: AbortSignal.timeout(timeoutMs),
  });
  await res.arrayBuffer().catch(() => undefined);
  return res.status;
}
