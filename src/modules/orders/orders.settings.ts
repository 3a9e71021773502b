// Per-store tax rules and shipping methods that checkout prices with, and the per-process cache of
// them checkout reads (they change seldom and are read by every order).
import { LRUCache } from 'lru-cache';
import { type Invalidations, TOPICS } from '../../platform/db/invalidations.ts';
import { isUniqueViolation } from '../../platform/db/transaction.ts';
import { requirePermission, requireRole } from '../../platform/http/authorization.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { Conflict, NotFound } from '../../platform/http/errors.ts';
import { isUuid, newId } from '../../platform/ids.ts';
import { money } from '../../platform/money.ts';
import type { ShippingMethod, TaxRule } from './orders.pricing.ts';
import * as repo from './orders.settings.repository.ts';

function presentTaxRule(r: repo.TaxRuleRow) {
  return {
    id: r.id,
    name: r.name,
    country: r.country,
    region: r.region,
    categoryId: r.category_id,
    rateBp: r.rate_bp,
    inclusive: r.inclusive,
    active: r.active,
  };
}

function presentShipping(m: repo.ShippingMethodRow) {
  return {
    id: m.id,
    code: m.code,
    name: m.name,
    flatAmount: money(m.flat_amount, m.currency),
    weightBands: m.weight_bands as { upToGrams: number; amount: number }[],
    freeOverAmount: m.free_over_amount === null ? null : money(m.free_over_amount, m.currency),
    countries: m.countries,
    isDefault: m.is_default,
  };
}

export async function createTaxRule(
  ctx: Ctx,
  input: {
    name: string;
    country: string;
    region?: string | null | undefined;
    categoryId?: string | null | undefined;
    rateBp: number;
    inclusive: boolean;
  },
) {
  requirePermission(ctx, 'settings:manage');
  const row = await repo.insertTaxRule(ctx.db, {
    id: newId(),
    store_id: ctx.storeId,
    name: input.name,
    country: input.country,
    region: input.region ?? null,
    category_id: input.categoryId ?? null,
    rate_bp: input.rateBp,
    inclusive: input.inclusive,
  });
  return presentTaxRule(row);
}

export async function listTaxRules(ctx: Ctx) {
  requireRole(ctx, 'ADMIN');
  return { items: (await repo.listTaxRules(ctx.db, ctx.storeId)).map(presentTaxRule) };
}

export async function deactivateTaxRule(ctx: Ctx, id: string) {
  requirePermission(ctx, 'settings:manage');
  const row = isUuid(id) ? await repo.deactivateTaxRule(ctx.db, ctx.storeId, id) : undefined;
  if (!row) throw new NotFound('tax rule', 'tax-rule-not-found');
  return presentTaxRule(row);
}

export async function createShippingMethod(
  ctx: Ctx,
  currency: string,
  input: {
    code: string;
    name: string;
    flatAmount: number;
    weightBands: { upToGrams: number; amount: number }[];
    freeOverAmount?: number | null | undefined;
    countries?: string[] | null | undefined;
    isDefault: boolean;
  },
) {
  requirePermission(ctx, 'settings:manage');
  try {
    const row = await repo.insertShippingMethod(ctx.db, {
      id: newId(),
      store_id: ctx.storeId,
      code: input.code,
      name: input.name,
      currency,
      flat_amount: input.flatAmount,
      weight_bands: [...input.weightBands].sort((a, b) => a.upToGrams - b.upToGrams),
      free_over_amount: input.freeOverAmount ?? null,
      countries: input.countries ?? null,
      is_default: input.isDefault,
    });
    return presentShipping(row);
  } catch (error) {
    if (isUniqueViolation(error))
      throw new Conflict('A shipping method with this code exists already.', 'shipping-method-taken');
    throw error;
  }
}

export async function listShippingMethods(ctx: Ctx) {
  return { items: (await repo.shippingMethods(ctx.db, ctx.storeId)).map(presentShipping) };
}

