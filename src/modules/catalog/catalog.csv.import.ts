/**
 * Writing an import: each draft upserted by handle and SKU in a transaction of its own, so bad
 * products are reported while good ones land, and importing the same file twice changes nothing.
 * A seller imports as the offering seller of its own products; staff import as the store.
 */
import { transaction } from '../../platform/db/transaction.ts';
import { hasRole } from '../../platform/http/authorization.ts';
import { type Actor, type Ctx, withDb } from '../../platform/http/context.ts';
import { AppError, BadRequest } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { CATEGORY_SEPARATOR, RowError } from './catalog.csv.format.ts';
import type { DraftProduct, DraftVariant, ImportError } from './catalog.csv.parse.ts';
import type { ImportReport } from './catalog.csv.schemas.ts';
import { CatalogEvents } from './catalog.events.ts';
import { deriveOptions, fitVariant, type ProductOption } from './catalog.options.ts';
import type { ProductDetailRow } from './catalog.repository.ts';
import * as repo from './catalog.repository.ts';
import { freeSlug, slugify } from './catalog.rules.ts';
import type { StockPort } from './catalog.service.ts';
import { canTransition } from './catalog.status.ts';

/** What every product of one import shares. */
export interface ImportRun {
  ctx: Ctx;
  actor: Actor;
  /** Whose offers the imported prices become: the importing seller's, or the store's for staff. */
  sellerId: string;
  currency: string;
  categories: CategoryResolver;
  errors: ImportError[];
  jobs: Jobs;
  stock: StockPort | undefined;
  /** Writes a product's images and deletes stored files no product shows any more. */
  replaceImages: (tx: Ctx, productId: string, images: repo.NewImage[]) => Promise<void>;
}

/** The outcome counts of the import report that each product adds to. */
export type ImportCounts = Pick<ImportReport, 'created' | 'updated' | 'unchanged' | 'failed'>;

/** A product none of whose rows could be used; the rows' own errors are already reported. */
class ProductSkipped extends Error {}

const SHARED = 'Other sellers offer on this product, so only store staff may change it.';

/** Imports one draft and counts its outcome; a product that fails is reported, and the run goes on. */
export async function importDraft(run: ImportRun, draft: DraftProduct, counts: ImportCounts): Promise<void> {
  try {
    counts[await upsertProduct(run, draft)]++;
  } catch (error) {
    if (!(error instanceof AppError || error instanceof RowError || error instanceof ProductSkipped))
      throw error;
    counts.failed++;
    if (!(error instanceof ProductSkipped)) {
      run.errors.push({ line: draft.line, handle: draft.handle, reason: error.message });
    }
  }
}

/** The product of a handle as it stands, if any, and whether the importer may change it. */
interface Target {
  current: ProductDetailRow | undefined;
  productId: string;
  /** Others offer on it: its content, variants and images change only through staff. */
  shared: boolean;
}

async function upsertProduct(
  run: ImportRun,
  draft: DraftProduct,
): Promise<'created' | 'updated' | 'unchanged'> {
  const category = draft.categoryPath ? await run.categories.resolve(draft.categoryPath) : null;
  return transaction(run.ctx.db, async (trx) => {
    const tx = withDb(run.ctx, trx);
    const target = await findTarget(tx, run.actor, draft.handle);
    const variants = await claimSkus(tx, draft, target.productId, run.errors);
    if (target.shared && variants.some((v) => variantChanges(target.current, v))) throw new RowError(SHARED);
    const options = productOptions(target.current, variants);
    let changed = await writeProduct(tx, run, { ...draft, options }, target, category);
    for (const [position, v] of variants.entries()) {
      changed = (await upsertVariant(tx, run, target, v, position)) || changed;
    }
    changed = (await writeImages(tx, run, draft, target)) || changed;
    if (!changed) return 'unchanged';
    await repo.refreshProductSummary(tx.db, tx.storeId, target.productId);
    await run.jobs.publish(tx.db, {
      name: target.current ? CatalogEvents.productUpdated : CatalogEvents.productCreated,
      storeId: tx.storeId,
      payload: { productId: target.productId, source: 'import' },
    });
    return target.current ? 'updated' : 'created';
  });
}

async function findTarget(tx: Ctx, actor: Actor, handle: string): Promise<Target> {
  const existing = await repo.findProductBySlug(tx.db, tx.storeId, handle);
  const current = existing
    ? await repo.findProductDetail(tx.db, tx.storeId, { id: existing.id }, false)
    : undefined;
  if (current && !hasRole(actor, 'ADMIN') && current.created_by !== actor.userId) {
    throw new RowError('This handle belongs to another seller’s product.');
  }
  const shared =
    current !== undefined &&
    !hasRole(actor, 'ADMIN') &&
    current.offers.some((o) => o.seller_id !== current.created_by);
  return { current, productId: current?.id ?? newId(), shared };
}

