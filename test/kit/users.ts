import {
  type Ctx,
  PERMISSIONS,
  type Permission,
  type Role,
  systemCtx,
} from '../../src/platform/http/context.ts';
import { newId } from '../../src/platform/ids.ts';
import type { Server } from '../../src/server.ts';
import { api, ok } from './http.ts';
import type { TestStore } from './stores.ts';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  roles: Role[];
  accessToken: string;
  refreshToken: string;
  /** Authorization header for inject(). */
  headers: { authorization: string };
  /** The store the account belongs to (and `as(user)` addresses). */
  storeId: string;
  server: Server;
}

export interface UserOptions {
  roles?: Role[];
  email?: string;
  password?: string;
  name?: string;
  /** The account's store (default: the default store). */
  storeId?: string;
}

let counter = 0;

/** Where a factory makes its rows: a store, or a server's default store. */
export type Place = Server | TestStore;

export function placeOf(place: Place): { server: Server; storeId: string } {
  return 'server' in place
    ? { server: place.server, storeId: place.id }
    : { server: place, storeId: place.modules.tenancy.defaultStore().id };
}

/** Signs `email` in at `storeId` through the login call. */
async function signIn(server: Server, storeId: string, email: string, password: string) {
  return ok<{ accessToken: string; refreshToken: string }>(
    api(server).post('/auth/login', { email, password }, { 'x-store-id': storeId }),
  );
}

/** A real account in the default store (or `storeId`), signed in through the login call. */
export async function createUser(server: Server, options: UserOptions = {}): Promise<TestUser> {
  const email = options.email ?? `user${++counter}-${newId().slice(-12)}@example.test`;
  const password = options.password ?? 'correct horse battery staple';
  const roles = options.roles ?? ['CUSTOMER'];
  const storeId = options.storeId ?? server.modules.tenancy.defaultStore().id;
  const user = await server.modules.identity.service.createUser(
    systemCtx(server.database.db, storeId, server.app.log),
    { email, password, name: options.name ?? 'Test User' },
    roles,
  );
  const { accessToken, refreshToken } = await signIn(server, storeId, email, password);
  return {
    id: user.id,
    email,
    password,
    roles,
    accessToken,
    refreshToken,
    headers: { authorization: `Bearer ${accessToken}` },
    storeId,
    server,
  };
}

type Options = Omit<UserOptions, 'roles' | 'storeId'>;

/** A customer of the store. */
export function createCustomer(place: Place, options: Options = {}): Promise<TestUser> {
  const { server, storeId } = placeOf(place);
  return createUser(server, { ...options, storeId, roles: ['CUSTOMER'] });
}

/** A delivery agent of the store (records cash collected on delivery). */
export function createDeliveryAgent(place: Place, options: Options = {}): Promise<TestUser> {
  const { server, storeId } = placeOf(place);
  return createUser(server, { ...options, storeId, roles: ['DELIVERY_AGENT'] });
}

/**
 * An administrator of the store: every admin permission, or exactly `permissions` as the store's
 * super administrator sets them through `PUT /admin/users/{id}/admin-profile`.
 */
export async function createAdmin(
  place: Place,
  options: Options & { permissions?: Permission[] } = {},
): Promise<TestUser> {
  const { server, storeId } = placeOf(place);
  const { permissions, ...rest } = options;
  const admin = await createUser(server, { ...rest, storeId, roles: ['ADMIN'] });
  if (permissions) {
    const granter = await storeStaff(server, storeId, 'SUPER_ADMIN');
    await ok(
      api(server).put(
        `/admin/users/${admin.id}/admin-profile`,
        { permissions },
        { ...granter.headers, 'x-store-id': storeId },
      ),
    );
  }
  return admin;
}

/**
 * A seller the store approved: the account applies through `POST /me/seller-application`, the
 * store's administrator approves it, and it signs in again to carry the SELLER role.
 */
export async function createSeller(
  place: Place,
  options: Options & { businessName?: string } = {},
): Promise<TestUser> {
  const { server, storeId } = placeOf(place);
  const { businessName = `Seller ${++counter}`, ...rest } = options;
  const applicant = await createUser(server, { ...rest, storeId, roles: ['CUSTOMER'] });
  const store = { 'x-store-id': storeId };
  await ok(api(server).post('/me/seller-application', { businessName }, { ...applicant.headers, ...store }));
  const admin = await storeStaff(server, storeId, 'ADMIN');
  await ok(api(server).post(`/admin/sellers/${applicant.id}/approve`, {}, { ...admin.headers, ...store }));
  const { accessToken, refreshToken } = await signIn(server, storeId, applicant.email, applicant.password);
  return {
    ...applicant,
    roles: ['CUSTOMER', 'SELLER'],
    accessToken,
    refreshToken,
    headers: { authorization: `Bearer ${accessToken}` },
  };
}

/** One administrator (or super administrator) per server and store, made on first use. */
const staff = new WeakMap<Server, Map<string, Promise<TestUser>>>();

export function storeStaff(server: Server, storeId: string, role: 'ADMIN' | 'SUPER_ADMIN' = 'ADMIN') {
  const byStore = staff.get(server) ?? new Map<string, Promise<TestUser>>();
  staff.set(server, byStore);
  const key = `${role}:${storeId}`;
  let user = byStore.get(key);
  if (!user) {
    user = createUser(server, { roles: [role], storeId });
    byStore.set(key, user);
    user.catch(() => byStore.delete(key));
  }
  return user;
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
    tenantId: server.modules.tenancy.defaultStore().tenantId,
    // an ADMIN made by createUser holds every admin permission; so does the actor here
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
