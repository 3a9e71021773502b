import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import {
  anonymous,
  as,
  checkout,
  createAdmin,
  createCart,
  createCustomer,
  createOffer,
  createSeller,
  createStore,
  ok,
  serviceCtx,
  type TestStore,
  type TestUser,
} from '../../../test/kit/index.ts';

// Terms: each test works in a store of its own (terms are per store, and a publish changes what
// every later sign-up and checkout there must accept).
let server: TestServer;

beforeAll(async () => {
  server = await createTestServer();
});
afterAll(async () => server?.destroy());

async function shop(): Promise<{ store: TestStore; admin: TestUser }> {
  const store = await createStore(server);
  return { store, admin: await createAdmin(store) };
}

interface Draft {
  language?: string;
  title?: string;
  body?: string;
  requiresAcceptance?: boolean;
}

async function draft(admin: TestUser, kind: string, fields: Draft = {}) {
  return ok<{ id: string; status: string; version: number | null }>(
    as(admin).post(`/admin/terms/${kind}/drafts`, {
      language: 'en',
      title: 'Terms of sale',
      body: 'You buy, we deliver.',
      ...fields,
    }),
  );
}

async function publish(admin: TestUser, kind: string, fields: Draft = {}) {
  const d = await draft(admin, kind, fields);
  return ok<{ id: string; version: number; current: boolean }>(
    as(admin).post(`/admin/terms/versions/${d.id}/publish`, {}),
  );
}

let n = 0;
function register(store: TestStore, extra: Record<string, unknown> = {}) {
  return anonymous(store).post('/auth/register', {
    email: `terms${++n}-${Date.now()}@example.test`,
    password: 'correct horse battery staple',
    name: 'Tara',
    ...extra,
  });
}

