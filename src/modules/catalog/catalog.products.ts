// Writing products and their variants: create (with first offers and initial stock), edit,
// status moves, delete; add, change and remove variants.
import type { Insertable } from 'kysely';
import { pick, recordAudit } from '../../platform/audit/audit.ts';
import { isUniqueViolation } from '../../platform/db/transaction.ts';
import { hasRole, requireRole } from '../../platform/http/authorization.ts';
import type { Actor, Ctx } from '../../platform/http/context.ts';
import { isUuid, newId } from '../../platform/ids.ts';
import type { CategoryService } from './catalog.categories.ts';
import type { CatalogCore } from './catalog.core.ts';
import { LastVariant, SkuTaken, SlugTaken, VariantNotFound } from './catalog.errors.ts';
import { CatalogEvents } from './catalog.events.ts';
import {
  checkReorder,
  deriveOptions,
  fitVariant,
  fitVariants,
  type ProductOption,
  sameOptions,
  type VariantOptions,
} from './catalog.options.ts';
import type { CategoryRow, ProductsTable } from './catalog.repository.ts';
import * as repo from './catalog.repository.ts';
import { assertProductReward } from './catalog.rewards.ts';
import {
  assertDistinctVariants,
  assign,
  checkVariantMoney,
  freeSlug,
  mapUniqueViolation,
  RESERVED_PRODUCT_SLUGS,
  sellerIdOf,
  slugify,
  withPrimary,
} from './catalog.rules.ts';
import type {
  CreateProductInput,
  ProductViewT,
  UpdateProductInput,
  UpdateVariantInput,
  VariantInputT,
} from './catalog.schemas.ts';
import { assertTransition } from './catalog.status.ts';

/** Who a new product's rows belong to and what they are priced in. */
interface NewRows {
  productId: string;
  sellerId: string;
  currency: string;
}

export class ProductService {
  constructor(
    private readonly core: CatalogCore,
    private readonly categories: CategoryService,
  ) {}

