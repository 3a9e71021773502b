import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { transaction } from '../../platform/db/transaction.ts';
import { requirePermission, requireRole } from '../../platform/http/authorization.ts';
import { type Actor, type Ctx, PERMISSIONS, type Role, withDb } from '../../platform/http/context.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { isUuid } from '../../platform/ids.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { RoleChangeForbidden, SelfLockout, UserNotFound } from './identity.errors.ts';
import { IdentityEvents } from './identity.events.ts';
import { presentUser } from './identity.presenters.ts';
import * as profileRepo from './identity.profiles.repository.ts';
import { IdCursor, type UserListQuery, type UserView } from './identity.schemas.ts';
import * as sessionRepo from './identity.sessions.repository.ts';
import * as userRepo from './identity.users.repository.ts';

const STAFF: Role[] = ['ADMIN', 'SUPER_ADMIN'];

/**
 * An ADMIN may not act on a SUPER_ADMIN account, nor grant or remove SUPER_ADMIN; only a
 * SUPER_ADMIN may. (hasRole lets SUPER_ADMIN pass every role check.)
 */
function assertMayManage(actor: Actor, target: userRepo.UserRow, touchesSuperAdmin = false) {
  if (actor.roles.includes('SUPER_ADMIN')) return;
  if (target.roles.includes('SUPER_ADMIN'))
    throw new RoleChangeForbidden('Only a SUPER_ADMIN may change a SUPER_ADMIN account.');
  if (touchesSuperAdmin) throw new RoleChangeForbidden('Only a SUPER_ADMIN may grant SUPER_ADMIN.');
}

function permissionsOf(actor: Actor): string[] {
  return actor.roles.includes('SUPER_ADMIN') ? [...PERMISSIONS] : [...(actor.permissions ?? [])];
}

/** Admin user management: find, change roles, deactivate and reactivate the store's users. */
export class AdminUserService {
  constructor(private readonly jobs: Jobs) {}

  async list(ctx: Ctx, query: UserListQuery) {
    requireRole(ctx, 'ADMIN');
    const after = decodeCursor(query.cursor, IdCursor);
    const rows = await userRepo.listUsers(ctx.db, {
      storeId: ctx.storeId,
      limit: query.limit,
      after: after?.id,
      q: query.q,
      role: query.role,
      status: query.status,
      groupId: query.group,
    });
    return toPage(rows, query.limit, presentUser, (u) => ({ id: u.id }));
  }

  async get(ctx: Ctx, id: string): Promise<UserView> {
    requireRole(ctx, 'ADMIN');
    return presentUser(await this.find(ctx, id));
  }

  /** By email (seed 000 GSI1) or by phone (seed 001 key); exactly one is given. */
  async lookup(ctx: Ctx, by: { email?: string | undefined; phone?: string | undefined }): Promise<UserView> {
    requireRole(ctx, 'ADMIN');
    const row = by.email
      ? await userRepo.findUserByEmail(ctx.db, ctx.storeId, by.email)
      : await userRepo.findUserByPhone(ctx.db, ctx.storeId, by.phone ?? '');
    if (!row) throw new UserNotFound();
    return presentUser(row);
  }

