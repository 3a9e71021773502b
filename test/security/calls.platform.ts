import { sql } from 'kysely';
import type { TestServer } from '../harness.ts';
import { signUpOwner } from '../kit/index.ts';
import type { Call } from './calls.ts';
import { send, unique, type World } from './fixtures.ts';

/**
 * The platform's side of the matrix (decision 014): the business owner principal, the platform
 * accounts its calls need, and how the matrix calls each `/platform/…` operation. A new platform
 * route is one entry here and one in ACCESS_POLICY.
 */

export interface PlatformWorld {
  /** A store of the business owner's tenant (never the matrix's store). */
  ownStoreId: string;
  /** A platform account anyone may sign in to (the platform login call). */
  loginTarget: { email: string; password: string };
  /** The refresh token of loginTarget's session, rotated by each platform refresh call. */
  refreshToken: string;
}

const lower = (prefix: string) => unique(prefix).toLowerCase();

/** Opens a DRAFT store for the business owner's tenant and answers its id. */
export async function openStore(w: Pick<World, 'server' | 'callers'>): Promise<string> {
  const body = { name: unique('Matrix shop'), subdomain: lower('mx') };
  const store = await send(w.server, 'POST', '/platform/stores', body, w.callers.businessOwner.headers);
  return store.id as string;
}

/**
 * A business owner signed up through the API, its tenant on plan ENTERPRISE with an active
 * subscription (no store limit, and publishing needs no payment step of the test's), owning a
 * store other than the matrix's; and a second platform account for the sign-in calls.
 */
export async function platformFixtures(
  server: TestServer,
): Promise<{ owner: { headers: Record<string, string> }; platform: Omit<PlatformWorld, 'ownStoreId'> }> {
  const owner = await signUpOwner(server, { businessName: 'Matrix Holdings' });
  // No API changes a tenant's plan yet (billing does, later): set it as the tenancy tests do.
  await sql`UPDATE tenants SET plan = 'ENTERPRISE', subscription_status = 'ACTIVE' WHERE id = ${owner.tenantId}`.execute(
    server.database.db,
  );
  const loginTarget = {
    email: `${lower('platform-login')}@example.test`,
    password: 'matrix platform passphrase',
  };
  const signedUp = await send(server, 'POST', '/platform/signup', {
    ...loginTarget,
    businessName: 'Login Target Traders',
    name: 'Platform Login Target',
  });
  return {
    owner: { headers: owner.headers },
    platform: { loginTarget, refreshToken: signedUp.refreshToken as string },
  };
}

const planBody = {
  name: 'Matrix plan',
  price: { amount: 100, currency: 'INR' },
  period: 'monthly',
  limits: { stores: 1, productsPerStore: 10, staffPerStore: 1, customDomains: 0 },
  transactionFeeBp: 0,
};

export const PLATFORM_CALLS: Record<string, Call> = {
  'POST /platform/signup': {
    request: () => ({
      body: {
        businessName: unique('Matrix Business'),
        name: 'New Owner',
        email: `${lower('signup')}@example.test`,
        password: 'matrix signup passphrase',
      },
    }),
  },
  'POST /platform/auth/login': { request: (w) => ({ body: w.platform.loginTarget }) },
  'POST /platform/auth/refresh': {
    request: (w) => ({ body: { refreshToken: w.platform.refreshToken } }),
    after: (w, _who, res) => {
      if (res.statusCode === 200) w.platform.refreshToken = res.json().refreshToken;
    },
  },
  'POST /platform/auth/logout': { request: () => ({ body: { refreshToken: unique('not-a-session') } }) },
  'GET /platform/me': {},
  'GET /platform/tenant': {},
  'POST /platform/stores': {
    request: () => ({ body: { name: unique('Matrix store'), subdomain: lower('mxs') } }),
  },
  'GET /platform/stores': {},
  'GET /platform/stores/{id}': { request: (w) => ({ params: { id: w.platform.ownStoreId } }) },
  'GET /platform/stores/{id}/history': { request: (w) => ({ params: { id: w.platform.ownStoreId } }) },
  'POST /platform/stores/{id}/publish': {
    fresh: (w) => openStore(w),
    request: (_w, _who, storeId: string) => ({ params: { id: storeId } }),
  },
  'POST /platform/stores/{id}/generate': {
    fresh: (w) => openStore(w),
    request: (_w, _who, storeId: string) => ({
      params: { id: storeId },
      body: { description: 'a bakery in Pune selling cakes, breads and cookies' },
    }),
  },
  'GET /platform/plans': {},
  // a plan of its own: were anyone let through, no plan in use would change
  'PUT /platform/plans/{code}': { request: () => ({ params: { code: 'MATRIX' }, body: planBody }) },
};
