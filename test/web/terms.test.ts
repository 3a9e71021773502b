import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../harness.ts';
import { as, createAdmin, createCustomer, createOffer, ok, type TestUser } from '../kit/index.ts';
import {
  expectAccessible,
  haveChromium,
  launch,
  listenForBrowser,
  release,
  screenshot,
  signInToConsole,
} from './browser.ts';

// Terms in a real browser: staff write and publish a version in /admin/terms; the storefront shows
// it at /terms/{kind}; sign-up and checkout ask for the terms of sale with a checkbox; the account
// asks again when a new version needs acceptance.
const browserOrSkip = haveChromium || process.env.CI ? describe : describe.skip;

let server: TestServer;
let base: string;
let browser: Browser;
let admin: TestUser;
let product: { slug: string };

async function publish(kind: string, fields: { title: string; body: string; requiresAcceptance?: boolean }) {
  const draft = await ok(as(admin).post(`/admin/terms/${kind}/drafts`, { language: 'en', ...fields }));
  return ok(as(admin).post(`/admin/terms/versions/${draft.id}/publish`, {}));
}

beforeAll(async () => {
  server = await createTestServer();
  base = await listenForBrowser(server);
  admin = await createAdmin(server);
  product = await createOffer(server, { stock: 20, price: 49_900 });
  await publish('terms-of-sale', {
    title: 'Terms of sale',
    body: 'Orders ship within two days.\n\nPrices include tax.',
  });
  browser = await launch();
});
afterAll(async () => {
  await release(browser);
  await server?.destroy();
});

async function open(path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  const answer = await page.goto(`${base}${path}`);
  expect(answer?.status()).toBeLessThan(500);
  return page;
}

