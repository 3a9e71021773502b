import { findStore } from '../src/modules/tenancy/index.ts';
import { type Ctx, PERMISSIONS, type Role } from '../src/platform/http/context.ts';
import { newId } from '../src/platform/ids.ts';
import type { Server } from '../src/server.ts';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  roles: Role[];
  accessToken: string;
  refreshToken: string;
  /** Authorization header for inject(). */
  headers: { authorization: string };
}

let counter = 0;

/** A real account in the default store (or `storeId`), signed in through the login call. */
export async function createUser(
  server: Server,
  options: { roles?: Role[]; email?: string; password?: string; name?: string; storeId?: string } = {},
): Promise<TestUser> {
  const email = options.email ?? `user${++counter}-${newId().slice(-12)}@example.test`;
  const password = options.password ?? 'correct horse battery staple';
  const roles = options.roles ?? ['CUSTOMER'];
  const storeId = options.storeId ?? server.modules.tenancy.defaultStore().id;
  const user = await server.modules.identity.service.createUser(
    server.database.db,
    storeId,
    { email, password, name: options.name ?? 'Test User' },
    roles,
  );
  const res = await server.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { 'x-store-id': storeId },
    payload: { email, password },
  });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const { accessToken, refreshToken } = res.json() as { accessToken: string; refreshToken: string };
  return {
    id: user.id,
    email,
    password,
    roles,
    accessToken,
    refreshToken,
    headers: { authorization: `Bearer ${accessToken}` },
  };
}

/** A request context for calling services directly, as the given user (or anonymous). */
export function serviceCtx(
  server: Server,
  user?: Pick<TestUser, 'id' | 'roles'> | null,
  storeId?: string,
): Ctx {
  const store = storeId ?? server.modules.tenancy.defaultStore().id;
  return {
    db: server.database.db,
    storeId: store,
    tenantId: server.modules.tenancy.defaultStore().tenant_id,
    // an ADMIN made by createUser holds every permission; so does the actor here
    actor: user
      ? {
          userId: user.id,
          storeId: store,
          roles: user.roles,
          permissions: user.roles.includes('ADMIN') ? [...PERMISSIONS] : [],
        }
      : null,
    requestId: 'test',
    log: server.log,
  };
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

/** One administrator per server and store, made on first use (signing in is not free). */
const storeAdmins = new WeakMap<Server, Map<string, Promise<TestUser>>>();

function storeAdmin(server: Server, storeId: string): Promise<TestUser> {
  const byStore = storeAdmins.get(server) ?? new Map<string, Promise<TestUser>>();
  storeAdmins.set(server, byStore);
  let admin = byStore.get(storeId);
  if (!admin) {
    admin = createUser(server, { roles: ['ADMIN'], storeId });
    byStore.set(storeId, admin);
    admin.catch(() => byStore.delete(storeId));
  }
  return admin;
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
  const storeId = options.storeId ?? server.modules.tenancy.defaultStore().id;
  const creator = options.seller ?? (await storeAdmin(server, storeId));
  const store = await findStore(server.database.db, storeId);
  if (!store) throw new Error(`no store ${storeId}`);
  const price = { amount: options.price ?? 10_000, currency: store.currency.trim() };
  const tag = `${++counter}-${newId().slice(-12)}`;
  const res = await server.app.inject({
    method: 'POST',
    url: '/api/v1/admin/products',
    headers: { ...creator.headers, 'x-store-id': storeId },
    payload: {
      name: `Test product ${tag}`,
      status: 'ACTIVE',
      variants: Array.from({ length: count }, (_, i) => ({
        sku: `T-${tag}-${i + 1}`,
        options: { size: String(i + 1) },
        price,
        stock: options.stock ?? 0,
      })),
    },
  });
  if (res.statusCode !== 201) throw new Error(`create product: ${res.statusCode} ${res.body}`);
  const product = res.json() as {
    id: string;
    slug: string;
    variants: Array<{ id: string; offers: Array<{ id: string; sellerId: string }> }>;
  };
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
