import type { Ctx, Role } from '../src/platform/http/context.ts';
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
    actor: user ? { userId: user.id, storeId: store, roles: user.roles } : null,
    requestId: 'test',
    log: server.log,
  };
}
