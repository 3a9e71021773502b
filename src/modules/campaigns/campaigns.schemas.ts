import { z } from 'zod';
import { MAX_AMOUNT, MoneyView, Text } from '../../platform/schemas.ts';

export const CAMPAIGN_TYPES = ['DISCOUNT', 'FREE_SHIPPING', 'FEATURED_PRODUCTS', 'ANNOUNCEMENT'] as const;
export type CampaignType = (typeof CAMPAIGN_TYPES)[number];
export const CAMPAIGN_STATUSES = ['DRAFT', 'SCHEDULED', 'SENDING', 'SENT', 'CANCELLED'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const CAMPAIGN_CHANNELS = ['EMAIL', 'IN_APP', 'PUSH', 'SMS'] as const;
export type CampaignChannel = (typeof CAMPAIGN_CHANNELS)[number];

/** The most entries an uploaded list may hold (ids and emails together). */
export const LIST_MAX = 10_000;
const DAYS = z.number().int().min(1).max(3650);
const Uuid = z.string().uuid();
const Instant = z.string().datetime({ offset: true });

const SegmentRules = z
  .object({
    boughtInCategory: z
      .object({ categoryId: Uuid, days: DAYS })
      .optional()
      .describe('Paid for an item of this category (or one below it) in the last `days` days.'),
    spentOver: z
      .number()
      .int()
      .min(0)
      .max(MAX_AMOUNT)
      .optional()
      .describe('Paid more than this in all, in minor units of the store’s currency.'),
    inactiveDays: DAYS.optional().describe('Neither signed in nor ordered in the last this many days.'),
  })
  .strict()
  .refine((r) => Object.values(r).some((v) => v !== undefined), {
    message: 'Give at least one rule.',
  });

export const Target = z
  .discriminatedUnion('kind', [
    z
      .object({ kind: z.literal('EVERYONE') })
      .strict()
      .describe('Every active customer of the store.'),
    z
      .object({ kind: z.literal('GROUP'), groupId: Uuid })
      .strict()
      .describe('The customers of a user group.'),
    z
      .object({ kind: z.literal('SEGMENT'), rules: SegmentRules })
      .strict()
      .describe('Customers matching every rule.'),
    z
      .object({
        kind: z.literal('LIST'),
        userIds: z.array(Uuid).max(LIST_MAX).default([]),
        emails: z.array(z.string().trim().toLowerCase().email().max(254)).max(LIST_MAX).default([]),
      })
      .strict()
      .refine((l) => l.userIds.length + l.emails.length > 0, { message: 'The list is empty.' })
      .refine((l) => l.userIds.length + l.emails.length <= LIST_MAX, {
        message: `A list holds at most ${LIST_MAX} entries.`,
      })
      .describe('Customers of an uploaded list, by id or email (others are left out).'),
  ])
  .meta({ id: 'CampaignTarget' });
export type Target = z.output<typeof Target>;

const Channels = z
  .array(z.enum(CAMPAIGN_CHANNELS))
  .min(1)
  .max(CAMPAIGN_CHANNELS.length)
  .refine((c) => new Set(c).size === c.length, { message: 'Name each channel once.' });

const Link = z
  .string()
  .max(2000)
  .url()
  .refine((u) => /^https?:\/\//.test(u), { message: 'Use an http(s) address.' });

const fields = {
  name: Text(200),
  type: z.enum(CAMPAIGN_TYPES),
  channels: Channels,
  subject: Text(200),
  body: Text(5000).describe('Plain text; blank lines make paragraphs. Shown escaped in HTML mail.'),
  target: Target,
  sellerId: Uuid.nullable().optional(),
  productIds: z.array(Uuid).max(100).optional(),
  categoryIds: z.array(Uuid).max(100).optional(),
  couponCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9_-]{3,40}$/, 'Use a coupon code of the store.')
    .nullable()
    .optional(),
  linkUrl: Link.nullable()
    .optional()
    .describe('Where the message’s link goes (tracked); the store otherwise.'),
  startsAt: Instant.nullable().optional(),
  endsAt: Instant.nullable().optional(),
  sendAt: Instant.nullable()
    .optional()
    .describe('Schedules the send (SCHEDULED); null leaves it a DRAFT sent by hand.'),
};

