import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import {
  anonymous,
  as,
  createAdmin,
  createCustomer,
  createOrder,
  createStore,
  defaultStore,
  ok,
  type TestStore,
} from '../../../test/kit/index.ts';
import { lastMailTo, tokenIn } from '../../../test/mail.ts';
import { canonicalOrigin, originOptions } from './index.ts';

// Every link a store mails points to that store's own address: a buyer of bakery.localhost is
// never sent to the default shop, and a store on its own domain links there.
let server: TestServer;
let counter = 0;
const uniqueEmail = (tag: string) => `${tag}-${++counter}-${Date.now()}@example.test`;
let bakery: TestStore;
let corner: TestStore;

beforeAll(async () => {
  server = await createTestServer({ env: { PUBLIC_URL: 'http://localhost:3000' } });
  [bakery, corner] = await Promise.all([
    createStore(server, { name: 'Bakery', domain: 'bakery' }),
    createStore(server, { name: 'Corner Shop', domain: 'corner', customDomain: 'shop.corner.example' }),
  ]);
  const admin = await createAdmin(bakery);
  await ok(as(admin).patch('/admin/store/settings', { contact: { email: 'hello@bakery.example' } }));
});
afterAll(async () => server?.destroy());

async function resetLink(store: TestStore) {
  const customer = await createCustomer(store);
  expect((await anonymous(store).post('/auth/password-reset', { email: customer.email })).statusCode).toBe(
    202,
  );
  const mail = await lastMailTo(server, customer.email, /reset/i);
  const link = new URL(/^https?:\/\/\S+\/account\/reset-password\?token=\S+$/m.exec(mail.text)![0]);
  expect(link.searchParams.get('token')).toBe(tokenIn(mail));
  return { link, mail };
}

describe('canonical origins in mails', () => {
  it('links a second store’s password reset to that store’s subdomain, sent under its name', async () => {
    const { link, mail } = await resetLink(bakery);
    expect(link.origin).toBe('http://bakery.localhost:3000');
    expect(mail.from).toContain('Bakery');
    expect(mail.replyTo).toBe('hello@bakery.example');
  });

  it('links a store with a verified custom domain to https on that domain', async () => {
    expect((await resetLink(corner)).link.origin).toBe('https://shop.corner.example');
  });

  it('keeps PUBLIC_URL for the default store', async () => {
    expect((await resetLink(defaultStore(server))).link.origin).toBe('http://localhost:3000');
  });

  it('links the verification mail of a new account to its store', async () => {
    const email = uniqueEmail('verify');
    const registered = await anonymous(bakery).post('/auth/register', {
      email,
      password: 'walnut-harbour-47-kite',
      name: 'New Buyer',
    });
    expect(registered.statusCode).toBe(201);
    const mail = await lastMailTo(server, email, /confirm your email/i);
    expect(mail.text).toContain(`http://bakery.localhost:3000/account/verify-email?token=${tokenIn(mail)}`);
    expect(mail.text).toContain('at Bakery');
  });

  it('sends the order confirmation under the store’s name, with its contact and a link to its own address', async () => {
    const { buyer, order } = await createOrder(bakery);
    // the confirmation, not the payment's mail (its subject says "payment received")
    const mail = await lastMailTo(server, buyer.email, new RegExp(`order ${order.number} received`));
    expect(mail.subject).toContain(`Bakery: order ${order.number}`);
    expect(mail.from).toContain('Bakery');
    expect(mail.replyTo).toBe('hello@bakery.example');
    expect(mail.text).toContain('http://bakery.localhost:3000/account');
    expect(mail.text).toContain('hello@bakery.example');
  });

  it('derives the origin from the configuration', () => {
    const options = originOptions({ BASE_DOMAIN: 'shops.example', PUBLIC_URL: undefined, PORT: 8080 });
    const store = { isDefault: false, domain: 'tea', customDomain: null, customDomainVerified: false };
    expect(canonicalOrigin(store, options)).toBe('http://tea.shops.example:8080');
    const https = originOptions({
      BASE_DOMAIN: 'shops.example',
      PUBLIC_URL: 'https://shops.example',
      PORT: 8080,
    });
    expect(canonicalOrigin(store, https)).toBe('https://tea.shops.example');
    // an unverified custom domain is not the store's address yet
    expect(canonicalOrigin({ ...store, customDomain: 'tea.example' }, https)).toBe(
      'https://tea.shops.example',
    );
    expect(
      canonicalOrigin({ ...store, customDomain: 'tea.example', customDomainVerified: true }, https),
    ).toBe('https://tea.example');
    expect(canonicalOrigin({ ...store, isDefault: true }, options)).toBeNull();
  });
});
