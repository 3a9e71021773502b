import { isUniqueViolation, pgErrorCode } from '../../platform/db/transaction.ts';
import { requireRole } from '../../platform/http/authorization.ts';
import type { Ctx } from '../../platform/http/context.ts';
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
    const row = await groupRepo
      .insertGroup(ctx.db, {
        id: newId(),
        store_id: ctx.storeId,
        name: fields.name,
        seller_discount_bps: fields.sellerDiscountBps,
        admin_discount_bps: fields.adminDiscountBps,
        seller_reward_bps: fields.sellerRewardBps,
        admin_reward_bps: fields.adminRewardBps,
      })
      .catch(nameClash);
    return presentGroup(row);
  }

  async update(ctx: Ctx, id: string, fields: Partial<GroupFields>): Promise<UserGroupView> {
    requireRole(ctx, 'ADMIN');
    const row = isUuid(id)
      ? await groupRepo.updateGroup(ctx.db, ctx.storeId, id, columns(fields)).catch(nameClash)
      : undefined;
    if (!row) throw new GroupNotFound();
    return presentGroup(row);
  }

  async remove(ctx: Ctx, id: string): Promise<void> {
    requireRole(ctx, 'ADMIN');
    if (!(isUuid(id) && (await groupRepo.deleteGroup(ctx.db, ctx.storeId, id)))) throw new GroupNotFound();
  }

  /** Puts a user in a group (or, with null, in none). */
  async assign(ctx: Ctx, userId: string, groupId: string | null): Promise<UserView> {
    requireRole(ctx, 'ADMIN');
    if (!isUuid(userId)) throw new UserNotFound();
    if (groupId !== null && !(await groupRepo.findGroup(ctx.db, ctx.storeId, groupId)))
      throw new GroupNotFound();
    const user = await userRepo
      .updateUser(ctx.db, ctx.storeId, userId, { group_id: groupId })
      .catch((error) => {
        // The group was deleted in between.
        if (pgErrorCode(error) === '23503') throw new GroupNotFound();
        throw error;
      });
    if (!user) throw new UserNotFound();
    return presentUser(user);
  }
}
