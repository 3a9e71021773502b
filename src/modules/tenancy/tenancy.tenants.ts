/**
 * What a SUPER_ADMIN does with tenants: list them (newest first, a page at a time), suspend one
 * (every store 503 to buyers, staff still in) and restore it.
 */
import { requireRole } from '../../platform/http/authorization.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { decodeCursor, IdCursor, type Page, toPage } from '../../platform/http/pagination.ts';
import { isUuid } from '../../platform/ids.ts';
import type { TenantSummary } from './tenancy.billing.schemas.ts';
import { TenantNotFound } from './tenancy.errors.ts';
import type { TenantRow } from './tenancy.platform.repository.ts';
import * as platformRepo from './tenancy.platform.repository.ts';
import type { StoreResolver } from './tenancy.resolver.ts';
import { restoreTenant, suspendTenant } from './tenancy.suspension.ts';

export class TenantAdmin {
  constructor(private readonly resolver: StoreResolver) {}

  async list(ctx: Ctx, query: { limit: number; cursor?: string | undefined }): Promise<Page<TenantSummary>> {
    requireRole(ctx, 'SUPER_ADMIN');
    const after = decodeCursor(query.cursor, IdCursor)?.id;
    const rows = await platformRepo.listTenants(ctx.db, { after, limit: query.limit });
    return toPage(rows, query.limit, presentSummary, (t) => ({ id: t.id }));
  }

  async suspend(ctx: Ctx, tenantId: string, reason: string) {
    const actor = requireRole(ctx, 'SUPER_ADMIN');
    await this.find(ctx, tenantId);
    const result = await suspendTenant(ctx.db, tenantId, reason, actor.userId);
    this.resolver.invalidate();
    return { tenant: presentSummary(await this.find(ctx, tenantId)), stores: result.stores };
  }

  async restore(ctx: Ctx, tenantId: string, reason?: string) {
    const actor = requireRole(ctx, 'SUPER_ADMIN');
    await this.find(ctx, tenantId);
    const result = await restoreTenant(ctx.db, tenantId, reason ?? 'restored by the platform', actor.userId);
    this.resolver.invalidate();
    return { tenant: presentSummary(await this.find(ctx, tenantId)), stores: result.stores };
  }

  private async find(ctx: Ctx, tenantId: string): Promise<TenantRow> {
    const tenant = isUuid(tenantId) ? await platformRepo.findTenant(ctx.db, tenantId) : undefined;
    if (!tenant || tenant.is_default) throw new TenantNotFound();
    return tenant;
  }
}

function presentSummary(tenant: TenantRow): TenantSummary {
  return {
    id: tenant.id,
    businessName: tenant.business_name,
    plan: tenant.plan,
    subscriptionStatus: tenant.subscription_status,
    storeCount: tenant.store_count,
    graceUntil: tenant.grace_until?.toISOString() ?? null,
    suspendedAt: tenant.suspended_at?.toISOString() ?? null,
    suspendedReason: tenant.suspended_reason,
    createdAt: tenant.created_at.toISOString(),
  };
}
