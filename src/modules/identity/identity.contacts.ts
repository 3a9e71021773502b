import type { Ctx, Permission } from '../../platform/http/context.ts';
import { isUuid } from '../../platform/ids.ts';
import * as userRepo from './identity.users.repository.ts';

/** How a user is reached: what notifications needs to address a message. */
export interface Contact {
  userId: string;
  name: string;
  /** Null for an account opened by phone sign-in that has not added one. */
  email: string | null;
  phone: string | null;
}

const STAFF_LIMIT = 50;

/**
 * Contacts for work no person asked for (the notification jobs): an active user's, and the
 * store's ADMINs'. Never exposed over HTTP; the composition root hands them to notifications.
 */
export const contacts = {
  async of(ctx: Ctx, userId: string): Promise<Contact | null> {
    const row = await userRepo.findUserById(ctx.db, ctx.storeId, userId);
    if (row?.status !== 'ACTIVE') return null;
    return { userId: row.id, name: row.name, email: row.email, phone: row.phone };
  },

  /** Many active users' contacts in one read, by id (an unknown or inactive one is left out). */
  async many(ctx: Ctx, userIds: string[]): Promise<Map<string, Contact>> {
    const ids = [...new Set(userIds.filter(isUuid))];
    const rows = await userRepo.findUsersByIds(ctx.db, ctx.storeId, ids);
    return new Map(
      rows
        .filter((row) => row.status === 'ACTIVE')
        .map((row) => [row.id, { userId: row.id, name: row.name, email: row.email, phone: row.phone }]),
    );
  },

  /** The names of users of the store by id (a deleted user's is missing). */
  async names(ctx: Ctx, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    return new Map((await userRepo.namesOf(ctx.db, ctx.storeId, ids)).map((u) => [u.id, u.name]));
  },

  async staff(ctx: Ctx): Promise<Contact[]> {
    const rows = await userRepo.listUsers(ctx.db, {
      storeId: ctx.storeId,
      limit: STAFF_LIMIT,
      role: 'ADMIN',
      status: 'ACTIVE',
    });
    return rows.map((row) => ({ userId: row.id, name: row.name, email: row.email, phone: row.phone }));
  },

  /** The store's active staff who hold `permission`: ADMINs granted it, and SUPER_ADMINs (who hold all). */
  async staffWith(ctx: Ctx, permission: Permission): Promise<Contact[]> {
    const rows = await userRepo.staffHolding(ctx.db, ctx.storeId, permission, STAFF_LIMIT);
    return rows.map((row) => ({ userId: row.id, name: row.name, email: row.email, phone: row.phone }));
  },
};