describe('versions', () => {
  it('edits a draft, numbers it on publishing, and never changes a published version', async () => {
    const { store, admin } = await shop();
    const d = await draft(admin, 'terms-of-sale', { body: 'First words.' });
    expect(d).toMatchObject({ status: 'DRAFT', version: null });
    expect((await anonymous(store).get('/terms/terms-of-sale')).statusCode).toBe(404);
    await ok(as(admin).patch(`/admin/terms/versions/${d.id}`, { body: 'Better words.' }));
    const v1 = await ok(as(admin).post(`/admin/terms/versions/${d.id}/publish`, {}));
    expect(v1).toMatchObject({ status: 'PUBLISHED', version: 1, current: true, body: 'Better words.' });
    const change = await as(admin).patch(`/admin/terms/versions/${d.id}`, { body: 'Sneaky.' });
    expect(change.statusCode).toBe(409);
    expect(change.json().type).toBe('/problems/terms-version-published');
    expect((await as(admin).post(`/admin/terms/versions/${d.id}/publish`, {})).statusCode).toBe(409);

    const v2 = await publish(admin, 'terms-of-sale', { body: 'Second words.' });
    expect(v2).toMatchObject({ version: 2, current: true });
    const current = await ok(anonymous(store).get('/terms/terms-of-sale'));
    expect(current).toMatchObject({ version: 2, body: 'Second words.', language: 'en', audience: 'BUYER' });
    const old = await ok(anonymous(store).get('/terms/terms-of-sale/versions/1'));
    expect(old).toMatchObject({ version: 1, body: 'Better words.', current: false });
    expect((await anonymous(store).get('/terms/terms-of-sale/versions/9')).statusCode).toBe(404);
    expect((await anonymous(store).get('/terms/terms-of-sale/versions/x')).statusCode).toBe(404);
    expect((await anonymous(store).get('/terms/Not_A_Kind')).statusCode).toBe(404);

    const list = await ok(as(admin).get('/admin/terms'));
    const sale = list.items.find((k: { kind: string }) => k.kind === 'terms-of-sale');
    expect(sale).toMatchObject({ lastVersion: 2, requiredFrom: 2, builtIn: true });
    expect(sale.versions.filter((v: { current: boolean }) => v.current)).toHaveLength(1);
  });

  it('answers in the language asked, else the store’s language', async () => {
    const { store, admin } = await shop();
    await publish(admin, 'privacy', { title: 'Privacy', body: 'We keep little.' });
    await publish(admin, 'privacy', { language: 'hi', title: 'गोपनीयता', body: 'हम कम रखते हैं।' });
    expect(await ok(anonymous(store).get('/terms/privacy?lang=hi'))).toMatchObject({
      language: 'hi',
      version: 2,
    });
    expect(await ok(anonymous(store).get('/terms/privacy?lang=hi-IN'))).toMatchObject({ language: 'hi' });
    expect(await ok(anonymous(store).get('/terms/privacy?lang=fr'))).toMatchObject({
      language: 'en',
      version: 1,
    });
    const all = await ok(anonymous(store).get('/terms?lang=fr'));
    expect(all.items).toEqual([expect.objectContaining({ kind: 'privacy', language: 'en', version: 1 })]);
    expect((await anonymous(store).get('/terms?lang=x_y')).statusCode).toBe(400);
  });

  it('takes settings:manage to write and publish, and ADMIN to read drafts', async () => {
    const { store, admin } = await shop();
    const d = await draft(admin, 'terms-of-sale');
    const buyer = await createCustomer(store);
    expect((await as(buyer).get('/admin/terms')).statusCode).toBe(403);
    expect((await as(buyer).post(`/admin/terms/versions/${d.id}/publish`, {})).statusCode).toBe(403);
    const clerk = await createAdmin(store, { permissions: ['orders:refund'] });
    expect((await as(clerk).get('/admin/terms')).statusCode).toBe(200);
    expect((await as(clerk).post(`/admin/terms/versions/${d.id}/publish`, {})).statusCode).toBe(403);
    expect(
      (await as(clerk).post('/admin/terms/privacy/drafts', { language: 'en', title: 'x', body: 'y' }))
        .statusCode,
    ).toBe(403);
  });

  it('records each publish in the audit trail', async () => {
    const { admin } = await shop();
    const v = await publish(admin, 'returns-policy', { requiresAcceptance: false });
    const trail = await ok(as(admin).get(`/admin/audit?entityType=terms_version&entityId=${v.id}`));
    expect(trail.items).toEqual([
      expect.objectContaining({
        action: 'publish',
        actor: expect.objectContaining({ userId: admin.id }),
        after: expect.objectContaining({ kind: 'returns-policy', version: 1, requires_acceptance: false }),
      }),
    ]);
  });

  it('leaves one current version with distinct numbers when two drafts are published at once', async () => {
    const { store, admin } = await shop();
    const drafts = await Promise.all(
      [1, 2, 3].map((i) => draft(admin, 'terms-of-sale', { body: `Text ${i}` })),
    );
    const published = await Promise.all(
      drafts.map((d) => ok(as(admin).post(`/admin/terms/versions/${d.id}/publish`, {}))),
    );
    expect(published.map((p) => p.version).sort()).toEqual([1, 2, 3]);
    const list = await ok(as(admin).get('/admin/terms'));
    const versions = list.items.find((k: { kind: string }) => k.kind === 'terms-of-sale').versions;
    const current = versions.filter((v: { current: boolean }) => v.current);
    expect(current).toHaveLength(1);
    expect(current[0].version).toBe(3);
    expect(await ok(anonymous(store).get('/terms/terms-of-sale'))).toMatchObject({ version: 3 });
  });
});

