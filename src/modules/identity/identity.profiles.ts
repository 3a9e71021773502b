import { recordAudit } from '../../platform/audit/audit.ts';
import { transaction } from '../../platform/db/transaction.ts';
import { requireActor, requirePermission, requireRole } from '../../platform/http/authorization.ts';
import { type Ctx, withDb } from '../../platform/http/context.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { isUuid } from '../../platform/ids.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import type { DataCipher } from './identity.crypto.ts';
import {
  SellerApplicationExists,
  SellerProfileNotFound,
  SellerTransitionRefused,
  UserNotFound,
} from './identity.errors.ts';
import { IdentityEvents } from './identity.events.ts';
import { presentAdminProfile, presentCustomerProfile, presentSellerProfile } from './identity.presenters.ts';
import * as profileRepo from './identity.profiles.repository.ts';
import {
  type BankDetailsInput,
  IdCursor,
  type SellerApplicationBody,
  type SellerStatus,
} from './identity.schemas.ts';
import * as userRepo from './identity.users.repository.ts';

/** The seller onboarding state machine: the one place that says which moves are allowed. */
export const SELLER_TRANSITIONS: Record<SellerStatus, readonly SellerStatus[]> = {
  PENDING: ['APPROVED', 'REJECTED'],
  REJECTED: ['PENDING'], // the applicant re-applies
  APPROVED: [],
};

export function canMoveSeller(from: SellerStatus, to: SellerStatus): boolean {
  return SELLER_TRANSITIONS[from].includes(to);
}

function sourcesOf(to: SellerStatus): SellerStatus[] {
  return (Object.keys(SELLER_TRANSITIONS) as SellerStatus[]).filter((from) => canMoveSeller(from, to));
}

export type SellerFields = SellerApplicationBody;

/** Checks and records the terms a seller application accepts (wired by src/flows/terms.ts). */
export type SellerTerms = (
  ctx: Ctx,
  userId: string,
  accepted: Array<{ kind: string; version: number }> | undefined,
) => Promise<void>;

/** Customer, seller and admin profiles, and seller onboarding. */
export class ProfileService {
  /** Where the reward-points balance lives (the promotions ledger), wired at assembly. */
  private loyaltySource: ((ctx: Ctx, userId: string) => Promise<number>) | null = null;
  /** What a seller application must accept (the store's seller agreement), in its transaction. */
  private sellerTerms: SellerTerms | null = null;

  constructor(
    private readonly jobs: Jobs,
    private readonly cipher: DataCipher,
  ) {}

  useSellerTerms(port: SellerTerms): void {
    this.sellerTerms = port;
  }

  useLoyaltyBalance(source: (ctx: Ctx, userId: string) => Promise<number>): void {
    this.loyaltySource = source;
  }

  private async withLoyalty(ctx: Ctx, userId: string, profile: ReturnType<typeof presentCustomerProfile>) {
    if (!this.loyaltySource) return profile;
    return { ...profile, loyaltyPoints: await this.loyaltySource(ctx, userId) };
  }

  // --- the caller's own profiles ----------------------------------------------------------------

  async mine(ctx: Ctx) {
    const actor = requireActor(ctx);
    const [customer, seller, admin] = await Promise.all([
      profileRepo.findCustomerProfile(ctx.db, ctx.storeId, actor.userId),
      profileRepo.findSellerProfile(ctx.db, ctx.storeId, actor.userId),
      profileRepo.findAdminProfile(ctx.db, ctx.storeId, actor.userId),
    ]);
    return {
      customer: await this.withLoyalty(ctx, actor.userId, presentCustomerProfile(customer)),
      seller: seller ? this.presentSeller(seller) : null,
      admin: admin ? presentAdminProfile(admin) : null,
    };
  }

  async updateCustomer(
    ctx: Ctx,
    changes: { preferredCurrency?: string | null | undefined; dateOfBirth?: string | null | undefined },
  ) {
    const actor = requireActor(ctx);
    const row = await profileRepo.upsertCustomerProfile(ctx.db, ctx.storeId, actor.userId, {
      ...(changes.preferredCurrency !== undefined ? { preferred_currency: changes.preferredCurrency } : {}),
      ...(changes.dateOfBirth !== undefined ? { date_of_birth: changes.dateOfBirth } : {}),
    });
    return this.withLoyalty(ctx, actor.userId, presentCustomerProfile(row));
  }

