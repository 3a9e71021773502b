import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../harness.ts';
import {
  anonymous,
  as,
  checkout,
  createAdmin,
  createCart,
  createCustomer,
  createOffer,
  createSeller,
  ok,
  type TestUser,
} from '../kit/index.ts';
import {
  expectAccessible,
  haveChromium,
  launch,
  listenForBrowser,
  release,
  screenshot,
  signInToConsole,
} from './browser.ts';

// The seller console in a real browser: applying to sell, the profile, offers and their stock,
// fulfilment of order items and the seller's part of each invoice, none of another seller's.
const browserOrSkip = haveChromium || process.env.CI ? describe : describe.skip;

let server: TestServer;
let base: string;
let browser: Browser;
let admin: TestUser;

beforeAll(async () => {
  server = await createTestServer();
  base = await listenForBrowser(server);
  admin = await createAdmin(server);
  browser = await launch();
});
afterAll(async () => {
  await release(browser);
  await server?.destroy();
});

/** An order of one unit of `offerId`, paid by card or cash on delivery; its number and id. */
async function order(offerId: string, provider: 'test' | 'cod' = 'test') {
  const buyer = await createCustomer(server);
  const cartId = await createCart(buyer, [{ offerId, quantity: 1 }]);
  const payment = provider === 'test' ? { provider, token: 'tok_success' } : { provider };
  const placed = await ok(checkout(buyer, cartId, { payment }));
  return placed.order as { id: string; number: string };
}

/** Opens the seller console and signs in as `user`. */
function signIn(user: TestUser): Promise<Page> {
  return signInToConsole(browser, `${base}/seller`, user);
}

/** The name of a product the storefront shows under `slug`. */
async function productName(slug: string): Promise<string> {
  return (await ok(anonymous(server).get(`/products/${slug}`))).name;
}

