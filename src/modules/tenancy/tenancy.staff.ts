/**
 * The staff of a store: platform accounts a business owner invites by email, each with a role there
 * (ADMIN, CATALOG_MANAGER, ORDER_MANAGER, SUPPORT; what each may do is STAFF_PERMISSIONS). An
 * invitation is a single-use link that expires; only its hash is stored.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { z } from 'zod';
import { type Db, tables } from '../../platform/db/database.ts';
import { transaction } from '../../platform/db/transaction.ts';
import { requireActor } from '../../platform/http/authorization.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { NotFound } from '../../platform/http/errors.ts';
import { isUuid, newId, randomToken } from '../../platform/ids.ts';
import { PlanLimitReached } from './tenancy.errors.ts';
import type { StaffRole } from './tenancy.platform.repository.ts';
import * as platformRepo from './tenancy.platform.repository.ts';
import type { PlatformStores } from './tenancy.platform.ts';

export const STAFF_ROLES = ['ADMIN', 'CATALOG_MANAGER', 'ORDER_MANAGER', 'SUPPORT'] as const;

export const InviteBody = z.strictObject({
  email: z.string().trim().toLowerCase().email().max(254),
  role: z.enum(STAFF_ROLES),
});
export type InviteBody = z.infer<typeof InviteBody>;
export const AcceptBody = z.strictObject({ token: z.string().min(20).max(200) });
export const AcceptedView = z
  .object({
    storeId: z.string(),
    role: z.string(),
    storeName: z.string(),
    /** The store's console at the store's own address (null while the store has none). */
    consoleUrl: z.string().nullable(),
  })
  .meta({ id: 'InvitationAccepted' });
export type AcceptedView = z.infer<typeof AcceptedView>;

export const MembershipsView = z.array(
  z
    .object({
      storeId: z.string(),
      storeName: z.string(),
      status: z.string(),
      /** The account's role in the store (what it may do there is STAFF_PERMISSIONS). */
      role: z.string(),
      since: z.string(),
      /** The store's whole address, `{subdomain}.{PLATFORM_DOMAIN}` (null while it has none). */
      domain: z.string().nullable(),
      /** The store's console at the store's own address (null while the store has none). */
      consoleUrl: z.string().nullable(),
    })
    .meta({ id: 'StaffMembership' }),
);
export type MembershipsView = z.infer<typeof MembershipsView>;

export const StaffView = z
  .object({
    members: z.array(
      z.object({
        accountId: z.string(),
        /** The address the member was invited at (null when it joined otherwise). */
        email: z.string().nullable(),
        role: z.string(),
        since: z.string(),
      }),
    ),
    invitations: z.array(
      z.object({ id: z.string(), email: z.string(), role: z.string(), expiresAt: z.string() }),
    ),
  })
  .meta({ id: 'StoreStaff' });
export type StaffView = z.infer<typeof StaffView>;

/** Sends an invitation's link (it carries a secret): the composition gives identity's sealed mail. */
export type InvitationMail = (
  db: Db,
  invitation: { email: string; storeName: string; role: string; token: string },
) => Promise<unknown>;

const INVITATION_DAYS = 7;

interface InvitationsTable {
  id: string;
  store_id: string;
  email: string;
  role: string;
  token_hash: string;
  invited_by: string | null;
  expires_at: Date;
  accepted_at: Date | null;
  accepted_by: string | null;
  revoked_at: Date | null;
}
const t = (db: Db) => tables<{ staff_invitations: InvitationsTable }>(db);
const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** The open invitation (not used, revoked or expired) a token names, locked for the caller's transaction. */
async function openInvitation(trx: Db, token: string) {
  const invitation = await t(trx)
    .selectFrom('staff_invitations')
    .select(['id', 'store_id', 'email', 'role'])
    .where('token_hash', '=', hash(token))
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .forUpdate()
    .executeTakeFirst();
  if (!invitation) throw new InvitationInvalid();
  return { ...invitation, role: invitation.role as StaffRole };
}

export class InvitationInvalid extends NotFound {
  constructor() {
    super('invitation', 'invitation-invalid');
  }
}

export class StoreStaffService {
  private mail: InvitationMail | null = null;

  constructor(private readonly stores: PlatformStores) {}

  /** How invitations are mailed (the composition gives identity's sealed mail). */
  useMail(mail: InvitationMail): void {
    this.mail = mail;
  }

  async list(ctx: Ctx, storeId: string): Promise<StaffView> {
    const store = await this.stores.ownStore(ctx, storeId);
    const [members, invitations] = await Promise.all([
      platformRepo.listStaff(ctx.db, store.id),
      t(ctx.db)
        .selectFrom('staff_invitations')
        .select(['id', 'email', 'role', 'expires_at'])
        .where('store_id', '=', store.id)
        .where('accepted_at', 'is', null)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', new Date())
        .orderBy('expires_at')
        .execute(),
    ]);
    return {
      members: members.map((m) => ({
        accountId: m.account_id,
        email: m.email,
        role: m.role,
        since: m.created_at.toISOString(),
      })),
      invitations: invitations.map((i) => ({
        id: i.id,
        email: i.email,
        role: i.role,
        expiresAt: i.expires_at.toISOString(),
      })),
    };
  }