  /** Applies to sell: a PENDING profile an admin reviews. A rejected applicant may apply again. */
  async applyAsSeller(ctx: Ctx, fields: SellerFields) {
    const actor = requireActor(ctx);
    return transaction(ctx.db, async (trx) => {
      if (!(await userRepo.lockUser(trx, ctx.storeId, actor.userId))) throw new UserNotFound();
      const existing = await profileRepo.findSellerProfile(trx, ctx.storeId, actor.userId);
      if (existing && !canMoveSeller(existing.status, 'PENDING'))
        throw new SellerApplicationExists(existing.status);
      await this.sellerTerms?.(withDb(ctx, trx), actor.userId, fields.acceptedTerms);
      const columns = {
        ...this.sellerColumns(ctx.storeId, actor.userId, fields),
        status: 'PENDING' as const,
        rejection_reason: null,
        decided_at: null,
        decided_by: null,
      };
      const row = existing
        ? await profileRepo.updateSellerProfile(trx, ctx.storeId, actor.userId, {
            ...columns,
            applied_at: new Date(),
          })
        : await profileRepo.insertSellerProfile(trx, {
            user_id: actor.userId,
            store_id: ctx.storeId,
            business_name: fields.businessName,
            ...columns,
          });
      await this.jobs.publish(trx, {
        name: IdentityEvents.sellerApplied,
        storeId: ctx.storeId,
        payload: { userId: actor.userId },
      });
      return { created: !existing, profile: this.presentSeller(row!) };
    });
  }

  async updateSeller(ctx: Ctx, fields: Partial<SellerFields>) {
    const actor = requireActor(ctx);
    const row = await profileRepo.updateSellerProfile(
      ctx.db,
      ctx.storeId,
      actor.userId,
      this.sellerColumns(ctx.storeId, actor.userId, fields),
    );
    if (!row) throw new SellerProfileNotFound();
    return this.presentSeller(row);
  }

  // --- seller review (admins) -------------------------------------------------------------------

  async listSellers(
    ctx: Ctx,
    query: { limit: number; cursor?: string | undefined; status?: SellerStatus | undefined },
  ) {
    requireRole(ctx, 'ADMIN');
    const after = decodeCursor(query.cursor, IdCursor);
    const rows = await profileRepo.listSellerProfiles(ctx.db, ctx.storeId, {
      status: query.status,
      limit: query.limit,
      after: after?.id,
    });
    return toPage(
      rows,
      query.limit,
      (r) => this.presentSeller(r),
      (r) => ({ id: r.user_id }),
    );
  }

  async getSeller(ctx: Ctx, userId: string) {
    requireRole(ctx, 'ADMIN');
    return this.presentSeller(await this.findSeller(ctx, userId));
  }

  /** Approves a PENDING application and grants the SELLER role, in one transaction. */
  async approveSeller(ctx: Ctx, userId: string, input: { commissionRateBps?: number | undefined }) {
    const actor = requirePermission(ctx, 'sellers:approve');
    return transaction(ctx.db, async (trx) => {
      const profile = await this.decide(ctx, trx, userId, 'APPROVED', actor.userId, {
        ...(input.commissionRateBps !== undefined ? { commission_rate_bps: input.commissionRateBps } : {}),
      });
      const user = await userRepo.findUserById(trx, ctx.storeId, userId);
      if (!user) throw new UserNotFound();
      if (!user.roles.includes('SELLER'))
        await userRepo.setRoles(trx, ctx.storeId, userId, [...user.roles, 'SELLER']);
      await this.jobs.publish(trx, {
        name: IdentityEvents.sellerApproved,
        storeId: ctx.storeId,
        payload: { userId, by: actor.userId },
      });
      return this.presentSeller(profile);
    });
  }

  async rejectSeller(ctx: Ctx, userId: string, reason: string) {
    const actor = requirePermission(ctx, 'sellers:approve');
    return transaction(ctx.db, async (trx) => {
      const profile = await this.decide(ctx, trx, userId, 'REJECTED', actor.userId, {
        rejection_reason: reason,
      });
      const user = await userRepo.findUserById(trx, ctx.storeId, userId);
      if (!user) throw new UserNotFound();
      await this.jobs.publish(trx, {
        name: IdentityEvents.sellerRejected,
        storeId: ctx.storeId,
        payload: { userId, by: actor.userId, reason },
      });
      return this.presentSeller(profile);
    });
  }

  /** Full bank details for payouts (ADMIN); the HTTP API only ever shows the last four digits. */
  async sellerBankDetails(ctx: Ctx, userId: string): Promise<BankDetailsInput | null> {
    requireRole(ctx, 'ADMIN');
    const row = await this.findSeller(ctx, userId);
    return this.bank(row);
  }