/** Variants whose SKU another product holds are reported and left out; the rest go ahead. */
async function claimSkus(
  tx: Ctx,
  draft: DraftProduct,
  productId: string,
  errors: ImportError[],
): Promise<DraftVariant[]> {
  const variants: DraftVariant[] = [];
  for (const v of draft.variants) {
    const holder = await repo.findVariantBySku(tx.db, tx.storeId, v.sku);
    if (holder && holder.product_id !== productId) {
      errors.push({ line: v.line, handle: draft.handle, reason: `SKU ${v.sku} belongs to another product.` });
    } else variants.push(v);
  }
  if (variants.length === 0) throw new ProductSkipped();
  return variants;
}

/**
 * The product's options: the file's order (Option1–3, values as its rows first use them) for the
 * variants it writes, then any value only the product's other variants use, which must name the
 * same options.
 */
function productOptions(current: ProductDetailRow | undefined, variants: DraftVariant[]): ProductOption[] {
  const inFile = new Set(variants.map((v) => v.sku));
  const others = (current?.variants ?? []).filter((v) => !inFile.has(v.sku));
  try {
    return others.reduce(
      (options, v) => fitVariant(options, v.options, ''),
      deriveOptions(variants.map((v) => v.options)),
    );
  } catch (error) {
    if (!(error instanceof BadRequest)) throw error;
    throw new RowError(`The product’s variants not in the file have other options: ${error.message}`);
  }
}

/** Inserts a new product, or patches the fields the file changes; true when anything changed. */
async function writeProduct(
  tx: Ctx,
  run: ImportRun,
  draft: DraftProduct,
  { current, productId, shared }: Target,
  category: Category | null,
): Promise<boolean> {
  if (!current) {
    await repo.insertProduct(tx.db, {
      id: productId,
      store_id: tx.storeId,
      created_by: run.sellerId,
      ...productFields(draft, category),
      currency: run.currency,
      published_at: draft.status === 'ACTIVE' ? new Date() : null,
      thumbnail_url: null,
      best_price_amount: null,
      best_compare_at_amount: null,
      best_offer_id: null,
      deleted_at: null,
    });
    return true;
  }
  const patch = productPatch(current, draft, category);
  if (!patch) return false;
  if (shared) throw new RowError(SHARED);
  if (patch.status && !canTransition(current.status, patch.status)) {
    throw new RowError(`Status cannot go from ${current.status} to ${patch.status}.`);
  }
  if (patch.status === 'ACTIVE' && !current.published_at) patch.published_at = new Date();
  await repo.updateProduct(tx.db, tx.storeId, productId, patch);
  return true;
}

/** Creates or updates one variant and the importer's offer on it; true when anything changed. */
async function upsertVariant(
  tx: Ctx,
  run: ImportRun,
  { current, productId }: Target,
  v: DraftVariant,
  position: number,
): Promise<boolean> {
  const existing = current?.variants.find((x) => x.sku === v.sku);
  let changed = false;
  let variantId = existing?.id;
  if (!existing) {
    variantId = newId();
    await repo.insertVariants(tx.db, [
      {
        id: variantId,
        store_id: tx.storeId,
        product_id: productId,
        sku: v.sku,
        barcode: v.barcode,
        options: v.options,
        position: current ? await repo.nextVariantPosition(tx.db, productId) : position,
        weight_grams: v.grams,
        weight_unit: v.weightUnit,
        deleted_at: null,
      },
    ]);
    changed = true;
  } else if (variantChanges(current, v)) {
    await repo.updateVariant(tx.db, tx.storeId, existing.id, {
      options: v.options,
      barcode: v.barcode,
      weight_grams: v.grams,
      weight_unit: v.weightUnit,
    });
    changed = true;
  }
  const offer = current?.offers.find((o) => o.variant_id === variantId && o.seller_id === run.sellerId);
  if (!offer) {
    await addOffer(tx, run, productId, variantId!, v);
    return true;
  }
  return (await updateOffer(tx, run, offer, v)) || changed;
}

/** The importer's new offer, with the file's quantity as its opening stock. */
async function addOffer(tx: Ctx, run: ImportRun, productId: string, variantId: string, v: DraftVariant) {
  const offerId = newId();
  await repo.insertOffers(tx.db, [
    {
      id: offerId,
      store_id: tx.storeId,
      product_id: productId,
      variant_id: variantId,
      seller_id: run.sellerId,
      seller_product_name: null,
      price_amount: v.price,
      compare_at_amount: v.compareAt,
      currency: run.currency,
      reward_percent_bp: null,
      deleted_at: null,
    },
  ]);
  if (!v.quantity) return;
  if (run.stock) await run.stock.receive(tx, { offerId, quantity: v.quantity, reason: 'import' });
  else await repo.setAvailableQuantity(tx.db, tx.storeId, offerId, v.quantity);
}

/** New prices for an existing offer; true when anything changed. */
async function updateOffer(
  tx: Ctx,
  run: ImportRun,
  offer: ProductDetailRow['offers'][number],
  v: DraftVariant,
): Promise<boolean> {
  let changed = false;
  if (
    Number(offer.price_amount) !== v.price ||
    (offer.compare_at_amount === null ? null : Number(offer.compare_at_amount)) !== v.compareAt
  ) {
    await repo.updateOffer(tx.db, tx.storeId, offer.id, {
      price_amount: v.price,
      compare_at_amount: v.compareAt,
    });
    changed = true;
  }
  // With an inventory module, stock of existing offers is its business (counts, not overwrites).
  if (!run.stock && v.quantity !== null && offer.available_quantity !== v.quantity) {
    await repo.setAvailableQuantity(tx.db, tx.storeId, offer.id, v.quantity);
    changed = true;
  }
  return changed;
}

