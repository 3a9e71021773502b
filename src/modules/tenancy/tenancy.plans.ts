import type { Db } from '../../platform/db/database.ts';
import { requireRole } from '../../platform/http/authorization.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { NotFound } from '../../platform/http/errors.ts';
import { type PlanLimit, PlanLimitReached } from './tenancy.errors.ts';
import type { PlanRow } from './tenancy.platform.repository.ts';
import * as platformRepo from './tenancy.platform.repository.ts';
import type { PlanBody, PlanView } from './tenancy.platform.schemas.ts';
import * as repo from './tenancy.repository.ts';

/** The plan catalogue: anyone reads the active plans; a SUPER_ADMIN writes them. */
export async function listPlans(ctx: Ctx, includeInactive = false): Promise<PlanView[]> {
  const rows = await platformRepo.listPlans(ctx.db);
  return rows.filter((p) => includeInactive || p.active).map(presentPlan);
}

export async function putPlan(ctx: Ctx, code: string, body: PlanBody): Promise<PlanView> {
  requireRole(ctx, 'SUPER_ADMIN');
  const row = await platformRepo.upsertPlan(ctx.db, {
    code,
    name: body.name,
    price_minor: body.price.amount,
    currency: body.price.currency,
    period: body.period,
    max_stores: body.limits.stores,
    max_products_per_store: body.limits.productsPerStore,
    max_staff_per_store: body.limits.staffPerStore,
    max_custom_domains: body.limits.customDomains,
    transaction_fee_bp: body.transactionFeeBp,
    active: body.active,
    sort: 0,
  });
  return presentPlan(row);
}

export function presentPlan(p: Omit<PlanRow, 'created_at' | 'updated_at'>): PlanView {
  return {
    code: p.code,
    name: p.name,
    price: { amount: p.price_minor, currency: p.currency.trim() },
    period: p.period,
    limits: {
      stores: p.max_stores,
      productsPerStore: p.max_products_per_store,
      staffPerStore: p.max_staff_per_store,
      customDomains: p.max_custom_domains,
    },
    transactionFeeBp: p.transaction_fee_bp,
    active: p.active,
  };
}

const COLUMN = {
  stores: 'max_stores',
  productsPerStore: 'max_products_per_store',
  staffPerStore: 'max_staff_per_store',
  customDomains: 'max_custom_domains',
} as const satisfies Record<PlanLimit, keyof PlanRow>;

/**
 * Refuses (402, naming the limit) when `usage` more of `limit` would pass the plan of the store's
 * tenant. `current` is what the store has now; a plan without the limit allows any number.
 */
export async function assertWithinPlan(
  db: Db,
  storeId: string,
  limit: PlanLimit,
  current: number,
  adding = 1,
): Promise<void> {
  const store = await repo.findStoreById(db, storeId);
  if (!store) throw new NotFound('store', 'store-not-found');
  const tenant = await platformRepo.findTenant(db, store.tenant_id);
  const plan = tenant && (await platformRepo.findPlan(db, tenant.plan));
  const max = plan?.[COLUMN[limit]];
  if (typeof max === 'number' && current + adding > max) throw new PlanLimitReached(limit, plan!.code, max);
}
