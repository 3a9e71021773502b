import type { ChannelPort } from '../notifications.channels.ts';

/**
 * In-app: the row in the notifications table is the message, read through `GET /me/notifications`;
 * it is written as SENT and never queued. Only a recipient with an account has a feed.
 */
export function inAppChannel(): ChannelPort {
  return {
    channel: 'IN_APP',
    stored: true,
    address: (recipient) => recipient.userId,
    deliver: async () => ({ providerMessageId: null }),
  };
}