export const CampaignBody = z.object(fields).strict();
export type CampaignInput = z.output<typeof CampaignBody>;
export const CampaignPatch = z
  .object({
    name: fields.name.optional(),
    type: fields.type.optional(),
    channels: fields.channels.optional(),
    subject: fields.subject.optional(),
    body: fields.body.optional(),
    target: fields.target.optional(),
    sellerId: fields.sellerId,
    productIds: fields.productIds,
    categoryIds: fields.categoryIds,
    couponCode: fields.couponCode,
    linkUrl: fields.linkUrl,
    startsAt: fields.startsAt,
    endsAt: fields.endsAt,
    sendAt: fields.sendAt,
  })
  .strict()
  .refine((p) => Object.values(p).some((v) => v !== undefined), { message: 'Change at least one field.' });
export type CampaignPatch = z.output<typeof CampaignPatch>;

export const CampaignQuery = z.object({
  status: z.enum(CAMPAIGN_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(500).optional(),
});
export type CampaignQuery = z.output<typeof CampaignQuery>;

const ChannelMetrics = z.object({
  channel: z.enum(CAMPAIGN_CHANNELS),
  queued: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int(),
  bounced: z.number().int(),
  opened: z.number().int(),
  clicked: z.number().int(),
});

export const CampaignMetrics = z
  .object({
    targeted: z.number().int().describe('Users in the snapshot.'),
    pending: z.number().int().describe('Targets the send has not handled yet.'),
    messaged: z.number().int().describe('Users given at least one message.'),
    skipped: z.number().int().describe('Users whose preferences (or missing address) allowed no channel.'),
    gone: z.number().int().describe('Users whose account closed after the snapshot.'),
    sent: z.number().int().describe('Messages handed to their channel, all channels.'),
    queued: z.number().int().describe('Messages waiting (quiet hours, retries).'),
    failed: z.number().int(),
    opened: z.number().int(),
    clicked: z.number().int(),
    byChannel: z.array(ChannelMetrics),
    orders: z
      .number()
      .int()
      .describe('Paid orders attributed: with the coupon, or within 7 days of a click.'),
    ordersByCoupon: z.number().int(),
    ordersByClick: z.number().int(),
    revenue: MoneyView,
  })
  .meta({ id: 'CampaignMetrics' });
export type CampaignMetrics = z.output<typeof CampaignMetrics>;

export const CampaignView = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.enum(CAMPAIGN_TYPES),
    status: z.enum(CAMPAIGN_STATUSES),
    channels: z.array(z.enum(CAMPAIGN_CHANNELS)),
    subject: z.string(),
    body: z.string(),
    target: Target,
    sellerId: z.string().nullable(),
    productIds: z.array(z.string()),
    categoryIds: z.array(z.string()),
    couponCode: z.string().nullable(),
    linkUrl: z.string().nullable(),
    startsAt: z.string().nullable(),
    endsAt: z.string().nullable(),
    sendAt: z.string().nullable(),
    targetedCount: z.number().int().nullable(),
    targetedAt: z.string().nullable(),
    sendStartedAt: z.string().nullable(),
    sentAt: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    metrics: CampaignMetrics.optional().describe('With `GET /admin/campaigns/{id}` only.'),
  })
  .meta({ id: 'Campaign' });
export type CampaignView = z.output<typeof CampaignView>;

export const CampaignPage = z.object({ items: z.array(CampaignView), nextCursor: z.string().nullable() });
export const TargetResult = z.object({ targeted: z.number().int(), targetedAt: z.string() });
