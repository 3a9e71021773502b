import { LRUCache } from 'lru-cache';
import type { Db } from '../../platform/db/database.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { newId } from '../../platform/ids.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
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

/** The queue whose jobs send one queued notification each. */
export const DELIVER_QUEUE = 'notifications.deliver';

/** One message an event asks for: a type, for a recipient, with the data its template shows. */
export interface Intent {
  type: NotificationType;
  recipient: Recipient;
  data: Record<string, unknown>;
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

export interface DispatchDeps {
  jobs: Jobs;
  templates: TemplateService;
  preferences: PreferenceService;
  links: Links;
  sources: () => NotificationSources;
  channels: Map<Channel, ChannelPort>;
  clock: () => Date;
}

/** The body of a message that carries a secret is sealed, bound to its store and id. */
export const bodyBinding = (storeId: string, id: string) => `notifications:body:${storeId}:${id}`;

/**
 * Turns an event's intents into rows of the notifications table: for each recipient, each channel
 * that has an adapter, a template and the recipient's consent, the message rendered now and queued
 * for the worker (in-app rows are the delivery). Runs in the caller's transaction; the unique key
 * on (event, recipient, channel) makes a replayed event write and queue nothing.
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

  async dispatch(ctx: Ctx, eventId: string, intents: Intent[]): Promise<number> {
    if (intents.length === 0) return 0;
    const store = await this.store(ctx.db, ctx.storeId);
    const rows: repo.NewNotification[] = [];
    for (const intent of intents) rows.push(...(await this.messages(ctx, eventId, store, intent)));
    const written = await repo.insertNotifications(ctx.db, rows);
    const now = this.deps.clock();
    for (const row of written) {
      if (this.deps.channels.get(row.channel)?.stored) continue;
      await this.deps.jobs.enqueue(ctx.db, {
        queue: DELIVER_QUEUE,
        storeId: ctx.storeId,
        payload: { id: row.id },
        dedupeKey: row.id,
        ...(row.scheduled_at > now ? { runAt: row.scheduled_at } : {}),
      });
    }
    return written.length;
  }

  private async messages(ctx: Ctx, eventId: string, store: StoreData, intent: Intent) {
    const { type, recipient } = intent;
    const prefs: Preferences = recipient.userId
      ? await this.deps.preferences.load(ctx.db, ctx.storeId, recipient.userId)
      : defaultPreferences();
    const language = prefs.language ?? DEFAULT_LANGUAGE;
    const now = this.deps.clock();
    const info = typeInfo(type);
    const scheduledAt = info.urgent || isSecurity(type) ? now : quietUntil(now, prefs.quietHours);
    const rows: repo.NewNotification[] = [];
    for (const port of this.deps.channels.values()) {
      if (!channelEnabled(prefs, type, port.channel)) continue;
      const to = await port.address(recipient, { db: ctx.db, storeId: ctx.storeId });
      if (!to) continue;
      const template = await this.deps.templates.resolve(ctx.db, ctx.storeId, {
        type,
        channel: port.channel,
        language,
      });
      if (!template) continue;
      const id = newId();
      const rendered = template.compiled.render(this.data(ctx.storeId, store, intent, port.channel));
      const html =
        rendered.html && port.channel === 'EMAIL'
          ? this.deps.links.track(rendered.html, store.origin, ctx.storeId, id)
          : rendered.html;
      // a feed row is read back as written, so in-app templates never carry the secret
      const sealed = info.secret === true && !port.stored;
      const seal = (text: string) =>
        sealed ? this.deps.sources().seal(text, bodyBinding(ctx.storeId, id)) : text;
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
        ...(port.stored ? { status: 'SENT' as const, sent_at: now } : {}),
      });
    }
    return rows;
  }

  private data(storeId: string, store: StoreData, intent: Intent, channel: Channel) {
    const unsubscribe =
      channel === 'EMAIL' && intent.recipient.userId && !isSecurity(intent.type)
        ? this.deps.links.unsubscribeUrl(store.origin, storeId, {
            userId: intent.recipient.userId,
            type: intent.type,
          })
        : '';
    return {
      store: { name: store.name, title: store.title, url: store.url, replyTo: store.replyTo },
      recipient: { name: intent.recipient.name ?? '' },
      unsubscribeUrl: unsubscribe,
      ...intent.data,
    };
  }
}