  async create(ctx: Ctx, input: CreateProductInput): Promise<ProductViewT> {
    const actor = requireRole(ctx, 'ADMIN', 'SELLER');
    assertProductReward(actor, input.rewardPercentBp, 0);
    const currency = await this.core.currency(ctx);
    for (const [i, v] of input.variants.entries()) checkVariantMoney(v, currency, `/variants/${i}`);
    // Stated options list the values themselves; else they are read off the variants, in request order.
    const stated = input.options !== undefined;
    const options = fitVariants(
      input.options ?? deriveOptions(input.variants.map((v) => v.options)),
      input.variants,
      stated,
    );
    assertDistinctVariants(input.variants);
    // An auto-made slug may race another create of the same name: try the next free one.
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.insert(ctx, actor, { ...input, options }, currency);
      } catch (error) {
        if (!input.slug && attempt < 3 && isUniqueViolation(error, 'products_store_slug_idx')) continue;
        if (isUniqueViolation(error, 'products_store_slug_idx')) throw new SlugTaken(input.slug ?? '');
        throw mapUniqueViolation(error);
      }
    }
  }

  private insert(ctx: Ctx, actor: Actor, input: CreateProductInput, currency: string) {
    return this.core.inTransaction(ctx, async (tx) => {
      if (this.core.deps.productLimit)
        await this.core.deps.productLimit(tx, await repo.countProducts(tx.db, tx.storeId));
      const rows: NewRows = { productId: newId(), sellerId: sellerIdOf(ctx, actor), currency };
      const category = await this.categories.fromSlug(tx, input.categorySlug);
      await this.assertSkusFree(tx, input.variants);
      const slug = await this.slug(tx, input.slug, input.name);
      const row = productRow(tx, rows, input, { slug, category, actor });
      await repo.insertProduct(tx.db, row);
      const offers = await this.insertVariants(tx, rows, input.variants, 0);
      await recordAudit(tx, {
        entityType: 'product',
        entityId: rows.productId,
        action: 'create',
        after: {
          ...pick(row, AUDITED_PRODUCT_FIELDS),
          variants: input.variants.map((v) => ({ sku: v.sku, price_amount: v.price.amount })),
        },
      });
      if (input.images) await this.core.replaceImages(tx, rows.productId, withPrimary(input.images));
      if (input.specs) await repo.replaceSpecs(tx.db, tx.storeId, rows.productId, input.specs);
      for (const o of offers) await this.core.receiveStock(tx, o.offerId, o.stock);
      await repo.refreshProductSummary(tx.db, tx.storeId, rows.productId);
      await this.core.deps.jobs.publish(tx.db, {
        name: CatalogEvents.productCreated,
        storeId: tx.storeId,
        payload: { productId: rows.productId, createdBy: rows.sellerId },
      });
      return this.core.view(tx, rows.productId);
    });
  }

  private async assertSkusFree(tx: Ctx, variants: VariantInputT[]) {
    const found = await Promise.all(variants.map((v) => repo.findVariantBySku(tx.db, tx.storeId, v.sku)));
    const clash = found.find(Boolean);
    if (clash) throw new SkuTaken(clash.sku);
  }

  /** Each variant with the seller's offer on it, positions from `position` on; returns the offers. */
  private async insertVariants(tx: Ctx, rows: NewRows, variants: VariantInputT[], position: number) {
    const ids = variants.map((input, i) => ({
      id: newId(),
      offerId: newId(),
      input,
      position: position + i,
    }));
    await repo.insertVariants(
      tx.db,
      ids.map((v) => ({
        id: v.id,
        store_id: tx.storeId,
        product_id: rows.productId,
        sku: v.input.sku,
        barcode: v.input.barcode ?? null,
        options: v.input.options ?? {},
        position: v.position,
        weight_grams: v.input.weightGrams ?? null,
        weight_unit: v.input.weightUnit ?? null,
        deleted_at: null,
      })),
    );
    await repo.insertOffers(
      tx.db,
      ids.map((v) => ({
        id: v.offerId,
        store_id: tx.storeId,
        product_id: rows.productId,
        variant_id: v.id,
        seller_id: rows.sellerId,
        seller_product_name: null,
        price_amount: v.input.price.amount,
        compare_at_amount: v.input.compareAtPrice?.amount ?? null,
        currency: rows.currency,
        reward_percent_bp: null,
        deleted_at: null,
      })),
    );
    return ids.map((v) => ({ offerId: v.offerId, stock: v.input.stock }));
  }

  private async slug(ctx: Ctx, wanted: string | undefined, name: string) {
    if (wanted) {
      if (RESERVED_PRODUCT_SLUGS.has(wanted) || (await repo.findProductBySlug(ctx.db, ctx.storeId, wanted))) {
        throw new SlugTaken(wanted);
      }
      return wanted;
    }
    const base = slugify(name, 190);
    const taken = await repo.findSlugs(ctx.db, 'products', ctx.storeId, base);
    for (const reserved of RESERVED_PRODUCT_SLUGS) taken.add(reserved);
    return freeSlug(base, taken);
  }

  async update(ctx: Ctx, id: string, input: UpdateProductInput): Promise<ProductViewT> {
    try {
      return await this.core.inTransaction(ctx, async (tx) => {
        const product = await this.core.editable(tx, id);
        const actor = requireRole(ctx, 'ADMIN', 'SELLER');
        assertProductReward(actor, input.rewardPercentBp, product.reward_percent_bp);
        const patch = await this.productPatch(tx, product, input);
        if (input.rewardPercentBp !== undefined && hasRole(actor, 'ADMIN')) patch.reward_set_by_staff = true;
        const before = await repo.productFields(tx.db, tx.storeId, id, Object.keys(patch) as never);
        await repo.updateProduct(tx.db, tx.storeId, id, patch);
        await recordAudit(tx, {
          entityType: 'product',
          entityId: id,
          action: 'update',
          before,
          after: patch,
        });
        if (input.images) await this.core.replaceImages(tx, id, withPrimary(input.images));
        if (input.specs) await repo.replaceSpecs(tx.db, tx.storeId, id, input.specs);
        await this.core.deps.jobs.publish(tx.db, {
          name: CatalogEvents.productUpdated,
          storeId: tx.storeId,
          payload: { productId: id, fields: Object.keys(input) },
        });
        return this.core.view(tx, id);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'products_store_slug_idx')) throw new SlugTaken(input.slug ?? '');
      throw error;
    }
  }

  /** The columns an edit changes: status (by the transition table), category, slug, content. */
  private async productPatch(tx: Ctx, product: repo.ProductHead, input: UpdateProductInput) {
    const patch: Parameters<typeof repo.updateProduct>[3] = {};
    if (input.status !== undefined && input.status !== product.status) {
      assertTransition(product.status, input.status);
      patch.status = input.status;
      if (input.status === 'ACTIVE' && !product.published_at) patch.published_at = new Date();
    }
    if (input.categorySlug !== undefined) {
      const category = await this.categories.fromSlug(tx, input.categorySlug ?? undefined);
      patch.category_id = category?.id ?? null;
      patch.category_path = category?.path ?? [];
    }
    if (input.options !== undefined) {
      checkReorder(
        product.options,
        input.options,
        await repo.liveVariantOptions(tx.db, tx.storeId, product.id),
      );
      patch.options = input.options;
    }
    if (input.slug !== undefined) {
      const other = await repo.findProductBySlug(tx.db, tx.storeId, input.slug);
      if ((other && other.id !== product.id) || RESERVED_PRODUCT_SLUGS.has(input.slug)) {
        throw new SlugTaken(input.slug);
      }
      patch.slug = input.slug;
    }
    assign(patch, {
      name: input.name,
      description: input.description,
      short_description: input.shortDescription,
      brand: input.brand,
      product_type: input.productType,
      attributes: input.attributes,
      tags: input.tags,
      seo_title: input.seoTitle,
      seo_description: input.seoDescription,
      is_digital: input.isDigital,
      requires_shipping: input.requiresShipping,
      weight_grams: input.weightGrams,
      dimensions: input.dimensions,
      reward_percent_bp: input.rewardPercentBp,
    });
    return patch;
  }

  async delete(ctx: Ctx, id: string): Promise<void> {
    await this.core.inTransaction(ctx, async (tx) => {
      await this.core.editable(tx, id);
      const before = await repo.productFields(tx.db, tx.storeId, id, AUDITED_PRODUCT_FIELDS);
      await repo.softDeleteProduct(tx.db, tx.storeId, id);
      await recordAudit(tx, { entityType: 'product', entityId: id, action: 'delete', before });
      await this.core.deps.jobs.publish(tx.db, {
        name: CatalogEvents.productDeleted,
        storeId: tx.storeId,
        payload: { productId: id },
      });
    });
  }

  // ------------------------------------------------------------ variants

  async addVariant(ctx: Ctx, productId: string, input: VariantInputT): Promise<ProductViewT> {
    const actor = requireRole(ctx, 'ADMIN', 'SELLER');
    const currency = await this.core.currency(ctx);
    checkVariantMoney(input, currency, '');
    try {
      return await this.core.inTransaction(ctx, async (tx) => {
        const product = await this.core.manageable(tx, productId, true);
        const clash = await repo.findVariantBySku(tx.db, tx.storeId, input.sku);
        if (clash) throw new SkuTaken(input.sku);
        await this.fitOptions(tx, product, input.options);
        const rows: NewRows = { productId, sellerId: sellerIdOf(ctx, actor), currency };
        const position = await repo.nextVariantPosition(tx.db, productId);
        const [offer] = await this.insertVariants(tx, rows, [input], position);
        await recordAudit(tx, {
          entityType: 'offer',
          entityId: offer!.offerId,
          action: 'create',
          after: {
            product_id: productId,
            seller_id: rows.sellerId,
            sku: input.sku,
            price_amount: input.price.amount,
          },
        });
        await this.core.receiveStock(tx, offer!.offerId, input.stock);
        await repo.refreshProductSummary(tx.db, tx.storeId, productId);
        await this.core.productChanged(tx, productId, ['variants']);
        return this.core.view(tx, productId);
      });
    } catch (error) {
      throw mapUniqueViolation(error);
    }
  }

  async updateVariant(ctx: Ctx, id: string, input: UpdateVariantInput): Promise<ProductViewT> {
    try {
      return await this.core.inTransaction(ctx, async (tx) => {
        const { variant, product } = await this.manageableVariant(tx, id);
        if (input.options !== undefined) await this.fitOptions(tx, product, input.options);
        if (input.sku !== undefined && input.sku !== variant.sku) {
          const clash = await repo.findVariantBySku(tx.db, tx.storeId, input.sku);
          if (clash) throw new SkuTaken(input.sku);
        }
        const patch: Parameters<typeof repo.updateVariant>[3] = {};
        assign(patch, {
          sku: input.sku,
          options: input.options,
          barcode: input.barcode,
          position: input.position,
          weight_grams: input.weightGrams,
          weight_unit: input.weightUnit,
        });
        await repo.updateVariant(tx.db, tx.storeId, id, patch);
        await recordAudit(tx, {
          entityType: 'variant',
          entityId: id,
          action: 'update',
          before: pick(variant, Object.keys(patch) as (keyof typeof patch & keyof typeof variant)[]),
          after: patch,
        });
        await this.core.productChanged(tx, variant.product_id, ['variants']);
        return this.core.view(tx, variant.product_id);
      });
    } catch (error) {
      throw mapUniqueViolation(error);
    }
  }

  async deleteVariant(ctx: Ctx, id: string): Promise<ProductViewT> {
    return this.core.inTransaction(ctx, async (tx) => {
      const { variant } = await this.manageableVariant(tx, id);
      if ((await repo.countVariants(tx.db, tx.storeId, variant.product_id)) <= 1) throw new LastVariant();
      await repo.softDeleteVariant(tx.db, tx.storeId, id);
      await recordAudit(tx, {
        entityType: 'variant',
        entityId: id,
        action: 'delete',
        before: { product_id: variant.product_id, sku: variant.sku },
      });
      await repo.refreshProductSummary(tx.db, tx.storeId, variant.product_id);
      await this.core.productChanged(tx, variant.product_id, ['variants']);
      return this.core.view(tx, variant.product_id);
    });
  }

  private async manageableVariant(ctx: Ctx, id: string) {
    requireRole(ctx, 'ADMIN', 'SELLER');
    const variant = isUuid(id) ? await repo.findVariant(ctx.db, ctx.storeId, id) : undefined;
    if (!variant) throw new VariantNotFound();
    return { variant, product: await this.core.editable(ctx, variant.product_id) };
  }

  /** A variant's options must be the product's; a value it adds is appended to its option. */
  private async fitOptions(
    tx: Ctx,
    product: { id: string; options: ProductOption[] },
    given?: VariantOptions,
  ) {
    const options = fitVariant(product.options, given, '');
    if (!sameOptions(options, product.options)) {
      await repo.updateProduct(tx.db, tx.storeId, product.id, { options });
    }
  }
}