  /** Invites `email` to the store with a role; the plan's staff limit counts members and open invitations (402). */
  async invite(ctx: Ctx, storeId: string, body: InviteBody): Promise<StaffView> {
    const store = await this.stores.ownStore(ctx, storeId);
    const actor = requireActor(ctx);
    const token = randomToken(32);
    await transaction(ctx.db, async (trx) => {
      await this.assertRoom(trx, store.id, store.tenant_id);
      await t(trx)
        .insertInto('staff_invitations')
        .values({
          id: newId(),
          store_id: store.id,
          email: body.email,
          role: body.role,
          token_hash: hash(token),
          invited_by: actor.userId,
          expires_at: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
          accepted_at: null,
          accepted_by: null,
          revoked_at: null,
        })
        .execute();
      if (!this.mail) throw new Error('invitation mail is not wired');
      await this.mail(trx, { email: body.email, storeName: store.name, role: body.role, token });
    });
    return this.list(ctx, storeId);
  }

  /**
   * The signed-in platform account takes up an invitation (the link's secret went to the invited
   * address): it becomes staff of the store with the invitation's role. Used, expired or revoked: 404.
   */
  async accept(ctx: Ctx, token: string): Promise<AcceptedView> {
    const actor = requireActor(ctx);
    return this.takeUp(ctx, token, async () => actor.userId);
  }

  /**
   * Takes up an invitation for the account `join` answers, in one transaction: the invitation is
   * checked and locked (used, expired or revoked: 404), `join` is given its address in that
   * transaction (it may make the account there), and the account becomes staff of the store. A
   * failure anywhere leaves the invitation open and nothing made.
   */
  async takeUp(
    ctx: Ctx,
    token: string,
    join: (db: Db, invitation: { email: string }) => Promise<string>,
  ): Promise<AcceptedView> {
    const joined = await transaction(ctx.db, async (trx) => {
      const invitation = await openInvitation(trx, token);
      const accountId = await join(trx, invitation);
      await t(trx)
        .updateTable('staff_invitations')
        .set({ accepted_at: new Date(), accepted_by: accountId })
        .where('id', '=', invitation.id)
        .execute();
      await platformRepo.upsertStaff(trx, {
        store_id: invitation.store_id,
        account_id: accountId,
        role: invitation.role,
        invited_by: null,
      });
      return { storeId: invitation.store_id, role: invitation.role };
    });
    return { ...joined, ...(await this.stores.consoleOf(ctx.db, joined.storeId)) };
  }

  /** The stores the signed-in platform account is staff of, with its role in each. */
  async memberships(ctx: Ctx): Promise<MembershipsView> {
    const actor = requireActor(ctx);
    const rows = await platformRepo.listMemberships(ctx.db, actor.userId);
    return rows.map((row) => ({
      storeId: row.store_id,
      storeName: row.name,
      status: row.status,
      role: row.role,
      since: row.created_at.toISOString(),
      ...this.stores.addressOf(row.domain),
    }));
  }

  async remove(ctx: Ctx, storeId: string, accountId: string): Promise<StaffView> {
    const store = await this.stores.ownStore(ctx, storeId);
    const removed = isUuid(accountId) && (await platformRepo.deleteStaff(ctx.db, store.id, accountId));
    if (!removed) throw new NotFound('staff member', 'staff-not-found');
    return this.list(ctx, storeId);
  }

  async revoke(ctx: Ctx, storeId: string, invitationId: string): Promise<StaffView> {
    const store = await this.stores.ownStore(ctx, storeId);
    const row = isUuid(invitationId)
      ? await t(ctx.db)
          .updateTable('staff_invitations')
          .set({ revoked_at: new Date() })
          .where('id', '=', invitationId)
          .where('store_id', '=', store.id)
          .where('accepted_at', 'is', null)
          .returning('id')
          .executeTakeFirst()
      : undefined;
    if (!row) throw new NotFound('invitation', 'invitation-not-found');
    return this.list(ctx, storeId);
  }

  private async assertRoom(db: Db, storeId: string, tenantId: string): Promise<void> {
    const plan = await this.stores.planOf(db, tenantId);
    const max = plan?.max_staff_per_store;
    if (typeof max !== 'number') return;
    // one statement locks the store's row so two invitations at once cannot both take the last place
    await sql`SELECT id FROM stores WHERE id = ${storeId} FOR UPDATE`.execute(db);
    const { rows } = await sql<{ n: string }>`
      SELECT (SELECT count(*) FROM store_staff WHERE store_id = ${storeId})
           + (SELECT count(*) FROM staff_invitations WHERE store_id = ${storeId} AND accepted_at IS NULL
                AND revoked_at IS NULL AND expires_at > now()) AS n`.execute(db);
    if (Number(rows[0]!.n) + 1 > max) throw new PlanLimitReached('staffPerStore', plan!.code, max);
  }
}
