import { sql } from 'kysely';
import { razorpaySignature } from '../../src/modules/payments/index.ts';
import { TEST_BILLING_WEBHOOK_SECRET } from '../../src/modules/tenancy/index.ts';
import type { TestServer } from '../harness.ts';
import { signUpOwner } from '../kit/index.ts';
import type { Call } from './calls.ts';
import { send, unique, type World } from './fixtures.ts';

/**
 * The platform's side of the matrix (decision 014): the business owner principal, the platform
 * accounts its calls need, and how the matrix calls each `/platform/…` operation. A new platform
 * route is one entry here and one in ACCESS_POLICY.
 */

/** A signed subscription event about a subscription no tenant has: verified, then ignored. */
function billingWebhook() {
  const payload = JSON.stringify({
    entity: 'event',
    event: 'subscription.charged',
    contains: ['subscription'],
    created_at: Math.floor(Date.now() / 1000),
    payload: {
      subscription: {
        entity: {
          id: unique('sub_matrix'),
          entity: 'subscription',
          plan_id: 'plan_matrix',
          status: 'active',
          current_end: 0,
        },
      },
    },
  });
  return {
    raw: { contentType: 'application/json', payload },
    headers: { 'x-razorpay-signature': razorpaySignature(payload, TEST_BILLING_WEBHOOK_SECRET) },
  };
}

export interface PlatformWorld {
  /** A store of the business owner's tenant (never the matrix's store). */
  ownStoreId: string;
  /** The business owner's tenant (the SUPER_ADMIN calls name it; no matrix principal may act on it). */
  tenantId: string;
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
    platform: { loginTarget, refreshToken: signedUp.refreshToken as string, tenantId: owner.tenantId },
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
  'POST /platform/auth/password-reset': {
    request: () => ({ body: { email: `${lower('platform-reset')}@example.test` } }),
  },
  'POST /platform/auth/password-reset/confirm': {
    request: () => ({ body: { token: 'x'.repeat(43), password: 'matrix reset passphrase' } }),
    accept: { status: [400], why: 'the call needs a mailed code; without one every caller gets 400' },
  },
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
  'POST /platform/stores/{id}/session': { request: (w) => ({ params: { id: w.platform.ownStoreId } }) },
  'GET /platform/stores/{id}/domain': { request: (w) => ({ params: { id: w.platform.ownStoreId } }) },
  'PUT /platform/stores/{id}/domain': {
    request: (w) => ({
      params: { id: w.platform.ownStoreId },
      body: { customDomain: `${lower('mx')}.example.com` },
    }),
  },
  'POST /platform/stores/{id}/domain/verify': {
    request: (w) => ({ params: { id: w.platform.ownStoreId }, body: { method: 'dns' } }),
    accept: { status: [409], why: 'a call before any domain is named is refused with no-custom-domain' },
  },
  'DELETE /platform/stores/{id}/domain': { request: (w) => ({ params: { id: w.platform.ownStoreId } }) },
  'GET /platform/domains/ask': {
    request: () => ({ query: { domain: 'nobody.localhost' } }),
    accept: { status: [404], why: 'no store serves the host: the answer a proxy must get' },
  },
  'GET /platform/stores/{id}/staff': { request: (w) => ({ params: { id: w.platform.ownStoreId } }) },
  'POST /platform/stores/{id}/staff/invitations': {
    request: (w) => ({
      params: { id: w.platform.ownStoreId },
      body: { email: `${lower('invitee')}@example.test`, role: 'SUPPORT' },
    }),
  },
  'DELETE /platform/stores/{id}/staff/invitations/{invitationId}': {
    request: (w) => ({ params: { id: w.platform.ownStoreId, invitationId: unique('none') } }),
    accept: { status: [404], why: 'no such invitation: the owner is told so, strangers never reach it' },
  },
  'DELETE /platform/stores/{id}/staff/{accountId}': {
    request: (w) => ({ params: { id: w.platform.ownStoreId, accountId: unique('none') } }),
    accept: { status: [404], why: 'no such staff member: the owner is told so, strangers never reach it' },
  },
  'POST /platform/invitations/accept': {
    request: () => ({ body: { token: 'x'.repeat(43) } }),
    accept: { status: [404], why: 'the call needs a mailed invitation; without one every account gets 404' },
  },
  'POST /platform/invitations/sign-up': {
    request: () => ({
      body: { token: 'x'.repeat(43), name: 'Invited', password: 'matrix invited passphrase' },
    }),
    accept: { status: [404], why: 'the call needs a mailed invitation; without one every caller gets 404' },
  },
  'GET /platform/memberships': {},
  // the owner's tenant holds more stores than a downgrade allows: refused, nothing changes
  'POST /platform/tenant/subscription': {
    request: () => ({ body: { plan: 'PRO' } }),
    accept: { status: [409], why: "the tenant's usage is over the smaller plan's limits" },
  },
  'GET /platform/tenants': {},
  'POST /platform/tenants/{id}/suspend': {
    request: (w) => ({ params: { id: w.platform.tenantId }, body: { reason: 'matrix' } }),
  },
  'POST /platform/tenants/{id}/restore': {
    request: (w) => ({ params: { id: w.platform.tenantId }, body: {} }),
  },
  'POST /platform/billing/webhooks': { request: () => billingWebhook() },
  'GET /platform/plans': {},
  // a plan of its own: were anyone let through, no plan in use would change
  'PUT /platform/plans/{code}': { request: () => ({ params: { code: 'MATRIX' }, body: planBody }) },
};
