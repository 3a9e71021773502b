import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { Db } from '../../platform/db/database.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { newId, timeOfId } from '../../platform/ids.ts';
import type { Channel, ChannelPort, Recipient } from './notifications.channels.ts';
import type { Links } from './notifications.links.ts';
import type { NotificationSources } from './notifications.ports.ts';
import {
  channelEnabled,
  defaultPreferences,
  type PreferenceService,
  type Preferences,
} from './notifications.preferences.ts';
import { quietUntil } from './notifications.quiet-hours.ts';
import { DEFAULT_LANGUAGE } from './notifications.render.ts';
import * as repo from './notifications.repository.ts';
import type { TemplateService } from './notifications.templates.ts';
import { isSecurity, type NotificationType, priorityOf, typeInfo } from './notifications.types.ts';

/** One message an event asks for: a type, for a recipient, with the data its template shows. */
export interface Intent {
  type: NotificationType;
  recipient: Recipient;
  data: Record<string, unknown>;
  /** Only these channels (a campaign's); every channel with an adapter otherwise. */
  channels?: readonly Channel[];
  /** The campaign the message is part of (its metrics read the rows by it). */
  campaignId?: string;
}

/** One page of a campaign's send: the campaign's message to each recipient, on its channels. */
export interface CampaignPage {
  campaignId: string;
  channels: readonly Channel[];
  recipients: (Recipient & { userId: string })[];
  /** What the CAMPAIGN templates show (`campaign.*`). */
  data: Record<string, unknown>;
}

/** Who of a page got a message (now or by an earlier run of the page) and who none (preferences, no address). */
export interface CampaignOutcome {
  reached: string[];
  skipped: string[];
  /** Rows written now (a replayed page writes none). */
  written: number;
}

/**
 * The event id of a campaign's message to a user: the same on every run of a send, so the row's
 * unique (event, recipient, channel) key holds a replay to one message, as the
 * (campaign, user, channel) key does.
 */