browserOrSkip('terms', () => {
  it('writes a draft in the console and publishes it as the current version', async () => {
    const page = await signInToConsole(browser, `${base}/admin/terms`, admin);
    await page.getByRole('heading', { name: 'Terms' }).first().waitFor();
    await page.getByLabel('Kind').selectOption('returns-policy');
    await page.getByLabel('Title').fill('Returns policy');
    await page.getByLabel('Text').fill('Return unopened items within 14 days.');
    // a policy buyers read but need not accept (so the later sign-up asks for the terms of sale alone)
    await page.getByLabel(/Ask users to accept/).uncheck();
    await page.getByRole('button', { name: 'Save draft' }).click();
    const table = page.getByRole('table', { name: 'Versions of returns-policy' });
    await table.getByRole('cell', { name: 'Draft', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Publish en draft' }).click();
    await table.getByRole('cell', { name: 'Current', exact: true }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'admin-terms');
    const current = await ok(as(admin).get('/terms/returns-policy'));
    expect(current).toMatchObject({ version: 1, title: 'Returns policy', requiresAcceptance: false });
  });

  it('shows the current text with its version and date, also where the store policy was', async () => {
    const page = await open('/terms/terms-of-sale');
    await page.getByRole('heading', { name: 'Terms of sale' }).waitFor();
    await page.getByText(/Version 1, published/).waitFor();
    await page.getByText('Prices include tax.').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'storefront-terms');
    const map = await (await fetch(`${base}/sitemap.xml`)).text();
    expect(map).toContain('/terms/terms-of-sale</loc>');
    const policy = await open('/policies/terms');
    await policy.getByText('Orders ship within two days.').waitFor();
    const unknown = await fetch(`${base}/terms/no-such-kind`, { headers: { accept: 'text/html' } });
    expect(unknown.status).toBe(404);
    expect((await fetch(`${base}/terms/terms-of-sale/versions/abc`)).status).toBe(404);
  });

  it('asks for the terms of sale at sign-up and records the acceptance', async () => {
    const page = await open('/account');
    await page.getByRole('button', { name: 'Create an account' }).click();
    await page.getByLabel('Name').fill('Meera');
    const email = `terms-browser-${Date.now()}@example.test`;
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page
      .getByRole('alert')
      .getByText(/Accept Terms of sale/)
      .waitFor();
    await page.getByLabel('I accept the terms of sale').check();
    await expectAccessible(page);
    await screenshot(page, 'storefront-sign-up-terms');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Your orders' }).waitFor();
    const { rows } = await server.database.pool.query(
      `SELECT a.kind, a.version, a.context FROM terms_acceptances a JOIN users u ON u.id = a.user_id WHERE u.email = $1`,
      [email],
    );
    expect(rows).toEqual([{ kind: 'terms-of-sale', version: 1, context: 'SIGN_UP' }]);
  });

  it('asks a guest to accept the terms of sale at checkout, then places the order', async () => {
    const page = await open(`/products/${product.slug}`);
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.getByText('Added to your cart').waitFor();
    await page.goto(`${base}/checkout`);
    const fields = {
      Email: 'terms-guest@example.test',
      Name: 'Asha Rao',
      'Address line 1': '12 MG Road',
      City: 'Pune',
      State: 'MH',
      'Postal code': '411001',
      Country: 'IN',
    };
    for (const [label, value] of Object.entries(fields))
      await page.getByLabel(label, { exact: true }).fill(value);
    await page.getByRole('button', { name: 'Place order' }).click();
    await page
      .getByRole('alert')
      .getByText(/Accept Terms of sale/)
      .waitFor();
    await page.getByLabel('I accept the terms of sale').check();
    await expectAccessible(page);
    await screenshot(page, 'storefront-checkout-terms');
    await page.getByRole('button', { name: 'Place order' }).click();
    const number = await page.getByRole('status').locator('strong').textContent();
    const { rows } = await server.database.pool.query(
      `SELECT a.kind, a.version, a.email FROM terms_acceptances a JOIN orders o ON o.id = a.order_id WHERE o.number = $1`,
      [number],
    );
    expect(rows).toEqual([{ kind: 'terms-of-sale', version: 1, email: 'terms-guest@example.test' }]);
  });

  it('prompts a signed-in buyer to accept a new version in the account', async () => {
    const buyer = await createCustomer(server);
    await ok(as(buyer).post('/me/terms/accept', { acceptedTerms: [{ kind: 'terms-of-sale', version: 1 }] }));
    await publish('terms-of-sale', { title: 'Terms of sale', body: 'Orders ship within three days.' });
    const page = await open('/account');
    await page.getByLabel('Email').fill(buyer.email);
    await page.getByLabel('Password').fill(buyer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const prompt = page.getByRole('region', { name: 'Updated terms' });
    await prompt.getByText(/version 2/).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'storefront-account-terms');
    await prompt.getByRole('button', { name: 'Accept the terms of sale' }).click();
    await expect.poll(() => prompt.count()).toBe(0);
    const mine = await ok(as(buyer).get('/me/terms'));
    expect(mine.items.find((i: { kind: string }) => i.kind === 'terms-of-sale')).toMatchObject({
      acceptedVersion: 2,
      pending: false,
    });
  });

  it('asks an applicant to accept the seller agreement in the seller console, then shows it accepted', async () => {
    await publish('seller-agreement', { title: 'Seller agreement', body: 'Fees are 5% of each sale.' });
    const applicant = await createCustomer(server);
    const page = await signInToConsole(browser, `${base}/seller/profile`, applicant);
    await page.getByLabel('Business name').fill('Chai Corner');
    await page.getByLabel('I accept the seller agreement').check();
    await expectAccessible(page);
    await screenshot(page, 'seller-apply-terms');
    await page.getByRole('button', { name: 'Apply to sell' }).click();
    await page.getByText('Your application is waiting').waitFor();
    const { rows } = await server.database.pool.query(
      'SELECT kind, version, context FROM terms_acceptances WHERE user_id = $1',
      [applicant.id],
    );
    expect(rows).toEqual([{ kind: 'seller-agreement', version: 1, context: 'SIGN_UP' }]);
    await ok(as(admin).post(`/admin/sellers/${applicant.id}/approve`, {}));
    const seller = await signInToConsole(browser, `${base}/seller/profile`, applicant);
    await seller.getByText('accepted (version 1)').waitFor();
    await screenshot(seller, 'seller-terms');
  });
});