browserOrSkip('seller console', () => {
  it('lets a user apply to sell, wait while pending, then open the console and edit its profile', async () => {
    const user = await createCustomer(server);
    const page = await signIn(user);
    await page.getByText('You have not applied to sell in this store yet.').waitFor();
    await page.getByLabel('Business name').fill('Rao Textiles');
    await page.getByRole('button', { name: 'Apply to sell' }).click();
    await page.locator('.badge', { hasText: 'PENDING' }).waitFor();
    expect(await page.getByRole('link', { name: 'Offers' }).count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'seller-application');
    await page.goto(`${base}/seller/offers`);
    await page.getByText('This console has no page at this address.').waitFor();

    await ok(as(admin).post(`/admin/sellers/${user.id}/approve`, {}));
    await page.goto(`${base}/seller/profile`);
    await page.locator('.badge', { hasText: 'APPROVED' }).waitFor();
    await page.getByLabel('Account holder').fill('Rao Textiles');
    await page.getByLabel('Bank name').fill('State Bank');
    await page.getByLabel('Account number').fill('12');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Letters and digits only (4 to 34).').waitFor();
    await expect(page.getByLabel('Account number').getAttribute('aria-invalid')).resolves.toBe('true');
    await page.getByLabel('Account number').fill('001234567890');
    await page.getByLabel('Business type').fill('wholesale');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Account on file ends in 7890.').waitFor();
    const profile = await ok(as(user).get('/me/profile'));
    expect(profile.seller).toMatchObject({
      businessType: 'wholesale',
      bankDetails: { accountNumberLast4: '7890', bankName: 'State Bank' },
    });
    await screenshot(page, 'seller-profile');
    // the session renewed itself with the SELLER role: the seller's own lists answer
    await page.getByRole('link', { name: 'Offers' }).click();
    await page.getByRole('table', { name: 'Offers' }).waitFor();
  });

  it('changes an offer’s price the storefront then shows, receives stock and offers another product', async () => {
    const [seller, rival] = await Promise.all([createSeller(server), createSeller(server)]);
    const mine = await createOffer(server, { seller, stock: 5, price: 10_000 });
    const theirs = await createOffer(server, { seller: rival, stock: 5, price: 20_000 });
    const [myName, theirName] = [await productName(mine.slug), await productName(theirs.slug)];
    const page = await signIn(seller);
    await page.getByRole('link', { name: 'Offers' }).click();
    const row = page.getByRole('row').filter({ hasText: myName });
    await row.waitFor();
    expect(await page.getByRole('cell', { name: new RegExp(theirName) }).count()).toBe(0);
    const price = row.getByLabel(/^Price of/);
    await price.fill('abc');
    await row.getByRole('button', { name: 'Save price' }).click();
    await expect.poll(() => price.getAttribute('aria-invalid')).toBe('true');
    await price.fill('125.50');
    await row.getByRole('button', { name: 'Save price' }).click();
    await row.getByRole('status').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'seller-offers');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'seller-offers-phone');
    await page.setViewportSize({ width: 1280, height: 720 });
    const shop = await (await browser.newContext()).newPage();
    await shop.goto(`${base}/products/${mine.slug}`);
    await shop.getByText('₹125.50').first().waitFor();

    await page.getByLabel('Product address or slug').fill(`${base}/products/${theirs.slug}`);
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByLabel(/^Your price for/).fill('195');
    await page.getByRole('button', { name: 'Offer', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Offered' }).waitFor();
    const offers = (await ok(as(seller).get('/admin/offers'))).items;
    expect(offers.map((o: { productId: string }) => o.productId).sort()).toEqual(
      [mine.productId, theirs.productId].sort(),
    );

    await row.getByRole('link', { name: /^Stock of/ }).click();
    await page.getByLabel('Units received').fill('0');
    await page.getByRole('button', { name: 'Receive stock' }).click();
    await expect.poll(() => page.getByLabel('Units received').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Units received').fill('7');
    await page.getByRole('button', { name: 'Receive stock' }).click();
    await page.getByRole('cell', { name: '+7', exact: true }).waitFor();
    const movements = await ok(as(seller).get(`/admin/inventory/offers/${mine.offerId}/movements`));
    expect(movements.items[0]).toMatchObject({ type: 'INBOUND', quantityChange: 7 });
    await expectAccessible(page);
    await screenshot(page, 'seller-offer-stock');
  });

  it('moves items along fulfilment with the API’s refusal shown, ships one and opens its invoice part', async () => {
    const [seller, rival] = await Promise.all([createSeller(server), createSeller(server)]);
    const { offerId } = await createOffer(server, { seller, stock: 10 });
    const [paid, toShip, cod] = [await order(offerId), await order(offerId), await order(offerId, 'cod')];
    const theirs = await order((await createOffer(server, { seller: rival, stock: 5 })).offerId);
    const page = await signIn(seller);
    await page.getByRole('cell', { name: paid.number }).waitFor();
    expect(await page.getByRole('cell', { name: theirs.number }).count()).toBe(0);
    const row = page.getByRole('row').filter({ hasText: paid.number });
    await row.getByRole('button', { name: 'Processing' }).click();
    await row.getByRole('button', { name: 'Shipped' }).click();
    await row.getByRole('cell', { name: 'SHIPPED', exact: true }).waitFor();
    const items = (await ok(as(seller).get('/seller/order-items'))).items;
    expect(items.find((i: { orderId: string }) => i.orderId === paid.id).fulfillmentStatus).toBe('SHIPPED');

    const cash = page.getByRole('row').filter({ hasText: cod.number });
    await cash.getByRole('button', { name: 'Processing' }).click();
    await cash.getByRole('button', { name: 'Shipped' }).click();
    await cash.getByRole('button', { name: 'Delivered' }).click();
    await cash.getByRole('alert').waitFor();

    await page
      .getByRole('row')
      .filter({ hasText: toShip.number })
      .getByRole('button', { name: 'Create shipment' })
      .click();
    await expect
      .poll(async () => (await ok(as(seller).get(`/admin/shipments?orderId=${toShip.id}`))).items.length)
      .toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'seller-order-items');

    await page.getByRole('link', { name: 'Invoices' }).click();
    await page.getByRole('cell', { name: paid.number, exact: true }).waitFor();
    expect(await page.getByRole('cell', { name: theirs.number }).count()).toBe(0);
    // the bytes the console receives, read on their way (the page's policy keeps scripts off blob: URLs)
    let received = '';
    await page.route('**/invoice', async (route) => {
      const response = await route.fetch();
      received = (await response.body()).subarray(0, 5).toString();
      await route.fulfill({ response });
    });
    const popup = page.waitForEvent('popup');
    await page.getByRole('button', { name: `Invoice ${paid.number} (PDF)` }).click();
    const opened = await popup;
    expect(opened.url()).toMatch(/^blob:/);
    expect(received).toBe('%PDF-');
    await expect.poll(() => opened.evaluate(() => document.contentType)).toBe('application/pdf');
    await expectAccessible(page);
    await screenshot(page, 'seller-invoices');
  });
});
