import { findStore } from '../../src/modules/tenancy/index.ts';
import { newId } from '../../src/platform/ids.ts';
import type { Server } from '../../src/server.ts';
import { api, type Headers, ok } from './http.ts';
import type { TestStore } from './stores.ts';
import { storeStaff, type TestUser } from './users.ts';

export const inr = (amount: number) => ({ amount, currency: 'INR' });

let n = 0;
export function sku(prefix = 'SKU'): string {
  return `${prefix}-${++n}-${newId().slice(-8)}`;
}

/** Who creates a row: a user (in its store), a store (its administrator) or raw request headers. */
export type Creator = TestUser | TestStore | Headers;

/** The headers of a creator, made for its store. */
export async function creatorHeaders(server: Server, by: Creator): Promise<Headers> {
  if ('accessToken' in by && typeof by.accessToken === 'string') {
    const user = by as TestUser;
    return { ...user.headers, 'x-store-id': user.storeId };
  }
  if ('tenantId' in by && typeof by.tenantId === 'string') {
    const store = by as TestStore;
    return { ...(await storeStaff(server, store.id)).headers, 'x-store-id': store.id };
  }
  return by as Headers;
}

export interface ProductOverrides {
  name?: string;
  price?: number;
  stock?: number;
  [key: string]: unknown;
}

export interface ProductView {
  id: string;
  slug: string;
  name: string;
  status: string;
  variants: Array<{
    id: string;
    sku: string;
    offers: Array<{ id: string; sellerId: string; available: boolean }>;
  }>;
  [key: string]: unknown;
}

/**
 * A product with one variant and its offer (price in INR minor units, `stock` received), created
 * through `POST /admin/products` by `by`; other overrides go into the request body as they are
 * (`status: 'ACTIVE'` to sell it). Throws on anything but 201.
 */
export async function createProduct(
  server: Server,
  by: Creator,
  overrides: ProductOverrides = {},
): Promise<ProductView> {
  const { price = 10_000, stock = 5, name = `Product ${++n}`, ...rest } = overrides;
  const res = await api(server).post(
    '/admin/products',
    { name, variants: [{ sku: sku(), price: inr(price), stock }], ...rest },
    await creatorHeaders(server, by),
  );
  if (res.statusCode !== 201) throw new Error(`create product: ${res.statusCode} ${res.body}`);
  return res.json<ProductView>();
}

/** A category, created through `POST /admin/categories` by `by`. */
export async function createCategory(
  server: Server,
  by: Creator,
  fields: { name?: string; slug?: string; parentId?: string | null; isActive?: boolean } = {},
): Promise<{ id: string; slug: string; name: string; parentId: string | null }> {
  return ok(
    api(server).post(
      '/admin/categories',
      { name: `Category ${++n}`, ...fields },
      await creatorHeaders(server, by),
    ),
  );
}

export interface TestOffer {
  offerId: string;
  productId: string;
  variantId: string;
  /** The store id for offers an administrator created, the seller's user id otherwise. */
  sellerId: string;
  /** The product's slug, for reading it back through `GET /products/{slug}`. */
  slug: string;
}

export interface OfferOptions {
  /** Creates the product as this user: a SELLER's offers are theirs, an ADMIN's the store's. */
  seller?: TestUser;
  /** The store to create the product in (default: the default store). */
  storeId?: string;
  /** Price in minor units of the store's currency (default 10000). */
  price?: number;
  /** Initial stock per offer, received through the catalog (default 0: tests stock offers themselves). */
  stock?: number;
}

/**
 * `count` real catalog offers of one ACTIVE product (one variant each, told apart by a `size`
 * option), created through `POST /admin/products` as the catalog's own callers would.
 */
export async function createOffers(
  server: Server,
  count: number,
  options: OfferOptions = {},
): Promise<TestOffer[]> {
  const storeId = options.storeId ?? options.seller?.storeId ?? server.modules.tenancy.defaultStore().id;
  const creator = options.seller ?? (await storeStaff(server, storeId));
  const store = await findStore(server.database.db, storeId);
  if (!store) throw new Error(`no store ${storeId}`);
  const price = { amount: options.price ?? 10_000, currency: store.currency.trim() };
  const tag = `${++n}-${newId().slice(-12)}`;
  const product = await ok<{
    id: string;
    slug: string;
    variants: Array<{ id: string; offers: Array<{ id: string; sellerId: string }> }>;
  }>(
    api(server).post(
      '/admin/products',
      {
        name: `Test product ${tag}`,
        status: 'ACTIVE',
        variants: Array.from({ length: count }, (_, i) => ({
          sku: `T-${tag}-${i + 1}`,
          options: { size: String(i + 1) },
          price,
          stock: options.stock ?? 0,
        })),
      },
      { ...creator.headers, 'x-store-id': storeId },
    ),
  );
  return product.variants.map((v) => ({
    offerId: v.offers[0]!.id,
    productId: product.id,
    variantId: v.id,
    sellerId: v.offers[0]!.sellerId,
    slug: product.slug,
  }));
}

/** One real catalog offer (see createOffers). */
export async function createOffer(server: Server, options: OfferOptions = {}): Promise<TestOffer> {
  return (await createOffers(server, 1, options))[0]!;
}