  // --- admin profiles ---------------------------------------------------------------------------

  async getAdminProfile(ctx: Ctx, userId: string) {
    const actor = requireRole(ctx, 'ADMIN');
    if (!isUuid(userId) || !(await userRepo.findUserById(ctx.db, ctx.storeId, userId))) {
      // a platform account acting in this store (decision 014) asking for its own: what it holds here
      if (actor.userId === userId) return { permissions: [...(actor.permissions ?? [])], department: null };
      throw new UserNotFound();
    }
    const row = await profileRepo.findAdminProfile(ctx.db, ctx.storeId, userId);
    return row ? presentAdminProfile(row) : { permissions: [], department: null };
  }

  /** Only a SUPER_ADMIN sets permissions, so no admin can widen their own. */
  async setAdminProfile(
    ctx: Ctx,
    userId: string,
    changes: { permissions?: string[] | undefined; department?: string | null | undefined },
  ) {
    requireRole(ctx, 'SUPER_ADMIN');
    return transaction(ctx.db, async (trx) => {
      if (!isUuid(userId) || !(await userRepo.findUserForUpdate(trx, ctx.storeId, userId)))
        throw new UserNotFound();
      const before = await profileRepo.findAdminProfile(trx, ctx.storeId, userId);
      const row = await profileRepo.upsertAdminProfile(trx, ctx.storeId, userId, {
        ...(changes.permissions !== undefined ? { permissions: [...new Set(changes.permissions)] } : {}),
        ...(changes.department !== undefined ? { department: changes.department } : {}),
      });
      await recordAudit(withDb(ctx, trx), {
        entityType: 'user',
        entityId: userId,
        action: 'permissions.change',
        before: { permissions: before?.permissions ?? [], department: before?.department ?? null },
        after: { permissions: row!.permissions, department: row!.department },
      });
      return presentAdminProfile(row!);
    });
  }

  // --- helpers ----------------------------------------------------------------------------------

  private async decide(
    ctx: Ctx,
    trx: Ctx['db'],
    userId: string,
    to: SellerStatus,
    by: string,
    extra: Parameters<typeof profileRepo.updateSellerProfile>[3],
  ) {
    if (!isUuid(userId)) throw new SellerProfileNotFound();
    const row = await profileRepo.updateSellerProfile(
      trx,
      ctx.storeId,
      userId,
      { ...extra, status: to, decided_at: new Date(), decided_by: by },
      sourcesOf(to),
    );
    if (row) return row;
    const current = await profileRepo.findSellerProfile(trx, ctx.storeId, userId);
    if (!current) throw new SellerProfileNotFound();
    throw new SellerTransitionRefused(current.status, to);
  }

  private async findSeller(ctx: Ctx, userId: string) {
    const row = isUuid(userId) ? await profileRepo.findSellerProfile(ctx.db, ctx.storeId, userId) : undefined;
    if (!row) throw new SellerProfileNotFound();
    return row;
  }

  private sellerColumns(storeId: string, userId: string, f: Partial<SellerFields>) {
    return {
      ...(f.businessName !== undefined ? { business_name: f.businessName } : {}),
      ...(f.businessType !== undefined ? { business_type: f.businessType } : {}),
      ...(f.taxId !== undefined ? { tax_id: f.taxId } : {}),
      ...(f.businessAddress !== undefined ? { business_address: JSON.stringify(f.businessAddress) } : {}),
      ...(f.documents !== undefined ? { documents: JSON.stringify(f.documents) } : {}),
      ...(f.bankDetails !== undefined
        ? { bank_details_encrypted: this.cipher.encrypt(JSON.stringify(f.bankDetails), aad(storeId, userId)) }
        : {}),
    };
  }

  private bank(row: profileRepo.SellerProfileRow): BankDetailsInput | null {
    if (!row.bank_details_encrypted) return null;
    return JSON.parse(
      this.cipher.decrypt(row.bank_details_encrypted, aad(row.store_id, row.user_id)),
    ) as BankDetailsInput;
  }

  private presentSeller(row: profileRepo.SellerProfileRow) {
    return presentSellerProfile(row, this.bank(row));
  }
}

/** Binds a ciphertext to its row: copied into another seller's row it no longer decrypts. */
function aad(storeId: string, userId: string): string {
  return `seller-bank:${storeId}:${userId}`;
}
