// Notifications owns every message the platform sends: templates per store, type, channel and
// language (versioned), each user's preferences, and one table that is the delivery queue and log.
// Other modules reach it only through domain events; channels (email, in-app, …) are ports.
import path from 'node:path';
import type { BazaarModule, Platform } from '../../platform/module.ts';
import type { ChannelPort } from './notifications.channels.ts';
import type { NotificationSources } from './notifications.ports.ts';

export {
  CHANNELS,
  type Channel,
  type ChannelPort,
  type DeliveryReceipt,
  type OutgoingMessage,
  type Recipient,
} from './notifications.channels.ts';
export type { NotificationSources, OrderFacts, StoreFacts } from './notifications.ports.ts';
export { NOTIFICATION_TYPES, type NotificationType } from './notifications.types.ts';

export interface NotificationsModule extends BazaarModule {
  /** Adds or replaces the adapter of a channel (SMS and web push are added this way). */
  useChannel(port: ChannelPort): void;
}

export function createNotificationsModule(
  _platform: Platform,
  _sources: () => NotificationSources,
): NotificationsModule {
  const channels = new Map<string, ChannelPort>();
  return {
    name: 'notifications',
    migrations: path.join(import.meta.dirname, 'migrations'),
    useChannel: (port) => {
      channels.set(port.channel, port);
    },
  };
}
