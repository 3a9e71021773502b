import {
  type ColumnType,
  type Generated,
  type Insertable,
  type RawBuilder,
  type Selectable,
  sql,
} from 'kysely';
import type { StatementPart } from '../../platform/db/ctes.ts';
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
  /** When a QUEUED row is next due for sending (its schedule, a retry's backoff, a claim's lease). */
  next_attempt_at: ColumnType<Date | null, Date | RawBuilder<Date> | null, Date | RawBuilder<Date> | null>;
  /** Headers the channel adds as sent (List-Unsubscribe on marketing mail); written as JSON text. */
  headers: ColumnType<Record<string, string> | null, string | null, string | null>;
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
  /** The campaign a marketing message belongs to. */
  campaign_id: ColumnType<string | null, string | null | undefined, never>;
  /** The time of what the message tells about: the monthly partition's key (migration 005). */
  caused_at: ColumnType<Date, Date | undefined, never>;
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
  'attempts',
  'headers',
] as const;
export type SendRow = Pick<Selectable<NotificationsTable>, (typeof SEND_COLUMNS)[number]>;

/** Rows per INSERT statement: well under PostgreSQL's 65,535 parameters at ~22 columns a row. */
const INSERT_CHUNK = 1000;

/**
 * Inserts the messages of a batch of events, one multi-row statement per 1,000 rows; a row whose
 * (event, recipient, channel) exists already is skipped, so a replayed event writes nothing twice.
 * Returns how many rows were written now.
 */
export async function insertNotifications(
  db: Db,
  rows: NewNotification[],
  options: { anyConflict?: boolean } = {},
): Promise<number> {
  let written = 0;
  for (let from = 0; from < rows.length; from += INSERT_CHUNK) {
    // a campaign's rows also skip a (campaign, user, channel) already written, whatever its address
    const result = await t(db)
      .insertInto('notifications')
      .values(rows.slice(from, from + INSERT_CHUNK))
      .onConflict((oc) =>
        options.anyConflict
          ? oc.doNothing()
          : oc.columns(['event_id', 'recipient', 'channel', 'caused_at']).doNothing(),
      )
      .executeTakeFirst();
    written += Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  return written;
}

/** How long the claim of a message holds it: a worker that dies mid-send leaves it due again after. */
export const SEND_LEASE_SECONDS = 300;

/**
 * The claim of up to `limit` due QUEUED messages of every store, urgent first, then by due time,
 * with FOR UPDATE SKIP LOCKED (so workers claiming at once take different rows), as a part of the
 * job worker's claim statement: each claimed row's attempt is counted and its next attempt moved
 * one lease ahead. A row whose attempts are all spent (its last claim's worker died) is failed in
 * the same statement, not sent. Its rows are `SendRow`s, in claim order.
 */
export function claimDuePart(prefix: string, limit: number, maxAttempts: number): StatementPart {
  const picked = sql.ref(`${prefix}picked`);
  const claimed = sql.ref(`${prefix}claimed`);
  return {
    ctes: [
      sql`${picked} AS (
        SELECT id, notifications_priority_rank(priority) AS rank, next_attempt_at AS due FROM notifications
        WHERE status = 'QUEUED' AND next_attempt_at <= now()
        ORDER BY notifications_priority_rank(priority), next_attempt_at
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)`,
      sql`${claimed} AS (
        UPDATE notifications n SET
          attempts = CASE WHEN n.attempts >= ${maxAttempts} THEN n.attempts ELSE n.attempts + 1 END,
          status = CASE WHEN n.attempts >= ${maxAttempts} THEN 'FAILED' ELSE n.status END,
          error = CASE WHEN n.attempts >= ${maxAttempts} THEN coalesce(n.error, 'lease expired') ELSE n.error END,
          next_attempt_at = now() + make_interval(secs => ${SEND_LEASE_SECONDS})
        FROM ${picked} p WHERE n.id = p.id
        RETURNING ${sql.join(SEND_COLUMNS.map((c) => sql.ref(`n.${c}`)))}, p.rank, p.due)`,
    ],
    rows: sql`(SELECT jsonb_agg(to_jsonb(c) - 'rank' - 'due' ORDER BY c.rank, c.due) FROM ${claimed} c)`,
  };
}

/** Milliseconds until the next QUEUED message is due (by the database's clock); null: none queued. */
export async function nextDueIn(db: Db): Promise<number | null> {
  const { rows } = await sql<{ ms: number | null }>`
    SELECT extract(epoch FROM min(next_attempt_at) - now())::float8 * 1000 AS ms
    FROM notifications WHERE status = 'QUEUED'`.execute(db);
  return rows[0]?.ms ?? null;
}

/** Records the messages a batch sent, in one statement (a row no longer QUEUED is left as it is). */
export async function markSent(db: Db, sent: { id: string; providerMessageId: string | null }[]) {
  if (sent.length === 0) return;
  await sql`
    UPDATE notifications n SET status = 'SENT', sent_at = now(), provider_message_id = v.pid, error = NULL
    FROM unnest(${sent.map((s) => s.id)}::uuid[], ${sent.map((s) => s.providerMessageId)}::text[]) AS v(id, pid)
    WHERE n.id = v.id AND n.status = 'QUEUED'`.execute(db);
}

/**
 * Records the failures of a batch in one statement: each row keeps its error and is due again
 * after its backoff, or is FAILED (dead-lettered) when that was its last attempt.
 */
export async function markFailed(
  db: Db,
  failed: { id: string; error: string; retrySeconds: number; final: boolean }[],
) {
  if (failed.length === 0) return;
  await sql`
    UPDATE notifications n SET
      error = v.error,
      status = CASE WHEN v.final THEN 'FAILED' ELSE n.status END,
      next_attempt_at = now() + make_interval(secs => v.retry)
    FROM unnest(
      ${failed.map((f) => f.id)}::uuid[],
      ${failed.map((f) => f.error.slice(0, 1000))}::text[],
      ${failed.map((f) => f.retrySeconds)}::float8[],
      ${failed.map((f) => f.final)}::boolean[]
    ) AS v(id, error, retry, final)
    WHERE n.id = v.id AND n.status = 'QUEUED'`.execute(db);
}

/** Messages that failed for good (the `jobs_dead` gauge). */
export async function failedCount(db: Db): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM notifications WHERE status = 'FAILED'`.execute(db);
  return rows[0]?.n ?? 0;
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

const PREFERENCE_COLUMNS = [
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
] as const;

export function preferencesOf(db: Db, storeId: string, userId: string): Promise<PreferenceRow[]> {
  return t(db)
    .selectFrom('notification_preferences')
    .select(PREFERENCE_COLUMNS)
    .where('store_id', '=', storeId)
    .where('user_id', '=', userId)
    .execute();
}

/** The preferences of many users of a store, in one read. */
export function preferencesOfMany(db: Db, storeId: string, userIds: string[]): Promise<PreferenceRow[]> {
  if (userIds.length === 0) return Promise.resolve([]);
  return t(db)
    .selectFrom('notification_preferences')
    .select(PREFERENCE_COLUMNS)
    .where('store_id', '=', storeId)
    .where('user_id', 'in', userIds)
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