export function campaignEventId(campaignId: string, userId: string): string {
  const h = createHash('sha256').update(`campaign:${campaignId}:${userId}`).digest('hex');
  const variant = ((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A feed row is written SENT; a message to send is due at its time, or now by the database's clock. */
function delivery(stored: boolean, now: Date, scheduledAt: Date) {
  return stored
    ? { status: 'SENT' as const, sent_at: now, next_attempt_at: null }
    : { next_attempt_at: scheduledAt > now ? scheduledAt : sql<Date>`now()` };
}

/** The store as templates see it (`store.*`), and the origin its links start at. */
export interface StoreData {
  name: string;
  /** The name, or "Bazaar" for the platform's own mail. */
  title: string;
  url: string;
  replyTo: string;
  /** Where links point: the store's address, else the platform's. */
  origin: string;
  senderName: string | null;
}

/** The intents of one event. */
export interface EventIntents {
  eventId: string;
  intents: Intent[];
}

export interface DispatchDeps {
  templates: TemplateService;
  preferences: PreferenceService;
  links: Links;
  sources: () => NotificationSources;
  channels: Map<Channel, ChannelPort>;
  clock: () => Date;
}

/** The body of a message that carries a secret is sealed, bound to its store and id. */
export const bodyBinding = (storeId: string, id: string) => `notifications:body:${storeId}:${id}`;

/** What a batch reads once for all its recipients: preferences, and each channel's addresses. */
interface Lookups {
  prefs: Map<string, Preferences>;
  addresses: Map<Channel, Map<Recipient, string | null>>;
}

/** The headers of a marketing mail: one-click unsubscribe (RFC 8058) through the signed link. */
export const unsubscribeHeaders = (url: string) => ({
  'List-Unsubscribe': `<${url}>`,
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
});

/**
 * Turns events' intents into rows of the notifications table: for each recipient, each channel
 * that has an adapter, a template and the recipient's consent, the message rendered now and queued
 * (in-app rows are the delivery: written SENT). A batch of events of one store is written with one
 * read of its recipients' preferences, one of each channel's addresses, templates compiled once per
 * version, and one multi-row insert; the unique key on (event, recipient, channel) makes a
 * replayed event write nothing. Runs in the caller's transaction.
 */
export class Dispatcher {
  private readonly stores = new LRUCache<string, StoreData>({ max: 10_000, ttl: 30_000 });

  constructor(private readonly deps: DispatchDeps) {}

  async store(db: Db, storeId: string): Promise<StoreData> {
    const hit = this.stores.get(storeId);
    if (hit) return hit;
    const facts = await this.deps.sources().store(db, storeId);
    const url = facts?.origin ?? '';
    const data: StoreData = {
      name: facts?.name ?? '',
      title: facts?.name ?? 'Bazaar',
      url,
      replyTo: facts?.replyTo ?? '',
      origin: url || this.deps.sources().platformOrigin,
      senderName: facts?.name ?? null,
    };
    this.stores.set(storeId, data);
    return data;
  }

  /** The messages of one event; how many rows were written. */
  dispatch(ctx: Ctx, eventId: string, intents: Intent[]): Promise<number> {
    return this.dispatchMany(ctx, [{ eventId, intents }]);
  }

  /** The messages of many events of the store (`ctx.storeId`), written together. */
  async dispatchMany(ctx: Ctx, events: EventIntents[]): Promise<number> {
    const all = events.flatMap((e) => e.intents.map((intent) => ({ eventId: e.eventId, intent })));
    if (all.length === 0) return 0;
    const store = await this.store(ctx.db, ctx.storeId);
    const lookups = await this.lookups(
      ctx,
      all.map((a) => a.intent.recipient),
    );
    const rows: repo.NewNotification[] = [];
    for (const { eventId, intent } of all)
      rows.push(...(await this.messages(ctx, eventId, store, intent, lookups)));
    return repo.insertNotifications(ctx.db, rows);
  }

  /**
   * A page of a campaign: one read of the recipients' preferences and one of each channel's
   * addresses, every message rendered, and one insert that skips a message the recipient has of
   * the campaign on that channel already. Runs in the caller's transaction.
   */
  async dispatchCampaign(ctx: Ctx, page: CampaignPage): Promise<CampaignOutcome> {
    const outcome: CampaignOutcome = { reached: [], skipped: [], written: 0 };
    if (page.recipients.length === 0) return outcome;
    const store = await this.store(ctx.db, ctx.storeId);
    const lookups = await this.lookups(ctx, page.recipients, page.channels);
    const rows: repo.NewNotification[] = [];
    for (const recipient of page.recipients) {
      const intent: Intent = {
        type: 'CAMPAIGN',
        recipient,
        data: page.data,
        channels: page.channels,
        campaignId: page.campaignId,
      };
      const eventId = campaignEventId(page.campaignId, recipient.userId);
      const messages = await this.messages(ctx, eventId, store, intent, lookups);
      (messages.length > 0 ? outcome.reached : outcome.skipped).push(recipient.userId);
      rows.push(...messages);
    }
    outcome.written = await repo.insertNotifications(ctx.db, rows, { anyConflict: true });
    return outcome;
  }

  private async lookups(ctx: Ctx, recipients: Recipient[], only?: readonly Channel[]): Promise<Lookups> {
    const users = recipients.map((r) => r.userId).filter((id): id is string => id !== null);
    const prefs = await this.deps.preferences.loadMany(ctx.db, ctx.storeId, users);
    const scope = { db: ctx.db, storeId: ctx.storeId };
    const addresses = new Map<Channel, Map<Recipient, string | null>>();
    for (const port of this.deps.channels.values()) {
      if (only && !only.includes(port.channel)) continue;
      const found = port.addresses
        ? await port.addresses(recipients, scope)
        : await Promise.all(recipients.map((r) => port.address(r, scope)));
      addresses.set(port.channel, new Map(recipients.map((r, i) => [r, found[i] ?? null])));
    }
    return { prefs, addresses };
  }

  private async messages(ctx: Ctx, eventId: string, store: StoreData, intent: Intent, lookups: Lookups) {
    const { type, recipient } = intent;
    const prefs: Preferences =
      (recipient.userId && lookups.prefs.get(recipient.userId)) || defaultPreferences();
    const language = prefs.language ?? DEFAULT_LANGUAGE;
    const now = this.deps.clock();
    const info = typeInfo(type);
    const scheduledAt = info.urgent || isSecurity(type) ? now : quietUntil(now, prefs.quietHours);
    // the month it is kept in: the time of the event or campaign, the same for every replay
    const causedAt = timeOfId(intent.campaignId ?? eventId) ?? now;
    const rows: repo.NewNotification[] = [];
    for (const port of this.deps.channels.values()) {
      if (intent.channels && !intent.channels.includes(port.channel)) continue;
      if (!channelEnabled(prefs, type, port.channel)) continue;
      const to = lookups.addresses.get(port.channel)?.get(recipient) ?? null;
      if (!to) continue;
      const template = await this.deps.templates.resolve(ctx.db, ctx.storeId, {
        type,
        channel: port.channel,
        language,
      });
      if (!template) continue;
      const id = newId();
      const unsubscribe = this.unsubscribeUrl(ctx.storeId, store, intent, port.channel);
      const rendered = template.compiled.render(this.data(store, intent, unsubscribe));
      const html =
        rendered.html && port.channel === 'EMAIL'
          ? this.deps.links.track(rendered.html, store.origin, ctx.storeId, id)
          : rendered.html;
      // a feed row is read back as written, so in-app templates never carry the secret
      const sealed = info.secret === true && !port.stored;
      const seal = (text: string) =>
        sealed ? this.deps.sources().seal(text, bodyBinding(ctx.storeId, id)) : text;
      const headers = unsubscribe && info.kind === 'marketing' ? unsubscribeHeaders(unsubscribe) : null;
      rows.push({
        id,
        store_id: ctx.storeId,
        event_id: eventId,
        user_id: recipient.userId,
        recipient: to,
        channel: port.channel,
        type,
        language,
        template_version: template.version,
        subject: rendered.subject,
        body: seal(port.stored ? rendered.body.trim() : rendered.body),
        html: html && seal(html),
        sealed,
        sender_name: store.senderName,
        reply_to: store.replyTo || null,
        priority: priorityOf(type),
        scheduled_at: scheduledAt,
        headers: headers && JSON.stringify(headers),
        campaign_id: intent.campaignId ?? null,
        caused_at: causedAt,
        ...delivery(port.stored === true, now, scheduledAt),
      });
    }
    return rows;
  }

  /** The signed unsubscribe link of a mail to an account (none for security mail). */
  private unsubscribeUrl(storeId: string, store: StoreData, intent: Intent, channel: Channel): string {
    return channel === 'EMAIL' && intent.recipient.userId && !isSecurity(intent.type)
      ? this.deps.links.unsubscribeUrl(store.origin, storeId, {
          userId: intent.recipient.userId,
          type: intent.type,
        })
      : '';
  }

  private data(store: StoreData, intent: Intent, unsubscribeUrl: string) {
    return {
      store: { name: store.name, title: store.title, url: store.url, replyTo: store.replyTo },
      recipient: { name: intent.recipient.name ?? '' },
      unsubscribeUrl,
      ...intent.data,
    };
  }
}