  /** The target row is locked first, so the rules are checked against the roles a concurrent change left. */
  async setRoles(ctx: Ctx, id: string, roles: Role[]): Promise<UserView> {
    const actor = requirePermission(ctx, 'users:roles');
    return this.withTarget(ctx, id, async (trx, target) => {
      const wanted = [...new Set(roles)];
      const changed = [
        ...wanted.filter((r) => !target.roles.includes(r)),
        ...target.roles.filter((r) => !wanted.includes(r)),
      ];
      assertMayManage(actor, target, changed.includes('SUPER_ADMIN'));
      if (target.id === actor.userId && !wanted.some((r) => STAFF.includes(r)))
        throw new SelfLockout('You cannot remove your own administrator role.');
      if (changed.length === 0) return presentUser(target);
      const user = await userRepo.setRoles(trx, ctx.storeId, target.id, wanted);
      if (!user) throw new UserNotFound();
      const audit = { entityType: 'user', entityId: target.id } as const;
      await recordAudit(withDb(ctx, trx), {
        ...audit,
        action: 'roles.change',
        before: { roles: target.roles },
        after: { roles: wanted },
      });
      // a new admin gets the granter's permissions, never more (a SUPER_ADMIN's are all of them)
      if (wanted.includes('ADMIN') && !target.roles.includes('ADMIN')) {
        const before = await profileRepo.findAdminProfile(trx, ctx.storeId, target.id);
        const profile = await profileRepo.upsertAdminProfile(trx, ctx.storeId, target.id, {
          permissions: permissionsOf(actor),
        });
        await recordAudit(withDb(ctx, trx), {
          ...audit,
          action: 'permissions.change',
          before: { permissions: before?.permissions ?? [] },
          after: { permissions: profile?.permissions ?? [] },
        });
      }
      await this.jobs.publish(trx, {
        name: IdentityEvents.userRolesChanged,
        storeId: ctx.storeId,
        payload: { userId: user.id, roles: wanted, by: actor.userId },
      });
      return presentUser(user);
    });
  }

  /** Deactivates an account; its sessions end and its access tokens stop working at once. */
  async deactivate(ctx: Ctx, id: string, reason?: string): Promise<UserView> {
    const actor = requirePermission(ctx, 'users:roles');
    return this.withTarget(ctx, id, async (trx, target) => {
      assertMayManage(actor, target);
      if (target.id === actor.userId) throw new SelfLockout('You cannot deactivate your own account.');
      if (target.status === 'DEACTIVATED') return presentUser(target);
      const user = await userRepo.updateUser(trx, ctx.storeId, target.id, {
        status: 'DEACTIVATED',
        deactivated_reason: reason ?? null,
      });
      if (!user) throw new UserNotFound();
      await sessionRepo.revokeAllSessions(trx, ctx.storeId, target.id, 'DEACTIVATED');
      await recordAudit(withDb(ctx, trx), {
        entityType: 'user',
        entityId: target.id,
        action: 'deactivate',
        before: { status: target.status },
        after: { status: user.status, deactivated_reason: reason ?? null },
      });
      await this.jobs.publish(trx, {
        name: IdentityEvents.userDeactivated,
        storeId: ctx.storeId,
        payload: { userId: user.id, by: actor.userId },
      });
      return presentUser(user);
    });
  }

  async reactivate(ctx: Ctx, id: string): Promise<UserView> {
    const actor = requirePermission(ctx, 'users:roles');
    return this.withTarget(ctx, id, async (trx, target) => {
      assertMayManage(actor, target);
      if (target.status === 'ACTIVE') return presentUser(target);
      const user = await userRepo.updateUser(trx, ctx.storeId, target.id, {
        status: 'ACTIVE',
        deactivated_reason: null,
      });
      if (!user) throw new UserNotFound();
      await recordAudit(withDb(ctx, trx), {
        entityType: 'user',
        entityId: target.id,
        action: 'reactivate',
        before: { status: target.status },
        after: { status: user.status },
      });
      await this.jobs.publish(trx, {
        name: IdentityEvents.userReactivated,
        storeId: ctx.storeId,
        payload: { userId: user.id, by: actor.userId },
      });
      return presentUser(user);
    });
  }

  /** Runs `work` in a transaction holding the target user's row lock; unknown users are 404. */
  private withTarget<T>(
    ctx: Ctx,
    id: string,
    work: (trx: Db, target: userRepo.UserRow) => Promise<T>,
  ): Promise<T> {
    return transaction(ctx.db, async (trx) => {
      const target = isUuid(id) ? await userRepo.findUserForUpdate(trx, ctx.storeId, id) : undefined;
      if (!target) throw new UserNotFound();
      return work(trx, target);
    });
  }

  private async find(ctx: Ctx, id: string): Promise<userRepo.UserRow> {
    const row = isUuid(id) ? await userRepo.findUserById(ctx.db, ctx.storeId, id) : undefined;
    if (!row) throw new UserNotFound();
    return row;
  }
}