/** What a product's create entry records of its row (its variants' SKUs and prices beside). */
const AUDITED_PRODUCT_FIELDS = [
  'name',
  'slug',
  'status',
  'category_id',
  'created_by',
  'reward_percent_bp',
  'currency',
] as const;

/** The product row of a create, with the defaults the request left out. */
function productRow(
  ctx: Ctx,
  rows: NewRows,
  input: CreateProductInput,
  at: { slug: string; category: CategoryRow | null; actor: Actor },
): Insertable<ProductsTable> {
  const status = input.status ?? 'ACTIVE';
  return {
    id: rows.productId,
    store_id: ctx.storeId,
    created_by: rows.sellerId,
    category_id: at.category?.id ?? null,
    category_path: at.category?.path ?? [],
    name: input.name,
    slug: at.slug,
    description: input.description ?? '',
    short_description: input.shortDescription ?? null,
    brand: input.brand ?? null,
    product_type: input.productType ?? null,
    attributes: input.attributes ?? {},
    tags: input.tags ?? [],
    options: input.options ?? [],
    seo_title: input.seoTitle ?? null,
    seo_description: input.seoDescription ?? null,
    status,
    published_at: status === 'ACTIVE' ? new Date() : null,
    is_digital: input.isDigital ?? false,
    requires_shipping: input.requiresShipping ?? !(input.isDigital ?? false),
    weight_grams: input.weightGrams ?? null,
    dimensions: input.dimensions ?? null,
    thumbnail_url: null,
    reward_percent_bp: input.rewardPercentBp ?? 0,
    reward_set_by_staff: hasRole(at.actor, 'ADMIN'),
    currency: rows.currency,
    best_price_amount: null,
    best_compare_at_amount: null,
    best_offer_id: null,
    deleted_at: null,
  };
}
