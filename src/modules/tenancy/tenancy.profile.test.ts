import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import {
  anonymous,
  as,
  createAdmin,
  createOffer,
  createOrder,
  createStore,
  ok,
  type TestStore,
  type TestUser,
} from '../../../test/kit/index.ts';

// The store's own profile: name, language, currency, time zone, contact and policies, and where
// buyers see them (GET /store, the storefront's footer and policy pages).
let server: TestServer;
let store: TestStore;
let admin: TestUser;

beforeAll(async () => {
  server = await createTestServer();
  store = await createStore(server, { name: 'Tea House', domain: 'teahouse' });
  admin = await createAdmin(store);
});
afterAll(async () => server?.destroy());

const url = '/admin/store/settings';
const page = (path: string) =>
  server.app.inject({
    method: 'GET',
    url: path,
    headers: { host: 'teahouse.localhost', accept: 'text/html' },
  });
const address = { line1: '12 Lake Road', city: 'Pune', postalCode: '411001', country: 'IN' };

describe('store profile settings', () => {
  it('refuses a bad time zone, country, language, currency or an over-long policy with 400, changing nothing', async () => {
    const before = await ok(as(admin).get(url));
    for (const [body, pointer] of [
      [{ timeZone: 'Mars/Olympus_Mons' }, '/timeZone'],
      [{ timeZone: '' }, '/timeZone'],
      [{ contact: { address: { ...address, country: 'XX' } } }, '/contact/address/country'],
      [{ contact: { address: { ...address, country: 'india' } } }, '/contact/address/country'],
      [{ contact: { address: { ...address, postalCode: undefined } } }, '/contact/address/postalCode'],
      [{ contact: { email: 'not-an-email' } }, '/contact/email'],
      [{ contact: { phone: 'call me' } }, '/contact/phone'],
      [{ policies: { terms: 'x'.repeat(20_001) } }, '/policies/terms'],
      [{ policies: { cookies: 'yes' } }, '/policies/cookies'],
      [{ language: 'english language' }, '/language'],
      [{ currency: 'XYZ' }, '/currency'],
      [{ currency: 'usd' }, '/currency'],
      [{ name: '' }, '/name'],
      [{ name: 'n'.repeat(201) }, '/name'],
      // one bad field spoils the whole change
      [{ name: 'Renamed', timeZone: 'Nowhere/City' }, '/timeZone'],
    ] as const) {
      const res = await as(admin).patch(url, body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    }
    expect(await ok(as(admin).get(url))).toEqual(before);
  });

  it('changes the name, language, time zone, contact and policies, merging contact and policies by key', async () => {
    const changed = await ok(
      as(admin).patch(url, {
        name: 'Tea House Pune',
        language: 'hi-IN',
        timeZone: 'Asia/Kolkata',
        contact: { email: 'Hello@TeaHouse.example', phone: '+91 20 1234 5678', address },
        policies: { terms: 'Be kind.', returns: 'Unopened tins within 14 days.' },
      }),
    );
    expect(changed).toMatchObject({
      name: 'Tea House Pune',
      language: 'hi-IN',
      timeZone: 'Asia/Kolkata',
      contact: { email: 'hello@teahouse.example', phone: '+91 20 1234 5678', address },
      policies: {
        terms: 'Be kind.',
        returns: 'Unopened tins within 14 days.',
        privacy: null,
        shipping: null,
      },
    });
    const merged = await ok(
      as(admin).patch(url, {
        contact: { phone: null },
        policies: { terms: null, shipping: 'Ships in 2 days.' },
      }),
    );
    expect(merged.contact).toEqual({ email: 'hello@teahouse.example', phone: null, address });
    expect(merged.policies).toEqual({
      terms: null,
      privacy: null,
      returns: 'Unopened tins within 14 days.',
      shipping: 'Ships in 2 days.',
    });
    const seen = await ok(anonymous(store).get('/store'));
    expect(seen).toMatchObject({
      name: 'Tea House Pune',
      language: 'hi-IN',
      timeZone: 'Asia/Kolkata',
      contact: { email: 'hello@teahouse.example', phone: null, address },
      policies: ['returns', 'shipping'],
    });
    expect(await ok(anonymous(store).get('/store/policies/returns'))).toEqual({
      kind: 'returns',
      title: 'Returns policy',
      text: 'Unopened tins within 14 days.',
    });
    expect((await anonymous(store).get('/store/policies/terms')).statusCode).toBe(404);
    expect((await anonymous(store).get('/store/policies/cookies')).statusCode).toBe(404);
  });

  it('changes the currency of a store with no prices yet, and refuses it with 409 once it has an order', async () => {
    const fresh = await createStore(server, { name: 'Fresh' });
    const freshAdmin = await createAdmin(fresh);
    expect((await ok(as(freshAdmin).patch(url, { currency: 'USD' }))).currency).toBe('USD');
    expect((await ok(anonymous(fresh).get('/store'))).currency).toBe('USD');
    await ok(as(freshAdmin).patch(url, { currency: 'INR' }));

    await createOrder(fresh);
    const refused = await as(freshAdmin).patch(url, { currency: 'EUR', name: 'Renamed' });
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ type: expect.stringContaining('currency-in-use'), status: 409 });
    expect(refused.json().detail).toContain('INR');
    const after = await ok(as(freshAdmin).get(url));
    expect(after).toMatchObject({ currency: 'INR', name: 'Fresh' });
    // the same currency again, or no currency, is no change
    expect((await as(freshAdmin).patch(url, { currency: 'INR', name: 'Fresh Again' })).statusCode).toBe(200);
  });

  it('refuses a currency change once the store has a priced offer, before any order', async () => {
    const priced = await createStore(server, { name: 'Priced' });
    await createOffer(server, { storeId: priced.id, price: 1_000 });
    const res = await as(await createAdmin(priced)).patch(url, { currency: 'USD' });
    expect(res.statusCode).toBe(409);
  });
});

describe('the storefront shows the profile', () => {
  it('shows the contact details and links to the policies that are set in the footer', async () => {
    const res = await page('/');
    expect(res.statusCode).toBe(200);
    const footer = res.body.slice(res.body.indexOf('<footer'));
    expect(footer).toContain('Tea House Pune');
    expect(footer).toContain('12 Lake Road');
    expect(footer).toContain('href="mailto:hello@teahouse.example"');
    expect(footer).toContain('href="/policies/returns"');
    expect(footer).toContain('href="/policies/shipping"');
    expect(footer).not.toContain('href="/policies/terms"');
    expect(res.body).toContain('<html lang="hi-IN"');
  });

  it('shows a policy as text, a <script> in it included, and 404 for one that is not set', async () => {
    await ok(
      as(admin).patch(url, {
        policies: { privacy: 'We keep little.\n\n<script>alert("x")</script> & <b>bold</b>' },
      }),
    );
    const res = await page('/policies/privacy');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Privacy policy</h1>');
    expect(res.body).toContain('<p>We keep little.</p>');
    expect(res.body).toContain('&lt;script>alert(&quot;x&quot;)&lt;/script> &amp; &lt;b>bold&lt;/b>');
    expect(res.body).not.toContain('<script>alert');
    expect((await page('/policies/terms')).statusCode).toBe(404);
    expect((await page('/policies/cookies')).statusCode).toBe(404);
  });
});