/** Replaces the product's images when the file lists others; true when it did. */
async function writeImages(tx: Ctx, run: ImportRun, draft: DraftProduct, target: Target) {
  const { current, productId, shared } = target;
  const images = draft.images.map((i) => ({ url: i.url, alt_text: i.alt }));
  const now = (current?.images ?? []).map((i) => ({ url: i.url, alt_text: i.alt_text }));
  if (sameJson(images, now)) return false;
  if (shared) throw new RowError(SHARED);
  await run.replaceImages(
    tx,
    productId,
    draft.images.map((img, i) => ({ id: newId(), url: img.url, altText: img.alt, primary: i === 0 })),
  );
  return true;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function sortedKeys(o: Record<string, string>): Record<string, string> {
  // jsonb orders keys (shorter first, then bytewise); compare in that order.
  return Object.fromEntries(
    Object.entries(o).sort(([a], [b]) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0)),
  );
}

type Category = { id: string; path: string[] };

function productFields(draft: DraftProduct, category: Category | null) {
  return {
    name: draft.name,
    slug: draft.handle,
    description: draft.description,
    brand: draft.brand,
    product_type: draft.productType,
    tags: draft.tags,
    options: draft.options,
    seo_title: draft.seoTitle,
    seo_description: draft.seoDescription,
    status: draft.status,
    requires_shipping: draft.requiresShipping,
    category_id: category?.id ?? null,
    category_path: category?.path ?? [],
    short_description: null,
    weight_grams: null,
    dimensions: null,
  };
}

/** Whether importing the variant adds it or changes its options, barcode, weight or weight unit. */
function variantChanges(current: ProductDetailRow | undefined, v: DraftVariant): boolean {
  const existing = current?.variants.find((x) => x.sku === v.sku);
  return (
    !existing ||
    !sameJson(existing.options, sortedKeys(v.options)) ||
    existing.barcode !== v.barcode ||
    existing.weight_grams !== v.grams ||
    existing.weight_unit !== v.weightUnit
  );
}

function productPatch(current: ProductDetailRow, draft: DraftProduct, category: Category | null) {
  const wanted = productFields(draft, category);
  const patch: Parameters<typeof repo.updateProduct>[3] = {};
  const now: Record<string, unknown> = {
    name: current.name,
    description: current.description,
    brand: current.brand,
    product_type: current.product_type,
    tags: current.tags,
    options: current.options,
    seo_title: current.seo_title,
    seo_description: current.seo_description,
    status: current.status,
    requires_shipping: current.requires_shipping,
    category_id: current.category_id,
  };
  for (const [key, value] of Object.entries(now)) {
    const next = wanted[key as keyof typeof wanted];
    if (!sameJson(value, next)) (patch as Record<string, unknown>)[key] = next;
  }
  if ('category_id' in patch) patch.category_path = wanted.category_path;
  return Object.keys(patch).length ? patch : null;
}

/** Finds categories by their path of names ("Electronics > Phones"), creating missing ones for admins. */
export class CategoryResolver {
  private byPath: Map<string, Category> | null = null;

  constructor(
    private readonly ctx: Ctx,
    private readonly mayCreate: boolean,
  ) {}

  async resolve(names: string[]) {
    const byPath = await this.known();
    let parent: Category | null = null;
    for (let depth = 1; depth <= names.length; depth++) {
      const key = names.slice(0, depth).join(CATEGORY_SEPARATOR);
      let found = byPath.get(key);
      if (!found) {
        if (!this.mayCreate) throw new RowError(`No category ${key}.`);
        found = await this.create(names[depth - 1]!, parent);
        byPath.set(key, found);
      }
      parent = found;
    }
    return parent;
  }

  private async known(): Promise<Map<string, Category>> {
    if (!this.byPath) {
      const rows = await repo.listCategories(this.ctx.db, this.ctx.storeId);
      const byId = new Map(rows.map((r) => [r.id, r]));
      this.byPath = new Map(
        rows.map((r) => [r.path.map((id) => byId.get(id)?.name ?? '').join(CATEGORY_SEPARATOR), r]),
      );
    }
    return this.byPath;
  }

  private async create(name: string, parent: Category | null): Promise<Category> {
    if (!name || name.length > 200) throw new RowError('Product Category has an empty or too long name.');
    const base = slugify(name, 110);
    const slug = freeSlug(base, await repo.findSlugs(this.ctx.db, 'categories', this.ctx.storeId, base));
    const id = newId();
    return repo.insertCategory(this.ctx.db, {
      id,
      store_id: this.ctx.storeId,
      parent_id: parent?.id ?? null,
      path: [...(parent?.path ?? []), id],
      slug,
      name,
      description: null,
      image_url: null,
    });
  }
}
