import { type Generated, type Insertable, type Selectable, sql } from 'kysely';
import { type Db, tables } from '../../platform/db/database.ts';
import { newestFirst } from '../../platform/db/keyset.ts';
import type { Channel } from './notifications.channels.ts';

export type Status = 'QUEUED' | 'SENT' | 'DELIVERED' | 'FAILED' | 'BOUNCED';

export interface NotificationsTable {
  id: string;
  store_id: string;
  event_id: string;
  user_id: string | null;
  recipient: string;
  channel: Channel;
  type: string;
  language: string;
  template_version: number;
  subject: string | null;
  body: string;
  html: string | null;
  sealed: boolean;
  sender_name: string | null;
  reply_to: string | null;
  priority: string;
  scheduled_at: Date;
  status: Generated<Status>;
  attempts: Generated<number>;
  provider_message_id: string | null;
  error: string | null;
  sent_at: Date | null;
  delivered_at: Date | null;
  opened_at: Date | null;
  clicked_at: Date | null;
  read_at: Date | null;
  created_at: Generated<Date>;
}

export interface PreferencesTable {
  store_id: string;
  user_id: string;
  type: string;
  email_enabled: boolean | null;
  sms_enabled: boolean | null;
  push_enabled: boolean | null;
  in_app_enabled: boolean | null;
  quiet_hours_start: string | null;
  quiet_hours_end: string | null;
  time_zone: string | null;
  language: string | null;
  updated_at: Generated<Date>;
}

interface Tables {
  notifications: NotificationsTable;
  notification_preferences: PreferencesTable;
}

const t = (db: Db) => tables<Tables>(db);

export type NewNotification = Insertable<NotificationsTable>;
export type PreferenceRow = Selectable<PreferencesTable>;

const FEED_COLUMNS = ['id', 'type', 'subject', 'body', 'created_at', 'read_at'] as const;
export type FeedRow = Pick<Selectable<NotificationsTable>, (typeof FEED_COLUMNS)[number]>;

const SEND_COLUMNS = [
  'id',
  'store_id',
  'channel',
  'recipient',
  'subject',
  'body',
  'html',
  'sealed',
  'sender_name',
  'reply_to',
  'status',
  'type',
] as const;
export type SendRow = Pick<Selectable<NotificationsTable>, (typeof SEND_COLUMNS)[number]>;

/**
 * Inserts the messages of one event; a row whose (event, recipient, channel) exists already is
 * skipped, so a replayed event queues nothing twice. Returns the rows written now.
 */
export function insertNotifications(db: Db, rows: NewNotification[]) {
  if (rows.length === 0) return Promise.resolve([]);
  return t(db)
    .insertInto('notifications')
    .values(rows)
    .onConflict((oc) => oc.columns(['event_id', 'recipient', 'channel']).doNothing())
    .returning(['id', 'channel', 'scheduled_at'])
    .execute();
}

