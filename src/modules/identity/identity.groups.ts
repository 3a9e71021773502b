import { pick, recordAudit } from '../../platform/audit/audit.ts';
import { isUniqueViolation, pgErrorCode, transaction } from '../../platform/db/transaction.ts';
import { requireRole } from '../../platform/http/authorization.ts';
import { type Ctx, withDb } from '../../platform/http/context.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { isUuid, newId } from '../../platform/ids.ts';
import { GroupNameTaken, GroupNotFound, UserNotFound } from './identity.errors.ts';
import * as groupRepo from './identity.groups.repository.ts';
import { presentGroup, presentUser } from './identity.presenters.ts';
import { type CreateGroupBody, IdCursor, type UserGroupView, type UserView } from './identity.schemas.ts';
import * as userRepo from './identity.users.repository.ts';

export type GroupFields = CreateGroupBody;

function nameClash(error: unknown): never {
  if (isUniqueViolation(error, 'user_groups_store_name_idx')) throw new GroupNameTaken();
  throw error;
}

function columns(f: Partial<GroupFields>) {
  return {
    ...(f.name !== undefined ? { name: f.name } : {}),
    ...(f.sellerDiscountBps !== undefined ? { seller_discount_bps: f.sellerDiscountBps } : {}),
    ...(f.adminDiscountBps !== undefined ? { admin_discount_bps: f.adminDiscountBps } : {}),
    ...(f.sellerRewardBps !== undefined ? { seller_reward_bps: f.sellerRewardBps } : {}),
    ...(f.adminRewardBps !== undefined ? { admin_reward_bps: f.adminRewardBps } : {}),
  };
}

/** User groups, managed by the store's admins. */
export class GroupService {
  /**
   * A user's pricing group (seed 000 UserGroups) or null: what promotions and checkout read to
   * apply group discounts and rewards. Percents are basis points (1 bp = 0.01 %).
   */
  async ofUser(ctx: Ctx, userId: string): Promise<UserGroupView | null> {
    if (!isUuid(userId)) return null;
    const row = await groupRepo.findUserGroup(ctx.db, ctx.storeId, userId);
    return row ? presentGroup(row) : null;
  }

  async list(ctx: Ctx, query: { limit: number; cursor?: string | undefined }) {
    requireRole(ctx, 'ADMIN');
    const after = decodeCursor(query.cursor, IdCursor);
    const rows = await groupRepo.listGroups(ctx.db, ctx.storeId, query.limit, after?.id);
    return toPage(rows, query.limit, presentGroup, (g) => ({ id: g.id }));
  }

  async get(ctx: Ctx, id: string): Promise<UserGroupView> {
    requireRole(ctx, 'ADMIN');
    const row = isUuid(id) ? await groupRepo.findGroup(ctx.db, ctx.storeId, id) : undefined;
    if (!row) throw new GroupNotFound();
    return presentGroup(row);
  }

  async create(ctx: Ctx, fields: GroupFields): Promise<UserGroupView> {
    requireRole(ctx, 'ADMIN');
    const row = await transaction(ctx.db, async (trx) => {
      const inserted = await groupRepo.insertGroup(trx, {
        id: newId(),
        store_id: ctx.storeId,
        name: fields.name,
        seller_discount_bps: fields.sellerDiscountBps,
        admin_discount_bps: fields.adminDiscountBps,
        seller_reward_bps: fields.sellerRewardBps,
        admin_reward_bps: fields.adminRewardBps,
      });
      await audit(withDb(ctx, trx), inserted.id, 'create', null, inserted);
      return inserted;
    }).catch(nameClash);
    return presentGroup(row);
  }

  async update(ctx: Ctx, id: string, fields: Partial<GroupFields>): Promise<UserGroupView> {
    requireRole(ctx, 'ADMIN');
    if (!isUuid(id)) throw new GroupNotFound();
    const row = await transaction(ctx.db, async (trx) => {
      const before = await groupRepo.findGroup(trx, ctx.storeId, id);
      const updated = await groupRepo.updateGroup(trx, ctx.storeId, id, columns(fields));
      if (before && updated) await audit(withDb(ctx, trx), id, 'update', before, updated);
      return updated;
    }).catch(nameClash);
    if (!row) throw new GroupNotFound();
    return presentGroup(row);
  }

  async remove(ctx: Ctx, id: string): Promise<void> {
    requireRole(ctx, 'ADMIN');
    if (!isUuid(id)) throw new GroupNotFound();
    await transaction(ctx.db, async (trx) => {
      const before = await groupRepo.findGroup(trx, ctx.storeId, id);
      if (!before || !(await groupRepo.deleteGroup(trx, ctx.storeId, id))) throw new GroupNotFound();
      await audit(withDb(ctx, trx), id, 'delete', before, null);
    });
  }

  /** Puts a user in a group (or, with null, in none). */
  async assign(ctx: Ctx, userId: string, groupId: string | null): Promise<UserView> {
    requireRole(ctx, 'ADMIN');
    if (!isUuid(userId)) throw new UserNotFound();
    return transaction(ctx.db, async (trx) => {
      if (groupId !== null && !(await groupRepo.findGroup(trx, ctx.storeId, groupId)))
        throw new GroupNotFound();
      const before = await userRepo.findUserForUpdate(trx, ctx.storeId, userId);
      if (!before) throw new UserNotFound();
      const user = await userRepo
        .updateUser(trx, ctx.storeId, userId, { group_id: groupId })
        .catch((error) => {
          // The group was deleted in between.
          if (pgErrorCode(error) === '23503') throw new GroupNotFound();
          throw error;
        });
      if (!user) throw new UserNotFound();
      await recordAudit(withDb(ctx, trx), {
        entityType: 'user',
        entityId: userId,
        action: 'group.assign',
        before: { group_id: before.group_id },
        after: { group_id: groupId },
      });
      return presentUser(user);
    });
  }
}

const AUDITED_GROUP_FIELDS = [
  'name',
  'seller_discount_bps',
  'admin_discount_bps',
  'seller_reward_bps',
  'admin_reward_bps',
] as const;

type GroupRow = Record<(typeof AUDITED_GROUP_FIELDS)[number], unknown>;

function audit(ctx: Ctx, id: string, action: string, before: GroupRow | null, after: GroupRow | null) {
  return recordAudit(ctx, {
    entityType: 'user_group',
    entityId: id,
    action,
    before: before && pick(before, AUDITED_GROUP_FIELDS),
    after: after && pick(after, AUDITED_GROUP_FIELDS),
  });
}
