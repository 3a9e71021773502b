import { LRUCache } from 'lru-cache';
import type { Db } from '../../platform/db/database.ts';
import { type Invalidations, TOPICS } from '../../platform/db/invalidations.ts';
import { transaction } from '../../platform/db/transaction.ts';
import { requirePermission, requireRole } from '../../platform/http/authorization.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { newId } from '../../platform/ids.ts';
import type { Channel } from './notifications.channels.ts';
import { TemplateNotFound } from './notifications.errors.ts';
import {
  type Compiled,
  check,
  compile,
  DEFAULT_LANGUAGE,
  defaultTemplate,
  type TemplateParts,
} from './notifications.render.ts';
import { sampleData } from './notifications.samples.ts';
import * as repo from './notifications.templates.repository.ts';
import { type NotificationType, TYPE_NAMES, typeInfo } from './notifications.types.ts';

export interface TemplateKey {
  type: NotificationType;
  channel: Channel;
  language: string;
}

/** The template a message is rendered with: its version (0: the shipped default) and compiled form. */
export interface Resolved {
  version: number;
  compiled: Compiled;
}

export interface TemplateView {
  type: NotificationType;
  channel: Channel;
  language: string;
  /** 0: the shipped default, never saved by the store. */
  version: number;
  source: 'DEFAULT' | 'STAFF';
  subject: string | null;
  body: string;
  html: string | null;
  createdAt: Date | null;
}

const present = (key: TemplateKey, row: repo.TemplateRow): TemplateView => ({
  type: key.type,
  channel: key.channel,
  language: row.language,
  version: row.version,
  source: row.source,
  subject: row.subject,
  body: row.body,
  html: row.html,
  createdAt: row.created_at,
});

const presentDefault = (key: TemplateKey, parts: TemplateParts): TemplateView => ({
  ...key,
  version: 0,
  source: 'DEFAULT',
  ...parts,
  createdAt: null,
});

/**
 * Templates per store, type, channel and language. Every save is a new version; messages keep the
 * version they were rendered with and their rendered text, so an edit never changes history.
 * A version never changes, so each is compiled once and kept; what is current is one small read
 * per store (its saved keys and their newest version), kept until a save in any process says
 * otherwise (the `notification-templates` invalidation) or 30 s pass.
 */
export class TemplateService {
  private readonly current = new LRUCache<string, Map<string, number>>({ max: 10_000, ttl: 30_000 });
  private readonly compiled = new LRUCache<string, Compiled>({ max: 20_000 });

  constructor(private readonly invalidations?: Invalidations) {
    invalidations?.on(TOPICS.notificationTemplates, {
      key: (storeId) => this.current.delete(storeId),
      all: () => this.current.clear(),
    });
  }

  /** The store's current template for the key, else the shipped default; null: no template at all. */
  async resolve(db: Db, storeId: string, key: TemplateKey): Promise<Resolved | null> {
    const name = `${key.type}/${key.channel}/${key.language}`;
    const version = (await this.versionsOf(db, storeId)).get(name);
    if (version) {
      const id = `${storeId}/${name}@${version}`;
      const hit = this.compiled.get(id);
      if (hit) return { version, compiled: hit };
      const row = await repo.templateVersion(db, storeId, key, version);
      if (row) {
        const compiled = compile(row);
        this.compiled.set(id, compiled);
        return { version, compiled };
      }
    }
    const id = `default/${name}`;
    const hit = this.compiled.get(id);
    if (hit) return { version: 0, compiled: hit };
    const parts = defaultTemplate(key.type, key.channel, key.language);
    if (!parts) return null;
    const compiled = compile(parts);
    this.compiled.set(id, compiled);
    return { version: 0, compiled };
  }

  private async versionsOf(db: Db, storeId: string): Promise<Map<string, number>> {
    const hit = this.current.get(storeId);
    if (hit) return hit;
    const rows = await repo.currentVersions(db, storeId);
    const versions = new Map(rows.map((r) => [`${r.type}/${r.channel}/${r.language}`, Number(r.version)]));
    this.current.set(storeId, versions);
    return versions;
  }

  /** Every type's template on every channel it has, the store's newest version or the default. */
  async list(ctx: Ctx): Promise<TemplateView[]> {
    requireRole(ctx, 'ADMIN');
    const saved = await repo.currentTemplates(ctx.db, ctx.storeId);
    const views: TemplateView[] = [];
    for (const type of TYPE_NAMES)
      for (const channel of typeInfo(type).channels) {
        const key = { type, channel, language: DEFAULT_LANGUAGE };
        const own = saved.filter((r) => r.type === type && r.channel === channel);
        if (!own.some((r) => r.language === DEFAULT_LANGUAGE))
          views.push(presentDefault(key, defaultTemplate(type, channel, DEFAULT_LANGUAGE)!));
        for (const row of own) views.push(present({ ...key, language: row.language }, row));
      }
    return views;
  }

  /** The current template and its saved versions, newest first. */
  async get(ctx: Ctx, key: TemplateKey): Promise<{ current: TemplateView; versions: TemplateView[] }> {
    requireRole(ctx, 'ADMIN');
    const versions = (await repo.templateVersions(ctx.db, ctx.storeId, key)).map((r) => present(key, r));
    const current = versions[0] ?? this.shipped(key);
    return { current, versions };
  }

  /** Checks the template with the type's sample data, then saves it as a new version. */
  async save(ctx: Ctx, key: TemplateKey, parts: TemplateParts): Promise<TemplateView> {
    const actor = requirePermission(ctx, 'settings:manage');
    this.shipped(key); // a type has templates on its channels only
    check(parts, sampleData(key.type));
    return this.write(ctx, key, parts, 'STAFF', actor.userId);
  }

  /** Saves the shipped default again as the newest version. */
  async revert(ctx: Ctx, key: TemplateKey): Promise<TemplateView> {
    const actor = requirePermission(ctx, 'settings:manage');
    const shipped = this.shipped(key);
    return this.write(ctx, key, shipped, 'DEFAULT', actor.userId);
  }

  /** Renders `parts` (or the current template) with the type's sample data, checked strictly. */
  async preview(ctx: Ctx, key: TemplateKey, parts?: TemplateParts) {
    requireRole(ctx, 'ADMIN');
    const source = parts ?? (await this.get(ctx, key)).current;
    return check(source, sampleData(key.type));
  }

  private shipped(key: TemplateKey): TemplateView {
    if (!(typeInfo(key.type).channels as readonly Channel[]).includes(key.channel))
      throw new TemplateNotFound();
    const parts = defaultTemplate(key.type, key.channel, key.language);
    if (!parts) throw new TemplateNotFound();
    return presentDefault(key, parts);
  }

  private async write(
    ctx: Ctx,
    key: TemplateKey,
    parts: TemplateParts,
    source: 'STAFF' | 'DEFAULT',
    userId: string,
  ): Promise<TemplateView> {
    const row = await transaction(ctx.db, (trx) =>
      repo.insertVersion(trx, {
        id: newId(),
        store_id: ctx.storeId,
        ...key,
        subject: parts.subject,
        body: parts.body,
        html: parts.html,
        source,
        created_by: userId,
      }),
    );
    this.current.delete(ctx.storeId);
    this.invalidations?.publish(TOPICS.notificationTemplates, ctx.storeId);
    return present(key, row);
  }
}
