// Notifications owns every message the platform sends: templates per store, type, channel and
// language (versioned), each user's preferences, and one table that is the delivery queue and log.
// Other modules reach it only through domain events; channels (email, in-app, …) are ports.
import path from 'node:path';
import type { BazaarModule, Platform } from '../../platform/module.ts';
import { channelAdapters } from './channels/assembly.ts';
import { createMailer } from './channels/email.transport.ts';
import { emailChannel } from './channels/email.ts';
import { inAppChannel } from './channels/in-app.ts';
import type { Channel, ChannelPort } from './notifications.channels.ts';
import { deliveryPump } from './notifications.delivery.ts';
import { Dispatcher } from './notifications.dispatch.ts';
import { EVENT_BATCH, eventBatchHandler, subscriberOf } from './notifications.events.ts';
import { FeedService } from './notifications.feed.ts';
import { Links } from './notifications.links.ts';
import { MailLinks } from './notifications.mail-links.ts';
import type { NotificationSources } from './notifications.ports.ts';
import { PreferenceService } from './notifications.preferences.ts';
import { RECIPES } from './notifications.recipes.ts';
import { notificationRoutes } from './notifications.routes.ts';
import { TemplateService } from './notifications.templates.ts';

export { SMS_WEBHOOK_PATH } from './channels/assembly.ts';
export { twilioSignature } from './channels/sms.twilio.ts';
export { emailReportSignature } from './channels/webhooks.ts';
export {
  type CampaignChannelStats,
  campaignClicks,
  campaignStats,
} from './notifications.campaigns.ts';
export {
  CHANNELS,
  type Channel,
  type ChannelPort,
  type DeliveryReceipt,
  type OutgoingMessage,
  type Recipient,
} from './notifications.channels.ts';
export { DELIVER_QUEUE, DELIVERY_ATTEMPTS } from './notifications.delivery.ts';
export {
  type CampaignOutcome,
  type CampaignPage,
  campaignEventId,
  Dispatcher,
  type Intent,
} from './notifications.dispatch.ts';
export { EVENT_BATCH, subscriberOf } from './notifications.events.ts';
export type { NotificationSources, OrderFacts, StoreFacts } from './notifications.ports.ts';
export { quietUntil } from './notifications.quiet-hours.ts';
export { NOTIFICATION_TYPES, type NotificationType } from './notifications.types.ts';

/** Messages one worker claims for sending at once. */
const DELIVERY_BATCH = 200;

export interface NotificationsOptions {
  /** The module's clock (quiet hours); tests fix it. */
  clock?: () => Date;
}

export interface NotificationsModule extends BazaarModule {
  dispatcher: Dispatcher;
  templates: TemplateService;
  preferences: PreferenceService;
  feed: FeedService;
  /** Adds or replaces the adapter of a channel (SMS and web push are added this way). */
  useChannel(port: ChannelPort): void;
  /** The adapter of a channel, if one is registered. */
  channel(channel: Channel): ChannelPort | undefined;
  /** Sets the clock quiet hours are read on (tests). */
  useClock(clock: () => Date): void;
}

/** Events are claimed and rendered in batches; messages are sent from the notifications table. */
function registerPipeline(
  platform: Platform,
  deps: { dispatcher: Dispatcher; sources: () => NotificationSources; channels: Map<Channel, ChannelPort> },
) {
  const { dispatcher, sources, channels } = deps;
  platform.jobs.subscribeBatch(
    Object.keys(RECIPES),
    subscriberOf,
    eventBatchHandler({ dispatcher, sources, recipes: RECIPES }),
    { batchSize: EVENT_BATCH },
  );
  platform.jobs.pump(
    deliveryPump(channels, sources, () => ({
      batchSize: DELIVERY_BATCH,
      concurrency: platform.config.WORKER_CONCURRENCY,
    })),
  );
}

export function createNotificationsModule(
  platform: Platform,
  sources: () => NotificationSources,
  options: NotificationsOptions = {},
): NotificationsModule {
  const mailer = createMailer(platform.config, platform.log);
  const channels = new Map<Channel, ChannelPort>([
    ['EMAIL', emailChannel(mailer)],
    ['IN_APP', inAppChannel()],
  ]);
  const adapters = channelAdapters(platform);
  for (const port of adapters.ports) channels.set(port.channel, port);
  let clock = options.clock ?? (() => new Date());
  const templates = new TemplateService(platform.invalidations);
  const preferences = new PreferenceService();
  const links = new Links(sources);
  const dispatcher = new Dispatcher({
    templates,
    preferences,
    links,
    sources,
    channels,
    clock: () => clock(),
  });
  const feed = new FeedService();
  registerPipeline(platform, { dispatcher, sources, channels });
  return {
    name: 'notifications',
    migrations: path.join(import.meta.dirname, 'migrations'),
    partitioned: [{ table: 'notifications', keepDays: platform.config.NOTIFICATIONS_RETENTION_DAYS }],
    dispatcher,
    templates,
    preferences,
    feed,
    routes: async (app) => {
      await notificationRoutes({
        feed,
        preferences,
        templates,
        mailLinks: new MailLinks(links, preferences),
      })(app);
      await adapters.routes(app);
    },
    useChannel: (port) => {
      channels.set(port.channel, port);
    },
    channel: (channel) => channels.get(channel),
    useClock: (next) => {
      clock = next;
    },
    close: () => mailer.close(),
  };
}
