import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../harness.ts';
import {
  as,
  checkout,
  createAdmin,
  createCart,
  createCustomer,
  createOffer,
  createSeller,
  ok,
  type TestOffer,
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

// Reviews in a real browser: a buyer reviews a delivered item from the orders page, the product
// page shows it (stars, histogram, a script payload as text), another buyer votes, the admin's
// queue holds a review while moderation is on, and the seller's reply shows under its review.
const browserOrSkip = haveChromium || process.env.CI ? describe : describe.skip;

let server: TestServer;
let base: string;
let browser: Browser;
let admin: TestUser;
let seller: TestUser;
let offer: TestOffer;
let productName: string;

const SCRIPT_TITLE = '<script>window.__pwned = 1; alert(1)</script>';
const IMG_BODY = 'Warm light and solid brass. <img src=x onerror="window.__pwned = 2">';

beforeAll(async () => {
  server = await createTestServer();
  base = await listenForBrowser(server);
  admin = await createAdmin(server);
  seller = await createSeller(server, { businessName: 'Lamp Works' });
  offer = await createOffer(server, { seller, stock: 20, price: 129_900 });
  productName = (await ok(as(admin).get(`/products/${offer.slug}`))).name;
  browser = await launch();
});
afterAll(async () => {
  await release(browser);
  await server?.destroy();
});

/** A buyer named `name` whose order of the seller's lamp was delivered (the seller moves it on). */
async function deliveredBuyer(name: string) {
  const buyer = await createCustomer(server, { name });
  const cartId = await createCart(buyer, [{ offerId: offer.offerId, quantity: 1 }]);
  const { order } = await ok(checkout(buyer, cartId));
  const itemId = order.items[0].id as string;
  for (const status of ['PROCESSING', 'SHIPPED', 'DELIVERED'])
    await ok(as(seller).patch(`/seller/orders/${order.id}/items/${itemId}`, { status }));
  return { buyer, order: order as { id: string; number: string } };
}

/** Moderation on or off, the store's other review settings kept. */
async function moderation(on: boolean) {
  const settings = await ok(as(admin).get('/admin/review-settings'));
  await ok(as(admin).put('/admin/review-settings', { ...settings, moderation: on }));
}

/** A new visitor at `path`, signed in as `buyer` when given; a dialog (an `alert`) fails the test. */
async function open(path: string, buyer?: TestUser, width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  if (buyer) {
    const session = JSON.stringify({ accessToken: buyer.accessToken, refreshToken: buyer.refreshToken });
    await context.addInitScript((s) => {
      if (!localStorage.getItem('bazaar.session')) localStorage.setItem('bazaar.session', s);
    }, session);
  }
  const page = await context.newPage();
  page.on('dialog', (dialog) => {
    throw new Error(`a dialog opened: ${dialog.message()}`);
  });
  const answer = await page.goto(`${base}${path}`);
  expect(answer?.status()).toBeLessThan(500);
  return page;
}

const productPage = (buyer?: TestUser, width?: number) => open(`/products/${offer.slug}`, buyer, width);

/** Nothing the reviews carried ran: no marker set, no element made from their text. */
async function expectNothingRan(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('img[src="x"], main script:not([type])').count()).toBe(0);
}

