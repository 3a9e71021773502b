import { type Generated, type Insertable, type Selectable, sql } from 'kysely';
import { type Db, tables } from '../../platform/db/database.ts';
import type { Channel } from './notifications.channels.ts';

export interface TemplatesTable {
  id: string;
  store_id: string;
  type: string;
  channel: Channel;
  language: string;
  version: number;
  subject: string | null;
  body: string;
  html: string | null;
  source: 'STAFF' | 'DEFAULT';
  created_by: string | null;
  created_at: Generated<Date>;
}

const t = (db: Db) => tables<{ notification_templates: TemplatesTable }>(db);

const COLUMNS = [
  'id',
  'type',
  'channel',
  'language',
  'version',
  'subject',
  'body',
  'html',
  'source',
  'created_by',
  'created_at',
] as const;
export type TemplateRow = Pick<Selectable<TemplatesTable>, (typeof COLUMNS)[number]>;

export interface TemplateKey {
  type: string;
  channel: Channel;
  language: string;
}

/** The newest version of one template of the store, if the store ever saved one. */
export function currentTemplate(db: Db, storeId: string, key: TemplateKey): Promise<TemplateRow | undefined> {
  return t(db)
    .selectFrom('notification_templates')
    .select(COLUMNS)
    .where('store_id', '=', storeId)
    .where('type', '=', key.type)
    .where('channel', '=', key.channel)
    .where('language', '=', key.language)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The newest version number of each template the store saved (what a send resolves against). */
export function currentVersions(db: Db, storeId: string) {
  return t(db)
    .selectFrom('notification_templates')
    .select(['type', 'channel', 'language', (eb) => eb.fn.max('version').as('version')])
    .where('store_id', '=', storeId)
    .groupBy(['type', 'channel', 'language'])
    .execute();
}

/** One saved version of a template. */
export function templateVersion(db: Db, storeId: string, key: TemplateKey, version: number) {
  return t(db)
    .selectFrom('notification_templates')
    .select(COLUMNS)
    .where('store_id', '=', storeId)
    .where('type', '=', key.type)
    .where('channel', '=', key.channel)
    .where('language', '=', key.language)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** The newest version of each template the store saved. */
export function currentTemplates(db: Db, storeId: string): Promise<TemplateRow[]> {
  return t(db)
    .selectFrom('notification_templates')
    .distinctOn(['type', 'channel', 'language'])
    .select(COLUMNS)
    .where('store_id', '=', storeId)
    .orderBy('type')
    .orderBy('channel')
    .orderBy('language')
    .orderBy('version', 'desc')
    .execute();
}

export function templateVersions(db: Db, storeId: string, key: TemplateKey): Promise<TemplateRow[]> {
  return t(db)
    .selectFrom('notification_templates')
    .select(COLUMNS)
    .where('store_id', '=', storeId)
    .where('type', '=', key.type)
    .where('channel', '=', key.channel)
    .where('language', '=', key.language)
    .orderBy('version', 'desc')
    .limit(100)
    .execute();
}

/**
 * Saves a new version: one more than the newest. Called in a transaction: a lock on the template's
 * key makes two saves at once take turns, so each gets its own number.
 */
export async function insertVersion(
  db: Db,
  row: Omit<Insertable<TemplatesTable>, 'version'>,
): Promise<TemplateRow> {
  const key = `notification_templates:${row.store_id}:${row.type}:${row.channel}:${row.language}`;
  await sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`.execute(db);
  const newest = await t(db)
    .selectFrom('notification_templates')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('store_id', '=', row.store_id)
    .where('type', '=', row.type)
    .where('channel', '=', row.channel)
    .where('language', '=', row.language)
    .executeTakeFirst();
  return t(db)
    .insertInto('notification_templates')
    .values({ ...row, version: Number(newest?.v ?? 0) + 1 })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
}