export async function taxRulesFor(ctx: Ctx, country: string): Promise<TaxRule[]> {
  return taxRulesOf(await repo.activeTaxRules(ctx.db, ctx.storeId, country), country);
}

/** The active rules of `country` among `rows`, as pricing takes them. */
function taxRulesOf(rows: repo.TaxRuleRow[], country: string): TaxRule[] {
  return rows
    .filter((r) => r.active && r.country === country)
    .map((r) => ({
      name: r.name,
      country: r.country,
      region: r.region,
      categoryId: r.category_id,
      rateBp: r.rate_bp,
      inclusive: r.inclusive,
    }));
}

/**
 * The shipping method checkout uses: the one named by `code`, else the store's default, else the
 * first; null when the store has no method at all (shipping is then free); undefined when the named
 * one is unknown or none serves this country, which checkout refuses.
 */
export async function shippingMethodFor(
  ctx: Ctx,
  code: string | undefined,
  country: string,
): Promise<ShippingMethod | null | undefined> {
  return chooseShipping(await repo.shippingMethods(ctx.db, ctx.storeId), code, country);
}

function chooseShipping(
  all: repo.ShippingMethodRow[],
  code: string | undefined,
  country: string,
): ShippingMethod | null | undefined {
  if (all.length === 0) return null;
  const methods = all.filter((m) => !m.countries || m.countries.includes(country));
  const chosen = code
    ? methods.find((m) => m.code === code)
    : (methods.find((m) => m.is_default) ?? methods[0]);
  if (!chosen) return undefined;
  return {
    code: chosen.code,
    name: chosen.name,
    flatAmount: chosen.flat_amount,
    weightBands: chosen.weight_bands as { upToGrams: number; amount: number }[],
    freeOverAmount: chosen.free_over_amount,
  };
}

/** What checkout prices an order with: the destination's tax rules and the shipping method chosen. */
export interface PricingRules {
  taxRules: TaxRule[];
  /** As `shippingMethodFor` answers: null without methods, undefined when none serves. */
  shipping: ShippingMethod | null | undefined;
}

/** How long a process keeps a store's rules without hearing of a change (a safety net: writes invalidate). */
export const PRICING_RULES_TTL_MS = 60_000;

/**
 * A store's active tax rules and shipping methods, kept per process: checkout reads them on every
 * order and staff change them seldom. A write here forgets the store's entry in every process at
 * once (`Invalidations`, LISTEN/NOTIFY); the TTL bounds what a lost message could leave stale.
 */
export class PricingRulesCache {
  private readonly entries: LRUCache<
    string,
    { taxRules: repo.TaxRuleRow[]; methods: repo.ShippingMethodRow[] }
  >;

  constructor(
    private readonly invalidations?: Invalidations,
    ttlMs = PRICING_RULES_TTL_MS,
  ) {
    this.entries = new LRUCache({ max: 10_000, ttl: Math.max(1, ttlMs) });
    invalidations?.on(TOPICS.pricing, {
      key: (storeId) => this.entries.delete(storeId),
      all: () => this.entries.clear(),
    });
  }

  async rulesFor(ctx: Ctx, code: string | undefined, country: string): Promise<PricingRules> {
    let entry = this.entries.get(ctx.storeId);
    if (!entry) {
      const [taxRules, methods] = [
        await repo.activeTaxRulesOfStore(ctx.db, ctx.storeId),
        await repo.shippingMethods(ctx.db, ctx.storeId),
      ];
      entry = { taxRules, methods };
      this.entries.set(ctx.storeId, entry);
    }
    return {
      taxRules: taxRulesOf(entry.taxRules, country),
      shipping: chooseShipping(entry.methods, code, country),
    };
  }

  /** The store's rules changed (call after the write): every process reads them again. */
  changed(storeId: string): void {
    if (this.invalidations) this.invalidations.publish(TOPICS.pricing, storeId);
    else this.entries.delete(storeId);
  }
}