browserOrSkip('reviews', () => {
  it('lets a buyer review a delivered item from the orders page; the product page shows it as text', async () => {
    const { buyer, order } = await deliveredBuyer('Asha Kumar');
    const page = await open('/account', buyer);
    await page.getByRole('button', { name: `Details of order ${order.number}` }).click();
    await page.getByRole('button', { name: `Write a review of ${productName}` }).click();
    const form = page.getByRole('form', { name: `Review ${productName}` });
    await form.getByRole('button', { name: 'Submit review' }).click();
    await form.getByText('Choose from one to five stars').waitFor();
    await form.getByRole('group', { name: 'Your rating' }).getByRole('radio', { name: '4 stars' }).check();
    await form.getByLabel('Title').fill(SCRIPT_TITLE);
    await form.getByLabel('Your review').fill(IMG_BODY);
    await form
      .getByRole('group', { name: /Delivery/ })
      .getByRole('radio', { name: '5 stars' })
      .check();
    await expectAccessible(page);
    await screenshot(page, 'reviews-write');
    await form.getByRole('button', { name: 'Submit review' }).click();
    await page.getByText('Published', { exact: true }).waitFor();
    await page.getByRole('button', { name: `Edit your review of ${productName}` }).waitFor();
    await expectNothingRan(page);
    await screenshot(page, 'reviews-account-own-review');
    const mine = await ok(as(buyer).get('/me/reviews'));
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({
      rating: 4,
      title: SCRIPT_TITLE,
      status: 'PUBLISHED',
      verifiedPurchase: true,
    });

    const visitor = await productPage();
    const reviews = visitor.locator('#reviews');
    await reviews.getByRole('img', { name: 'Rated 4 out of 5' }).first().waitFor();
    await reviews.getByRole('link', { name: /^4 stars: ?1 review$/ }).waitFor();
    await reviews.getByRole('link', { name: /^5 stars: ?0 reviews$/ }).waitFor();
    await reviews.getByRole('heading', { name: SCRIPT_TITLE }).waitFor();
    await reviews.getByText(IMG_BODY).waitFor();
    await reviews.getByText('Verified purchase', { exact: true }).waitFor();
    await reviews.getByText('Asha K.').waitFor();
    await expectNothingRan(visitor);
    // the same holds for the HTML the server sent: the payload arrives escaped
    const html = await (await fetch(`${base}/products/${offer.slug}`)).text();
    expect(html).not.toContain('<script>window.__pwned');
    expect(html).not.toContain('<img src=x');
    expect(html).toMatch(/&lt;script(>|&gt;)window\.__pwned/);
    await expectAccessible(visitor);
    await screenshot(visitor, 'reviews-product-page');
    // the product's card in a list shows its stars and count
    const home = await open('/');
    await home
      .getByRole('listitem')
      .filter({ hasText: productName })
      .getByRole('img', { name: 'Rated 4 out of 5' })
      .waitFor();
  }, 180_000);

  it('lets another buyer mark the review helpful, keeps the vote, and filters by stars', async () => {
    const voter = await createCustomer(server, { name: 'Ravi Menon' });
    const page = await productPage(voter);
    const helpful = page.getByRole('button', { name: 'Helpful (0)', exact: true });
    await helpful.click();
    await page.getByRole('button', { name: 'Helpful (1)', exact: true, pressed: true }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Helpful (1)', exact: true, pressed: true }).waitFor();
    expect((await ok(as(voter).get(`/products/${offer.slug}/reviews`))).items[0].helpfulCount).toBe(1);
    // a report with its reason
    await page.getByRole('button', { name: 'Report this review' }).click();
    await page.getByLabel('Why are you reporting it?').selectOption('off_topic');
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.getByText('Thank you: the store will look at this review.').waitFor();
    // a bar of the histogram filters the list to its stars
    await page.getByRole('link', { name: /^5 stars: ?0 reviews$/ }).click();
    await page.getByText('No reviews yet with these stars.').waitFor();
    expect(page.url()).toContain('stars=5');
  }, 180_000);

  it('holds a review in the admin queue while moderation is on and shows it once approved', async () => {
    const adminPage = await signInToConsole(browser, `${base}/admin/review-settings`, admin);
    await adminPage.getByLabel('Every review waits for approval').check();
    await adminPage.getByRole('button', { name: 'Save review settings' }).click();
    await adminPage.getByRole('status').getByText('Saved').waitFor();
    await expectAccessible(adminPage);
    await screenshot(adminPage, 'reviews-admin-settings');
    expect(await ok(as(admin).get('/admin/review-settings'))).toMatchObject({ moderation: true });

    const { buyer } = await deliveredBuyer('Meera Shah');
    await ok(
      as(buyer).post(`/products/${offer.slug}/reviews`, {
        rating: 2,
        title: 'Dimmer than I hoped',
        body: 'Fine for a bedside table.',
      }),
    );
    const before = await productPage();
    await before.locator('#reviews').getByText('Asha K.').waitFor();
    expect(await before.getByText('Dimmer than I hoped').count()).toBe(0);

    await adminPage.getByRole('link', { name: 'Reviews', exact: true }).click();
    const row = adminPage.getByRole('row').filter({ hasText: 'Dimmer than I hoped' });
    await row.waitFor();
    await expectAccessible(adminPage);
    await screenshot(adminPage, 'reviews-admin-queue');
    await row.getByRole('button', { name: 'Approve the review by Meera S.' }).click();
    await row.waitFor({ state: 'detached' });
    // the reported review: its detail lists the report
    await adminPage.getByLabel('Show').selectOption('REPORTED');
    await adminPage.getByRole('link', { name: SCRIPT_TITLE }).click();
    await adminPage.getByRole('table', { name: 'Reports' }).getByText('Not about the product').waitFor();
    await expectAccessible(adminPage);
    await screenshot(adminPage, 'reviews-admin-detail');

    const after = await productPage();
    await after.getByText('Dimmer than I hoped').waitFor();
    await after
      .locator('#reviews')
      .getByRole('link', { name: /^2 stars: ?1 review$/ })
      .waitFor();
    await moderation(false);
  }, 180_000);

  it('lets the seller reply in its console; the reply shows under the review', async () => {
    const page = await signInToConsole(browser, `${base}/seller/reviews`, seller);
    await page.getByLabel('Show').selectOption('false');
    await page.getByRole('button', { name: 'Reply to Asha K.' }).click();
    await page.getByLabel('Reply to Asha K.').fill('Thank you, Asha! <b>Glad</b> it lights your evenings.');
    await page.getByRole('button', { name: 'Save reply' }).click();
    // answered, it leaves the reviews not replied to
    await page.getByRole('button', { name: 'Reply to Asha K.' }).waitFor({ state: 'detached' });
    await page.getByLabel('Show').selectOption('true');
    await page.getByRole('row').filter({ hasText: 'Glad' }).waitFor();
    await page.getByRole('button', { name: 'Edit reply to Asha K.' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'reviews-seller');

    const product = await productPage();
    const reply = product.getByRole('complementary', { name: 'Reply from the seller' });
    await reply.getByText('Thank you, Asha! <b>Glad</b> it lights your evenings.').waitFor();
    await screenshot(product, 'reviews-product-reply');
    const phone = await productPage(undefined, 390);
    await phone.locator('#reviews').getByText('Reply from the seller').first().waitFor();
    await screenshot(phone, 'reviews-product-phone');
  }, 180_000);

  it('lists the buyer’s reviews with their status on /account/reviews', async () => {
    const { buyer } = await deliveredBuyer('Kiran Rao');
    await moderation(true);
    const written = await ok(
      as(buyer).post(`/products/${offer.slug}/reviews`, { rating: 1, title: 'Broke' }),
    );
    await ok(
      as(admin).post(`/admin/reviews/${written.id}/reject`, { reason: 'Describes a shipping mishap' }),
    );
    await moderation(false);
    const page = await open('/account/reviews', buyer);
    await page.getByText('Not published').waitFor();
    await page.getByText('Reason: Describes a shipping mishap').waitFor();
    await page.getByRole('link', { name: productName }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'reviews-account-mine');
    await page.getByRole('button', { name: `Delete your review of ${productName}` }).click();
    await page.getByRole('button', { name: 'Yes, delete it' }).click();
    await page.getByText('You have not reviewed anything yet', { exact: false }).waitFor();
  }, 180_000);
});
