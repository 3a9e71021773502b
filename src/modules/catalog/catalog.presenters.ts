// Rows into API shapes: the product page, list hits, admin list items, categories and filters.
import { mediaSrcset, mediaThumbnail } from '../media/index.ts';
import type { ImageRow } from './catalog.images.repository.ts';
import type { OfferSnapshot } from './catalog.offers.ts';
import { inProductOrder } from './catalog.options.ts';
import type { CategoryRow, FilterRow, OfferSnapshotRow, ProductDetailRow } from './catalog.repository.ts';
import { effectiveRewardBp } from './catalog.rewards.ts';
import type { CrumbT, ImageViewT, ProductListItemT, ProductViewT } from './catalog.schemas.ts';
import { markHighlight, type ProductHit } from './catalog.search.ts';

type OfferRowOf = ProductDetailRow['offers'][number];
type OfferViewT = ProductViewT['variants'][number]['offers'][number];

/** Money from an amount column that may be null (no live offer) and its bpchar currency. */
export function money(amount: number | string | null, currency: string | null) {
  return amount === null || currency === null ? null : { amount: Number(amount), currency: currency.trim() };
}

/** The product page; offers show the reward rate an order would book (see catalog.rewards.ts). */
export function presentProduct(p: ProductDetailRow, sellerLimitBp: number): ProductViewT {
  const offers = offersByVariant(p, sellerLimitBp);
  const crumbs = p.breadcrumbs ?? [];
  return {
    ...productContent(p),
    category: crumbs.at(-1) ?? null,
    breadcrumbs: crumbs,
    images: p.images.map(presentImage),
    ...productSummary(p),
    options: p.options,
    variants: p.variants.map((v) => ({
      id: v.id,
      sku: v.sku,
      barcode: v.barcode,
      options: inProductOrder(p.options, v.options),
      position: v.position,
      weightGrams: v.weight_grams,
      weightUnit: v.weight_unit,
      offers: offers.get(v.id) ?? [],
    })),
  };
}

/** An image of a product; an uploaded one with its size and resized variants. */
export function presentImage(i: ImageRow): ImageViewT {
  return {
    id: i.id,
    url: i.url,
    altText: i.alt_text,
    position: i.position,
    primary: i.is_primary,
    width: i.width,
    height: i.height,
    srcset: i.media_name && i.width ? mediaSrcset(i.media_name, i.width) : null,
  };
}

/** What lists show of an image: an uploaded one's smaller variant. */
export function thumbnailOf(i: ImageRow): string {
  return i.media_name && i.width ? mediaThumbnail(i.media_name, i.width) : i.url;
}

/** What the product says about itself: names, texts, status, shipping facts, authorship. */
function productContent(p: ProductDetailRow) {
  return {
    id: p.id,
    slug: p.slug,
    name: p.name,
    description: p.description,
    shortDescription: p.short_description,
    brand: p.brand,
    productType: p.product_type,
    status: p.status,
    publishedAt: p.published_at?.toISOString() ?? null,
    tags: p.tags,
    attributes: p.attributes,
    specs: p.specs,
    thumbnail: p.thumbnail_url,
    isDigital: p.is_digital,
    requiresShipping: p.requires_shipping,
    weightGrams: p.weight_grams,
    dimensions: p.dimensions,
    seoTitle: p.seo_title,
    seoDescription: p.seo_description,
    createdBy: p.created_by,
    createdAt: p.created_at.toISOString(),
    updatedAt: p.updated_at.toISOString(),
  };
}

/** What browse keeps summed up from the offers: best price, stock, rating, reward. */
function productSummary(p: ProductDetailRow) {
  return {
    price: money(p.best_price_amount, p.currency),
    compareAtPrice: money(p.best_compare_at_amount, p.currency),
    bestOfferId: p.best_offer_id,
    inStock: p.in_stock,
    rating: Number(p.rating_avg),
    ratingCount: p.rating_count,
    rewardPercentBp: p.reward_percent_bp,
  };
}

function offersByVariant(p: ProductDetailRow, sellerLimitBp: number) {
  const byVariant = new Map<string, OfferViewT[]>();
  for (const o of p.offers) {
    const list = byVariant.get(o.variant_id) ?? [];
    list.push(presentOffer(p, o, sellerLimitBp));
    byVariant.set(o.variant_id, list);
  }
  return byVariant;
}

