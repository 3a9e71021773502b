import { z } from 'zod';
import { PageQuery } from '../../platform/http/pagination.ts';
import { Id } from '../../platform/schemas.ts';
import { CHANNELS } from './notifications.channels.ts';
import { TYPE_NAMES } from './notifications.types.ts';

export const NotificationTypeName = z.enum(TYPE_NAMES as [string, ...string[]]);
export const ChannelName = z.enum(CHANNELS);

export const NotificationParams = z.object({ id: Id });

export const FeedItem = z
  .object({
    id: z.string().uuid(),
    type: z.string(),
    title: z.string(),
    body: z.string(),
    createdAt: z.date(),
    readAt: z.date().nullable(),
  })
  .meta({ id: 'Notification' });
export type FeedItem = z.infer<typeof FeedItem>;

export const FeedPage = z.object({
  items: z.array(FeedItem),
  nextCursor: z.string().nullable(),
  unreadCount: z.number().int(),
});

export const UnreadView = z.object({ unreadCount: z.number().int() });
export const ReadAllView = z.object({ updated: z.number().int(), unreadCount: z.number().int() });

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM (24-hour).');
const Switches = z.object({ email: z.boolean(), sms: z.boolean(), push: z.boolean(), inApp: z.boolean() });
const SomeSwitches = Switches.partial().strict();

export const QuietHours = z.object({ start: Time, end: Time, timeZone: z.string().min(1).max(64) });
const Language = z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'Use a language tag such as en or hi-IN.');

export const PreferencesBody = z.object({
  channels: Switches,
  quietHours: QuietHours.nullable().optional(),
  language: Language.nullable().optional(),
  types: z.partialRecord(NotificationTypeName, SomeSwitches).optional(),
});

export const PreferencesView = z
  .object({
    channels: Switches,
    quietHours: QuietHours.nullable(),
    language: z.string().nullable(),
    types: z.record(z.string(), SomeSwitches),
  })
  .meta({ id: 'NotificationPreferences' });

// ——— templates (staff) ———

export const TemplateParams = z.object({ type: NotificationTypeName, channel: ChannelName });
export const TemplateQuery = z.object({ language: Language.default('en') });

export const TemplateBody = z.object({
  subject: z.string().max(500).nullable().optional(),
  body: z.string().min(1).max(50_000),
  html: z.string().max(200_000).nullable().optional(),
});

export const PreviewBody = TemplateBody.partial();

export const TemplateView = z
  .object({
    type: z.string(),
    channel: ChannelName,
    language: z.string(),
    version: z.number().int(),
    source: z.enum(['DEFAULT', 'STAFF']),
    subject: z.string().nullable(),
    body: z.string(),
    html: z.string().nullable(),
    createdAt: z.date().nullable(),
  })
  .meta({ id: 'NotificationTemplate' });

export const TemplateList = z.object({ items: z.array(TemplateView), nextCursor: z.null() });
export const TemplateDetail = z.object({ current: TemplateView, versions: z.array(TemplateView) });
export const RenderedView = z.object({
  subject: z.string().nullable(),
  body: z.string(),
  html: z.string().nullable(),
});

// ——— the delivery log (staff) ———

export const LogQuery = PageQuery.extend({
  status: z.enum(['QUEUED', 'SENT', 'DELIVERED', 'FAILED', 'BOUNCED']).optional(),
  channel: ChannelName.optional(),
  type: NotificationTypeName.optional(),
  /** Part of the recipient's address (email, phone or account id), any case. */
  recipient: z.string().trim().min(1).max(320).optional(),
});

export const LogItem = z.object({
  id: z.string().uuid(),
  userId: z.string().nullable(),
  recipient: z.string(),
  channel: ChannelName,
  type: z.string(),
  language: z.string(),
  templateVersion: z.number().int(),
  subject: z.string().nullable(),
  priority: z.string(),
  status: z.string(),
  attempts: z.number().int(),
  providerMessageId: z.string().nullable(),
  error: z.string().nullable(),
  scheduledAt: z.date(),
  sentAt: z.date().nullable(),
  deliveredAt: z.date().nullable(),
  openedAt: z.date().nullable(),
  clickedAt: z.date().nullable(),
  readAt: z.date().nullable(),
  createdAt: z.date(),
});
export const LogPage = z.object({ items: z.array(LogItem), nextCursor: z.string().nullable() });

// ——— links in mail ———

export const TokenQuery = z.object({ token: z.string().min(1).max(2000) });
export const UnsubscribedView = z.object({ status: z.literal('unsubscribed'), type: z.string() });
