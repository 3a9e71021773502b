import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';
import { type Db, tables } from '../../platform/db/database.ts';
import type { CampaignChannel, CampaignStatus, CampaignType, Target } from './campaigns.schemas.ts';

export interface CampaignsTable {
  id: string;
  store_id: string;
  name: string;
  type: CampaignType;
  status: ColumnType<CampaignStatus, CampaignStatus | undefined, CampaignStatus>;
  seller_id: string | null;
  product_ids: string[];
  category_ids: string[];
  channels: CampaignChannel[];
  coupon_code: string | null;
  subject: string;
  body: string;
  link_url: string | null;
  target: ColumnType<Target, string, string>;
  starts_at: Date | null;
  ends_at: Date | null;
  send_at: Date | null;
  targeted_count: number | null;
  targeted_at: Date | null;
  send_started_at: Date | null;
  sent_at: Date | null;
  cancelled_at: Date | null;
  created_by: string | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
}

interface Tables {
  campaigns: CampaignsTable;
}

const t = (db: Db) => tables<Tables>(db);

export type CampaignRow = Selectable<CampaignsTable>;
export type CampaignChanges = Updateable<CampaignsTable>;

const COLUMNS = [
  'id',
  'store_id',
  'name',
  'type',
  'status',
  'seller_id',
  'product_ids',
  'category_ids',
  'channels',
  'coupon_code',
  'subject',
  'body',
  'link_url',
  'target',
  'starts_at',
  'ends_at',
  'send_at',
  'targeted_count',
  'targeted_at',
  'send_started_at',
  'sent_at',
  'cancelled_at',
  'created_by',
  'created_at',
  'updated_at',
] as const;

export function insertCampaign(db: Db, row: Insertable<CampaignsTable>): Promise<CampaignRow> {
  return t(db).insertInto('campaigns').values(row).returning(COLUMNS).executeTakeFirstOrThrow();
}

export function findCampaign(db: Db, storeId: string, id: string, lock = false) {
  let q = t(db).selectFrom('campaigns').select(COLUMNS).where('store_id', '=', storeId).where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** Changes the campaign only while it is in one of `from`; undefined when it no longer is. */
export function updateCampaign(
  db: Db,
  storeId: string,
  id: string,
  from: readonly CampaignStatus[],
  changes: CampaignChanges,
) {
  return t(db)
    .updateTable('campaigns')
    .set({ ...changes, updated_at: new Date() })
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .where('status', 'in', from)
    .returning(COLUMNS)
    .executeTakeFirst();
}

/** Staff's list, newest first (keyset on the time-ordered id), by status. */
export function listCampaigns(
  db: Db,
  storeId: string,
  q: { status?: CampaignStatus | undefined; limit: number; after?: string | undefined },
) {
  let query = t(db).selectFrom('campaigns').select(COLUMNS).where('store_id', '=', storeId);
  if (q.status) query = query.where('status', '=', q.status);
  if (q.after) query = query.where('id', '<', q.after);
  return query
    .orderBy('id', 'desc')
    .limit(q.limit + 1)
    .execute();
}

/** Scheduled campaigns of every store whose time has come (the scheduler runs across stores). */
export function dueCampaigns(db: Db, limit: number) {
  return t(db)
    .selectFrom('campaigns')
    .select(['id', 'store_id'])
    .where('status', '=', 'SCHEDULED')
    .where('send_at', '<=', new Date())
    .orderBy('send_at')
    .limit(limit)
    .execute();
}