function presentOffer(p: ProductDetailRow, o: OfferRowOf, sellerLimitBp: number): OfferViewT {
  return {
    id: o.id,
    sellerId: o.seller_id,
    sellerProductName: o.seller_product_name,
    price: { amount: Number(o.price_amount), currency: o.currency },
    compareAtPrice:
      o.compare_at_amount === null ? null : { amount: Number(o.compare_at_amount), currency: o.currency },
    available: o.is_available && o.available_quantity > 0,
    availableQuantity: o.available_quantity,
    rewardPercentBp: effectiveRewardBp(
      {
        storeId: p.store_id,
        offerSellerId: o.seller_id,
        offerBp: o.reward_percent_bp,
        offerByStaff: o.reward_set_by_staff,
        productOwner: p.created_by,
        productBp: p.reward_percent_bp,
        productByStaff: p.reward_set_by_staff,
      },
      sellerLimitBp,
    ),
    rating: Number(o.rating_avg),
    ratingCount: o.rating_count,
    best: o.id === p.best_offer_id,
  };
}

export function presentHit(h: ProductHit): ProductListItemT {
  const currency = h.currency.trim();
  return {
    id: h.id,
    slug: h.slug,
    name: h.name,
    brand: h.brand,
    price: { amount: Number(h.price_amount), currency },
    compareAtPrice: h.compare_at_amount === null ? null : { amount: Number(h.compare_at_amount), currency },
    rating: Number(h.rating_avg),
    ratingCount: h.rating_count,
    inStock: h.in_stock,
    thumbnail: h.thumbnail_url,
    ...(h.highlight_name !== undefined
      ? {
          highlight: {
            name: markHighlight(h.highlight_name),
            description: markHighlight(h.highlight_description ?? ''),
          },
        }
      : {}),
  };
}

export function presentFilter(f: FilterRow) {
  return {
    id: f.id,
    categoryId: f.category_id,
    key: f.key,
    label: f.label,
    kind: f.kind,
    source: f.source,
    sourceKey: f.source_key,
    position: f.position,
  };
}

/** The fields every category view shares (the public node, the category page, the admin list). */
function categoryFields(c: CategoryRow) {
  return {
    id: c.id,
    slug: c.slug,
    name: c.name,
    description: c.description,
    imageUrl: c.image_url,
    sortOrder: c.sort_order,
  };
}

export function presentCategoryNode(c: CategoryRow) {
  return { ...categoryFields(c), children: [] };
}

export function presentAdminCategory(c: CategoryRow) {
  return { ...categoryFields(c), isActive: c.is_active, parentId: c.parent_id, depth: c.path.length };
}

export function presentCategoryPage(
  c: CategoryRow & { breadcrumbs: CrumbT[]; children: CrumbT[]; filters: FilterRow[] },
) {
  return {
    ...categoryFields(c),
    isActive: c.is_active,
    parentId: c.parent_id,
    breadcrumbs: c.breadcrumbs,
    children: c.children,
    filters: c.filters.map(presentFilter),
  };
}

/** An offer as the cart and checkout see it, with the reward rate an order would book. */
export function presentSnapshot(storeId: string, r: OfferSnapshotRow, sellerLimitBp: number): OfferSnapshot {
  const currency = r.currency.trim();
  return {
    offerId: r.offer_id,
    productId: r.product_id,
    variantId: r.variant_id,
    sellerId: r.seller_id,
    productName: r.seller_product_name ?? r.product_name,
    sku: r.sku,
    options: inProductOrder(r.product_options, r.options),
    price: { amount: Number(r.price_amount), currency },
    compareAtPrice: r.compare_at_amount === null ? null : { amount: Number(r.compare_at_amount), currency },
    imageUrl: r.image_url,
    purchasable: r.purchasable,
    availableQuantity: r.available_quantity,
    weightGrams: r.weight_grams,
    requiresShipping: r.requires_shipping,
    categoryId: r.category_id,
    rewardPercentBp: effectiveRewardBp(
      {
        storeId,
        offerSellerId: r.seller_id,
        offerBp: r.offer_reward_bp,
        offerByStaff: r.offer_reward_by_staff,
        productOwner: r.product_owner,
        productBp: r.product_reward_bp,
        productByStaff: r.product_reward_by_staff,
      },
      sellerLimitBp,
    ),
  };
}