describe('acceptance at sign-up', () => {
  it('signs up without anything to accept while the store asks for nothing', async () => {
    const { store, admin } = await shop();
    expect((await register(store)).statusCode).toBe(201);
    await publish(admin, 'returns-policy', { requiresAcceptance: false });
    expect((await register(store)).statusCode).toBe(201);
  });

  it('asks for the current buyer terms, refuses an old version, and records what was accepted', async () => {
    const { store, admin } = await shop();
    await publish(admin, 'terms-of-sale');
    await publish(admin, 'terms-of-sale', { body: 'Changed.' });
    await publish(admin, 'seller-agreement', { title: 'Seller agreement' });
    const email = `asked-${Date.now()}@example.test`;
    const missing = await register(store, { email });
    expect(missing.statusCode).toBe(409);
    expect(missing.json()).toMatchObject({
      type: '/problems/terms-acceptance-required',
      required: [{ kind: 'terms-of-sale', version: 2, title: 'Terms of sale', language: 'en' }],
    });
    const old = await register(store, { email, acceptedTerms: [{ kind: 'terms-of-sale', version: 1 }] });
    expect(old.statusCode).toBe(409);
    expect(old.json()).toMatchObject({
      type: '/problems/terms-version-not-current',
      current: [{ version: 2 }],
    });
    const done = await register(store, { email, acceptedTerms: [{ kind: 'terms-of-sale', version: 2 }] });
    expect(done.statusCode).toBe(201);
    const session = done.json();
    const mine = await ok(
      anonymous(store).get('/me/terms', { authorization: `Bearer ${session.accessToken}` }),
    );
    expect(mine.items).toEqual([
      expect.objectContaining({
        kind: 'terms-of-sale',
        currentVersion: 2,
        acceptedVersion: 2,
        pending: false,
      }),
    ]);
  });
});

