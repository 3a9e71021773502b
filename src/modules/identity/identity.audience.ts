// The store's customers as a set for work over many of them at once (a campaign's target): a
// subquery of user ids the caller composes into its own set-based SQL, so a million customers are
// never read into memory. Served by users_store_id_idx (store, id) and users_store_group_idx.
import { type RawBuilder, sql } from 'kysely';

export interface CustomerFilter {
  /** Members of this user group. */
  groupId?: string | undefined;
  /** Only these accounts, by id or by email (any case). */
  list?: { userIds: string[]; emails: string[] } | undefined;
  /** Not signed in since then (an account that never signed in counts from its creation). */
  quietSince?: Date | undefined;
}

/** The store's active customers (not deleted, not deactivated) matching the filter: `user_id`. */
export function customerIds(storeId: string, filter: CustomerFilter = {}): RawBuilder<{ user_id: string }> {
  const where = [
    sql`u.store_id = ${storeId}`,
    sql`u.deleted_at IS NULL`,
    sql`u.status = 'ACTIVE'`,
    sql`'CUSTOMER' = ANY (u.roles)`,
  ];
  if (filter.groupId) where.push(sql`u.group_id = ${filter.groupId}`);
  if (filter.list)
    where.push(
      sql`(u.id = ANY (${filter.list.userIds}::uuid[]) OR lower(u.email) = ANY (${filter.list.emails.map((e) => e.toLowerCase())}::text[]))`,
    );
  if (filter.quietSince) where.push(sql`coalesce(u.last_login_at, u.created_at) < ${filter.quietSince}`);
  return sql`SELECT u.id AS user_id FROM users u WHERE ${sql.join(where, sql` AND `)}`;
}
