// The catalog's pure rules: slugs, who sells an offer, money in the store's currency, distinct
// variants, the primary image, and how unique-index violations read as typed errors.
import { isUniqueViolation } from '../../platform/db/transaction.ts';
import { hasRole } from '../../platform/http/authorization.ts';
import type { Actor, Ctx } from '../../platform/http/context.ts';
import { newId } from '../../platform/ids.ts';
import { badField, DuplicateOptions, OfferExists, SkuTaken } from './catalog.errors.ts';
import type { MoneyInput, VariantInputT } from './catalog.schemas.ts';

export const MAX_CATEGORY_DEPTH = 32;
/** Product slugs that would collide with fixed paths under /products/. */
export const RESERVED_PRODUCT_SLUGS = new Set(['suggest']);

/** URL-safe slug from free text; accents are folded, anything else becomes a dash. */
export function slugify(text: string, max = 120): string {
  const base = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = base.slice(0, max).replace(/-+$/g, '');
  return cut || 'item';
}

/** The first free `base`, `base-2`, `base-3`… among the slugs already taken. */
export function freeSlug(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The offers' seller: a seller acts for themself, an administrator for the store itself. */
export function sellerIdOf(ctx: Ctx, actor: Actor): string {
  return hasRole(actor, 'ADMIN') ? ctx.storeId : actor.userId;
}

export function mapUniqueViolation(error: unknown): unknown {
  if (isUniqueViolation(error, 'variants_store_sku_idx')) return new SkuTaken();
  if (isUniqueViolation(error, 'variants_product_options_idx')) return new DuplicateOptions();
  if (isUniqueViolation(error, 'offers_variant_seller_idx')) return new OfferExists();
  return error;
}

function checkCurrency(money: MoneyInput | null | undefined, currency: string, pointer: string) {
  if (money && money.currency !== currency) {
    throw badField(pointer, `Prices in this store are in ${currency}.`);
  }
}

export function checkVariantMoney(v: VariantInputT, currency: string, at: string) {
  checkCurrency(v.price, currency, `${at}/price/currency`);
  checkCurrency(v.compareAtPrice, currency, `${at}/compareAtPrice/currency`);
}

export function checkOfferMoney(
  price: MoneyInput | undefined,
  compareAt: MoneyInput | null | undefined,
  currency: string,
) {
  checkCurrency(price, currency, '/price/currency');
  checkCurrency(compareAt, currency, '/compareAtPrice/currency');
}

/** Two variants of one request with the same SKU or the same options conflict like stored ones. */
export function assertDistinctVariants(variants: VariantInputT[]) {
  const skus = new Set<string>();
  const options = new Set<string>();
  for (const v of variants) {
    if (skus.has(v.sku)) throw new SkuTaken(v.sku);
    skus.add(v.sku);
    const key = JSON.stringify(Object.entries(v.options ?? {}).sort(([a], [b]) => a.localeCompare(b)));
    if (options.has(key)) throw new DuplicateOptions();
    options.add(key);
  }
}

/** New image ids, in the given order; the flagged image (else the first) is the primary one. */
export function withPrimary(
  images: Array<{ url: string; altText?: string | undefined; primary?: boolean | undefined }>,
) {
  const flagged = images.findIndex((i) => i.primary);
  const primary = flagged === -1 ? 0 : flagged;
  return images.map((img, i) => ({
    id: newId(),
    url: img.url,
    altText: img.altText ?? null,
    primary: i === primary,
  }));
}

/** Copies the defined entries (null included: it clears the column) into a patch. */
export function assign<T extends object>(patch: T, values: Record<string, unknown>) {
  for (const [k, v] of Object.entries(values)) if (v !== undefined) (patch as Record<string, unknown>)[k] = v;
}