export function findForSending(db: Db, id: string): Promise<SendRow | undefined> {
  return t(db).selectFrom('notifications').select(SEND_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function markAttempt(db: Db, id: string): Promise<void> {
  await t(db)
    .updateTable('notifications')
    .set({ attempts: sql`attempts + 1` })
    .where('id', '=', id)
    .execute();
}

export async function markSent(db: Db, id: string, providerMessageId: string | null): Promise<void> {
  await t(db)
    .updateTable('notifications')
    .set({ status: 'SENT', sent_at: new Date(), provider_message_id: providerMessageId, error: null })
    .where('id', '=', id)
    .where('status', '=', 'QUEUED')
    .execute();
}

export async function markFailed(db: Db, id: string, error: string, final: boolean): Promise<void> {
  await t(db)
    .updateTable('notifications')
    .set({ error: error.slice(0, 1000), ...(final ? { status: 'FAILED' as const } : {}) })
    .where('id', '=', id)
    .where('status', '=', 'QUEUED')
    .execute();
}

/** Records the first open or click of a mail (later ones change nothing). */
export async function markTracked(db: Db, storeId: string, id: string, what: 'opened' | 'clicked') {
  const column = what === 'opened' ? 'opened_at' : 'clicked_at';
  await t(db)
    .updateTable('notifications')
    .set({ [column]: sql`coalesce(${sql.ref(column)}, now())` })
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .execute();
}

// ——— the in-app feed ———

export function listFeed(db: Db, storeId: string, userId: string, page: { limit: number; after?: string }) {
  const query = t(db)
    .selectFrom('notifications')
    .select(FEED_COLUMNS)
    .where('store_id', '=', storeId)
    .where('user_id', '=', userId)
    .where('channel', '=', 'IN_APP');
  return newestFirst(query, page).execute();
}

export async function unreadCount(db: Db, storeId: string, userId: string): Promise<number> {
  const row = await t(db)
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('store_id', '=', storeId)
    .where('user_id', '=', userId)
    .where('channel', '=', 'IN_APP')
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks one of the user's in-app notifications read (the first time only); undefined: not theirs. */
export async function markRead(db: Db, storeId: string, userId: string, id: string) {
  await t(db)
    .updateTable('notifications')
    .set({ read_at: sql`coalesce(read_at, now())` })
    .where('store_id', '=', storeId)
    .where('user_id', '=', userId)
    .where('channel', '=', 'IN_APP')
    .where('id', '=', id)
    .execute();
  return t(db)
    .selectFrom('notifications')
    .select(FEED_COLUMNS)
    .where('store_id', '=', storeId)
    .where('user_id', '=', userId)
    .where('channel', '=', 'IN_APP')
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function markAllRead(db: Db, storeId: string, userId: string): Promise<number> {
  const result = await t(db)
    .updateTable('notifications')
    .set({ read_at: new Date() })
    .where('store_id', '=', storeId)
    .where('user_id', '=', userId)
    .where('channel', '=', 'IN_APP')
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

// ——— the delivery log, for staff ———

const LOG_COLUMNS = [
  'id',
  'user_id',
  'recipient',
  'channel',
  'type',
  'language',
  'template_version',
  'subject',
  'priority',
  'scheduled_at',
  'status',
  'attempts',
  'provider_message_id',
  'error',
  'sent_at',
  'delivered_at',
  'opened_at',
  'clicked_at',
  'read_at',
  'created_at',
] as const;
export type LogRow = Pick<Selectable<NotificationsTable>, (typeof LOG_COLUMNS)[number]>;

/** What staff may narrow the delivery log by; the recipient matches a part of the address, any case. */
export interface LogFilter {
  status?: Status | undefined;
  channel?: Channel | undefined;
  type?: string | undefined;
  recipient?: string | undefined;
}

export function listLog(db: Db, storeId: string, f: LogFilter & { limit: number; after?: string }) {
  let query = t(db).selectFrom('notifications').select(LOG_COLUMNS).where('store_id', '=', storeId);
  if (f.status) query = query.where('status', '=', f.status);
  if (f.channel) query = query.where('channel', '=', f.channel);
  if (f.type) query = query.where('type', '=', f.type);
  if (f.recipient)
    query = query.where('recipient', 'ilike', `%${f.recipient.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return newestFirst(query, f).execute();
}

// ——— preferences ———

export function preferencesOf(db: Db, storeId: string, userId: string): Promise<PreferenceRow[]> {
  return t(db)
    .selectFrom('notification_preferences')
    .select([
      'store_id',
      'user_id',
      'type',
      'email_enabled',
      'sms_enabled',
      'push_enabled',
      'in_app_enabled',
      'quiet_hours_start',
      'quiet_hours_end',
      'time_zone',
      'language',
      'updated_at',
    ])
    .where('store_id', '=', storeId)
    .where('user_id', '=', userId)
    .execute();
}

/** Replaces the user's preferences with `rows` (the '*' row and one per type mentioned). */
export async function replacePreferences(
  db: Db,
  storeId: string,
  userId: string,
  rows: Insertable<PreferencesTable>[],
): Promise<void> {
  await t(db)
    .deleteFrom('notification_preferences')
    .where('store_id', '=', storeId)
    .where('user_id', '=', userId)
    .execute();
  if (rows.length) await t(db).insertInto('notification_preferences').values(rows).execute();
}

/** Turns one type's mail off for a user (the unsubscribe link), keeping the rest of the row. */
export async function turnOffEmail(db: Db, storeId: string, userId: string, type: string): Promise<void> {
  await t(db)
    .insertInto('notification_preferences')
    .values({
      store_id: storeId,
      user_id: userId,
      type,
      email_enabled: false,
    } as Insertable<PreferencesTable>)
    .onConflict((oc) =>
      oc
        .columns(['store_id', 'user_id', 'type'])
        .doUpdateSet({ email_enabled: false, updated_at: new Date() }),
    )
    .execute();
}