describe('acceptance at checkout', () => {
  it('answers 409 until a guest accepts the terms of sale, then records the acceptance with the order', async () => {
    const { store, admin } = await shop();
    const { offerId } = await createOffer(server, { storeId: store.id, stock: 5 });
    await publish(admin, 'terms-of-sale');
    const cartId = await createCart(store, [{ offerId, quantity: 1 }]);
    const refused = await checkout(store, cartId, { email: 'guest@example.test' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      type: '/problems/terms-acceptance-required',
      required: [{ kind: 'terms-of-sale', version: 1 }],
    });
    const placed = await ok(
      checkout(store, cartId, {
        email: 'guest@example.test',
        acceptedTerms: [{ kind: 'terms-of-sale', version: 1 }],
      }),
    );
    const ctx = serviceCtx(server, null, store.id);
    const recorded = await server.modules.reference.terms.acceptance.ofOrder(ctx, placed.order.id);
    expect(recorded).toEqual([
      expect.objectContaining({
        kind: 'terms-of-sale',
        version: 1,
        user_id: null,
        email: 'guest@example.test',
        context: 'CHECKOUT',
      }),
    ]);
  });

  it('lets a buyer who accepted the current version check out without accepting again, until a new one asks', async () => {
    const { store, admin } = await shop();
    const { offerId } = await createOffer(server, { storeId: store.id, stock: 5 });
    await publish(admin, 'terms-of-sale');
    const buyer = await createCustomer(store);
    expect((await ok(as(buyer).get('/me/terms'))).items[0]).toMatchObject({
      pending: true,
      acceptedVersion: null,
    });
    await ok(as(buyer).post('/me/terms/accept', { acceptedTerms: [{ kind: 'terms-of-sale', version: 1 }] }));
    await ok(checkout(buyer, await createCart(buyer, [{ offerId, quantity: 1 }])));

    await publish(admin, 'terms-of-sale', { body: 'A typo fixed.', requiresAcceptance: false });
    expect((await ok(as(buyer).get('/me/terms'))).items[0]).toMatchObject({
      currentVersion: 2,
      pending: false,
    });
    await ok(checkout(buyer, await createCart(buyer, [{ offerId, quantity: 1 }])));

    await publish(admin, 'terms-of-sale', { body: 'A material change.' });
    expect((await ok(as(buyer).get('/me/terms'))).items[0]).toMatchObject({
      currentVersion: 3,
      acceptedVersion: 1,
      pending: true,
    });
    const cartId = await createCart(buyer, [{ offerId, quantity: 1 }]);
    expect((await checkout(buyer, cartId)).statusCode).toBe(409);
    const stale = await as(buyer).post('/me/terms/accept', {
      acceptedTerms: [{ kind: 'terms-of-sale', version: 2 }],
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().type).toBe('/problems/terms-version-not-current');
    const placed = await ok(
      checkout(buyer, cartId, { acceptedTerms: [{ kind: 'terms-of-sale', version: 3 }] }),
    );
    const recorded = await server.modules.reference.terms.acceptance.ofOrder(
      serviceCtx(server, null, store.id),
      placed.order.id,
    );
    expect(recorded).toEqual([
      expect.objectContaining({ version: 3, user_id: buyer.id, context: 'CHECKOUT' }),
    ]);
    expect((await ok(as(buyer).get('/me/terms'))).items[0]).toMatchObject({
      acceptedVersion: 3,
      pending: false,
    });
  });
});

describe('sellers', () => {
  it('asks a seller, not a buyer, to accept the seller agreement, and again for a new version', async () => {
    const { store, admin } = await shop();
    const seller = await createSeller(store);
    await publish(admin, 'seller-agreement', { title: 'Seller agreement' });
    const buyer = await createCustomer(store);
    expect((await ok(as(buyer).get('/me/terms'))).items).toEqual([]);
    const before = await ok(as(seller).get('/me/terms'));
    expect(before.items).toEqual([
      expect.objectContaining({ kind: 'seller-agreement', audience: 'SELLER', pending: true }),
    ]);
    await ok(
      as(seller).post('/me/terms/accept', { acceptedTerms: [{ kind: 'seller-agreement', version: 1 }] }),
    );
    expect((await ok(as(seller).get('/me/terms'))).items[0]).toMatchObject({ pending: false });
    await publish(admin, 'seller-agreement', { title: 'Seller agreement', body: 'New fees.' });
    expect((await ok(as(seller).get('/me/terms'))).items[0]).toMatchObject({
      acceptedVersion: 1,
      pending: true,
    });
  });

  it('asks a seller application to accept the seller agreement, recorded with the application', async () => {
    const { store, admin } = await shop();
    await publish(admin, 'seller-agreement', { title: 'Seller agreement' });
    const applicant = await createCustomer(store);
    const refused = await as(applicant).post('/me/seller-application', { businessName: 'Tea House' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      type: '/problems/terms-acceptance-required',
      required: [{ kind: 'seller-agreement', version: 1 }],
    });
    await ok(
      as(applicant).post('/me/seller-application', {
        businessName: 'Tea House',
        acceptedTerms: [{ kind: 'seller-agreement', version: 1 }],
      }),
    );
    const { rows } = await server.database.pool.query(
      'SELECT kind, version, context FROM terms_acceptances WHERE store_id = $1 AND user_id = $2',
      [store.id, applicant.id],
    );
    expect(rows).toEqual([{ kind: 'seller-agreement', version: 1, context: 'SIGN_UP' }]);
  });
});

describe('stores apart', () => {
  it('shows store B none of store A’s terms, drafts or acceptances', async () => {
    const a = await shop();
    const b = await shop();
    const d = await draft(a.admin, 'terms-of-sale');
    await ok(as(a.admin).post(`/admin/terms/versions/${d.id}/publish`, {}));
    const buyerA = await createCustomer(a.store);
    await ok(as(buyerA).post('/me/terms/accept', { acceptedTerms: [{ kind: 'terms-of-sale', version: 1 }] }));

    expect((await ok(anonymous(b.store).get('/terms'))).items).toEqual([]);
    expect((await anonymous(b.store).get('/terms/terms-of-sale')).statusCode).toBe(404);
    expect((await anonymous(b.store).get('/terms/terms-of-sale/versions/1')).statusCode).toBe(404);
    expect((await as(b.admin).get(`/admin/terms/versions/${d.id}`)).statusCode).toBe(404);
    expect((await as(b.admin).patch(`/admin/terms/versions/${d.id}`, { body: 'x' })).statusCode).toBe(404);
    expect((await as(b.admin).post(`/admin/terms/versions/${d.id}/publish`, {})).statusCode).toBe(404);
    const listB = await ok(as(b.admin).get('/admin/terms'));
    expect(listB.items.every((k: { versions: unknown[] }) => k.versions.length === 0)).toBe(true);
    // B's buyers are asked nothing and may sign up with nothing to accept
    expect((await register(b.store)).statusCode).toBe(201);
    const buyerB = await createCustomer(b.store);
    expect((await ok(as(buyerB).get('/me/terms'))).items).toEqual([]);
    const accepted = await as(buyerB).post('/me/terms/accept', {
      acceptedTerms: [{ kind: 'terms-of-sale', version: 1 }],
    });
    expect(accepted.statusCode).toBe(409);
  });
});
