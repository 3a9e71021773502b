import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../harness.ts';
import {
  as,
  checkout,
  createAdmin,
  createCart,
  createCustomer,
  createDeliveryAgent,
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

// The consoles in a real browser: each role signs in and sees its own work, and only its own.
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

/** A paid order of one unit of `offerId`; its number and id. */
async function order(offerId: string): Promise<{ id: string; number: string }> {
  const buyer = await createCustomer(server);
  const cartId = await createCart(buyer, [{ offerId, quantity: 1 }]);
  const placed = await ok(checkout(buyer, cartId, { payment: { provider: 'test', token: 'tok_success' } }));
  return placed.order;
}

/** The slugs of the store's products, newest first (the admin's product list shows this order). */
async function listProductSlugs(): Promise<string[]> {
  return (await ok(as(admin).get('/admin/products?limit=50'))).items.map((p: { slug: string }) => p.slug);
}

/** Opens a console and signs in as `user`. */
function signIn(path: string, user: TestUser): Promise<Page> {
  return signInToConsole(browser, `${base}${path}`, user);
}

browserOrSkip('consoles', () => {
  it('lets an admin sign in and see the orders and the products', async () => {
    const { offerId } = await createOffer(server, { stock: 5 });
    const placed = await order(offerId);
    const page = await signIn('/admin', admin);
    await page.getByRole('link', { name: 'Orders', exact: true }).click();
    await page.getByRole('table', { name: 'Orders' }).getByRole('cell', { name: placed.number }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'admin-orders');
    await page.getByRole('link', { name: 'Products' }).click();
    await page.getByRole('table', { name: 'Products' }).waitFor();
    await screenshot(page, 'admin-products');
  });

  it('lets an admin create a product that the storefront then sells, and ship a paid order', async () => {
    const { offerId } = await createOffer(server, { stock: 5 });
    const placed = await order(offerId);
    const page = await signIn('/admin', admin);
    await page.getByRole('link', { name: 'Products' }).click();
    await page.getByRole('button', { name: 'New product' }).click();
    await page.getByLabel('Name').fill('Copper water bottle');
    await page.getByLabel('SKU').fill('CWB-1');
    await page.getByLabel('Price').fill('abc');
    await page.getByRole('button', { name: 'Create product' }).click();
    await page.getByRole('alert').waitFor();
    await expect(page.getByLabel('Price').getAttribute('aria-invalid')).resolves.toBe('true');
    await page.getByLabel('Price').fill('849.50');
    await page.getByLabel('Stock').fill('12');
    await page.getByRole('button', { name: 'Create product' }).click();
    await page.getByRole('cell', { name: 'Copper water bottle' }).waitFor();
    const shop = await (await browser.newContext()).newPage();
    await shop.goto(`${base}/search?q=copper`);
    await shop.getByRole('link', { name: 'Copper water bottle' }).click();
    await shop.getByText('₹849.50').waitFor();
    await page.getByRole('link', { name: 'Orders', exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: placed.number });
    await row.getByRole('button', { name: 'Ship' }).click();
    await row
      .getByText('unfulfilled')
      .or(row.getByText('processing'))
      .or(row.getByText(/shipped/))
      .waitFor();
    const shipments = await ok(as(admin).get(`/admin/shipments?orderId=${placed.id}`));
    expect(shipments.items).toHaveLength(1);
  });

  it('lets an admin upload a product picture that the storefront then shows with its sizes', async () => {
    const { slug } = await createOffer(server, { stock: 5 });
    const page = await signIn('/admin', admin);
    await page.getByRole('link', { name: 'Products' }).click();
    const row = page
      .getByRole('row')
      .filter({ hasText: slug.replace(/-/g, ' ').slice(0, 12) })
      .first();
    const picture = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#c0392b' } })
      .png()
      .toBuffer();
    await page
      .getByLabel('Upload image')
      .first()
      .setInputFiles({ name: 'red.png', mimeType: 'image/png', buffer: picture });
    await page.getByRole('status').filter({ hasText: 'Uploaded' }).waitFor();
    expect(row).toBeDefined();
    const shop = await (await browser.newContext()).newPage();
    const uploaded = shop.locator('.gallery img[srcset]');
    for (const candidate of await listProductSlugs()) {
      await shop.goto(`${base}/products/${candidate}`);
      if ((await uploaded.count()) > 0) break;
    }
    await expect(uploaded.first().getAttribute('srcset')).resolves.toMatch(/ 480w/);
    const src = await uploaded.first().getAttribute('src');
    expect((await shop.request.get(`${base}${src}`)).status()).toBe(200);
  });

  it('refuses a wrong password beside the form and an account without the role', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${base}/admin`);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill('not-the-password-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    const buyer = await createCustomer(server);
    const other = await signIn('/admin', buyer);
    await other.getByText('This account cannot use the store console.').waitFor();
  });

  it('shows a seller its own order items and none of another seller', async () => {
    const [seller, rival] = await Promise.all([createSeller(server), createSeller(server)]);
    const mine = await order((await createOffer(server, { seller, stock: 5 })).offerId);
    const theirs = await order((await createOffer(server, { seller: rival, stock: 5 })).offerId);
    const page = await signIn('/seller', seller);
    await page.getByRole('cell', { name: mine.number }).waitFor();
    await expect(page.getByRole('cell', { name: theirs.number }).count()).resolves.toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'seller-items');
  });

  it('shows a delivery agent only its deliveries and moves one to its next status', async () => {
    const [agent, otherAgent] = await Promise.all([createDeliveryAgent(server), createDeliveryAgent(server)]);
    const { offerId } = await createOffer(server, { stock: 5 });
    const [mine, theirs] = [await order(offerId), await order(offerId)];
    const shipment = await ok(
      as(admin).post(`/admin/orders/${mine.id}/shipments`, { deliveryAgentId: agent.id }),
    );
    await ok(as(admin).post(`/admin/orders/${theirs.id}/shipments`, { deliveryAgentId: otherAgent.id }));
    const page = await signIn('/agent', agent);
    await page.getByRole('cell', { name: mine.number }).waitFor();
    await expect(page.getByRole('cell', { name: theirs.number }).count()).resolves.toBe(0);
    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(page);
    await screenshot(page, 'agent-deliveries');
    await page.getByRole('button', { name: 'Picked up' }).click();
    await page.getByRole('button', { name: 'In transit' }).waitFor();
    expect((await ok(as(agent).get(`/agent/deliveries/${shipment.id}`))).status).toBe('PICKED_UP');
  });

  it("shares the phone's location for the deliveries on the road and delivers with the cash due", async () => {
    const agent = await createDeliveryAgent(server);
    const { offerId } = await createOffer(server, { stock: 5, price: 45_000 });
    const buyer = await createCustomer(server);
    const cartId = await createCart(buyer, [{ offerId, quantity: 1 }]);
    const placed = (await ok(checkout(buyer, cartId, { payment: { provider: 'cod' } }))).order;
    const shipment = await ok(
      as(admin).post(`/admin/orders/${placed.id}/shipments`, { deliveryAgentId: agent.id }),
    );
    await ok(as(agent).post(`/agent/deliveries/${shipment.id}/events`, { status: 'PICKED_UP' }));
    const context = await browser.newContext({
      geolocation: { latitude: 18.5204, longitude: 73.8567, accuracy: 12 },
      permissions: ['geolocation'],
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    await page.goto(`${base}/agent`);
    await page.getByLabel('Email').fill(agent.email);
    await page.getByLabel('Password').fill(agent.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Share my location' }).click();
    await page.getByText(/Location shared at/).waitFor();
    await expect
      .poll(async () => (await ok(as(admin).get(`/admin/shipments/${shipment.id}`))).lastLocation)
      .toMatchObject({ lat: 18.5204, lng: 73.8567 });
    await page.getByRole('button', { name: 'In transit' }).click();
    await page.getByRole('button', { name: 'Delivered' }).click();
    await expect
      .poll(async () => (await ok(as(agent).get(`/agent/deliveries/${shipment.id}`))).status)
      .toBe('DELIVERED');
    const cash = await ok(as(agent).get('/agent/cash'));
    expect(cash.balances).toEqual([
      expect.objectContaining({ collected: { amount: 45_000, currency: 'INR' } }),
    ]);
    expect(cash.discrepancies).toEqual([]);
  });
});
