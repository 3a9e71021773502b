import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../src/web/format.ts';
import { createTestServer, type TestServer } from '../harness.ts';
import {
  as,
  checkout,
  createAdmin,
  createCart,
  createCustomer,
  createOffer,
  createOrder,
  createWarehouse,
  ok,
  type TestUser,
} from '../kit/index.ts';
import { expectAccessible, haveChromium, launch, listenForBrowser, release, screenshot } from './browser.ts';

// The admin console's dashboard, inventory and settings pages in a real browser.
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

/** Opens the admin console and signs in; it opens on the dashboard. */
async function signIn(): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${base}/admin`);
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
  return page;
}

/** Today's summary as the API answers it (the browser and the server share this machine's zone). */
async function todaySummary(): Promise<{
  count: number;
  revenue: Array<{ amount: number; currency: string }>;
}> {
  const start = new Date();
  start.setHours(0, 0, 0, 0);
  const end = new Date(start.getTime() + 86_400_000);
  const query = `from=${encodeURIComponent(start.toISOString())}&to=${encodeURIComponent(end.toISOString())}`;
  return ok(as(admin).get(`/admin/orders/summary?${query}`));
}

/** The offer's stock in each warehouse, by warehouse id. */
async function onHand(offerId: string): Promise<Map<string, number>> {
  const stock = await ok(as(admin).get(`/admin/inventory/offers/${offerId}`));
  return new Map(
    stock.warehouses.map((w: { warehouse: { id: string }; onHand: number }) => [w.warehouse.id, w.onHand]),
  );
}

async function defaultWarehouse(): Promise<{ id: string; code: string; name: string }> {
  const list = await ok(as(admin).get('/admin/warehouses?limit=100'));
  return list.items.find((w: { isDefault: boolean }) => w.isDefault);
}

const inr = (amount: number) => formatMoney({ amount, currency: 'INR' }, 'en-US');

browserOrSkip('admin console: dashboard, inventory, settings', () => {
  it('opens on the dashboard, with a just-placed order in today’s count and revenue and a low-stock offer', async () => {
    const { offerId } = await createOffer(server, { stock: 4, price: 45_000 });
    const warehouse = await defaultWarehouse();
    await ok(
      as(admin).patch(`/admin/inventory/offers/${offerId}/warehouses/${warehouse.id}`, { reorderPoint: 10 }),
    );
    const before = await todaySummary();
    const buyer = await createCustomer(server);
    const cartId = await createCart(buyer, [{ offerId, quantity: 1 }]);
    const placed = await ok(checkout(buyer, cartId, { payment: { provider: 'test', token: 'tok_success' } }));
    const revenueBefore = before.revenue.find((m) => m.currency === 'INR')?.amount ?? 0;
    const page = await signIn();
    const today = page.getByRole('definition');
    await expect(today.first().textContent()).resolves.toBe(String(before.count + 1));
    await expect(today.nth(1).textContent()).resolves.toBe(
      inr(revenueBefore + placed.order.totals.total.amount),
    );
    await page
      .getByRole('table', { name: 'Low stock' })
      .getByRole('link', { name: offerId.slice(-8) })
      .waitFor();
    await page
      .getByRole('table', { name: 'Recent orders' })
      .getByRole('cell', { name: placed.order.number })
      .waitFor();
    await expectAccessible(page);
    await screenshot(page, 'admin-dashboard');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'admin-dashboard-phone');
  });

  it('receives stock into a lot, refuses a bad adjustment beside its field, adjusts and transfers', async () => {
    const { offerId } = await createOffer(server, { stock: 5 });
    const [main, second] = [await defaultWarehouse(), await createWarehouse(server, { name: 'Pune annexe' })];
    const page = await signIn();
    await page.getByRole('link', { name: 'Inventory' }).click();
    await page.getByRole('table', { name: 'Products' }).getByRole('link').first().click();
    await page.getByRole('heading', { name: /^Stock of Test product/ }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'admin-inventory-product');
    await page.getByRole('link', { name: /^Manage stock of/ }).click();
    const receive = page.getByRole('form', { name: 'Receive stock' });
    await receive.getByLabel('Warehouse').selectOption({ label: `${main.name} (${main.code})` });
    await receive.getByLabel('Quantity').fill('7');
    await receive.getByLabel('Lot code (optional)').fill('LOT-42');
    await receive.getByRole('button', { name: 'Receive' }).click();
    await receive.getByRole('status').waitFor();
    expect((await onHand(offerId)).get(main.id)).toBe(12);
    const stock = page.getByRole('table', { name: 'Stock by warehouse' });
    await stock
      .getByRole('row')
      .filter({ hasText: main.name })
      .getByRole('cell', { name: '12', exact: true })
      .first()
      .waitFor();
    const movements = page.getByRole('table', { name: 'Movements' });
    await movements.getByRole('row').filter({ hasText: 'LOT-42' }).filter({ hasText: '+7' }).waitFor();

    const adjust = page.getByRole('form', { name: 'Adjust stock' });
    await adjust.getByLabel('Warehouse').selectOption({ label: `${main.name} (${main.code})` });
    await adjust.getByLabel('Change (+ or −)').fill('two');
    await adjust.getByLabel('Reason').fill('Counted the shelf');
    await adjust.getByRole('button', { name: 'Adjust' }).click();
    await adjust.getByRole('alert').waitFor();
    await expect(adjust.getByLabel('Change (+ or −)').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(adjust.locator('#adjust-delta-error').textContent()).resolves.toMatch(/\w/);
    expect((await onHand(offerId)).get(main.id)).toBe(12);
    await adjust.getByLabel('Change (+ or −)').fill('-2');
    await adjust.getByRole('button', { name: 'Adjust' }).click();
    await adjust.getByRole('status').waitFor();
    expect((await onHand(offerId)).get(main.id)).toBe(10);

    const transfer = page.getByRole('form', { name: 'Transfer between warehouses' });
    await transfer.getByLabel('From').selectOption({ label: `${main.name} (${main.code})` });
    await transfer.getByLabel('To').selectOption({ label: `${second.name} (${second.code})` });
    await transfer.getByLabel('Quantity').fill('3');
    await transfer.getByRole('button', { name: 'Transfer' }).click();
    await transfer.getByRole('status').waitFor();
    const after = await onHand(offerId);
    expect([after.get(main.id), after.get(second.id)]).toEqual([7, 3]);
    await stock.getByRole('row').filter({ hasText: 'Pune annexe' }).waitFor();
    await movements.getByRole('row').filter({ hasText: 'transfer' }).first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'admin-inventory-offer');
    await page.getByRole('link', { name: 'Inventory' }).click();
    await page.getByRole('table', { name: 'Low stock' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'admin-inventory');
  });

  it('creates a warehouse and renames it', async () => {
    const page = await signIn();
    await page.getByRole('link', { name: 'Warehouses' }).click();
    const form = page.getByRole('form', { name: 'New warehouse' });
    await form.getByLabel('Code').fill('NAS 1');
    await form.getByLabel('Name').fill('Nashik depot');
    await form.getByLabel('Address').fill('12 MG Road');
    await form.getByLabel('City', { exact: true }).fill('Nashik');
    await form.getByLabel('Country').fill('IN');
    await form.getByRole('button', { name: 'Create warehouse' }).click();
    await form.getByRole('alert').waitFor();
    await expect(form.getByLabel('Code').getAttribute('aria-invalid')).resolves.toBe('true');
    await form.getByLabel('Code').fill('NAS-1');
    await form.getByRole('button', { name: 'Create warehouse' }).click();
    await page.getByRole('link', { name: 'NAS-1' }).click();
    const edit = page.getByRole('form', { name: 'Warehouse NAS-1' });
    await edit.getByLabel('Name').fill('Nashik main depot');
    await edit.getByRole('button', { name: 'Save warehouse' }).click();
    await edit.getByRole('status').waitFor();
    const list = await ok(as(admin).get('/admin/warehouses?limit=100'));
    expect(list.items.find((w: { code: string }) => w.code === 'NAS-1')).toMatchObject({
      name: 'Nashik main depot',
      address: { city: 'Nashik', country: 'IN' },
    });
    await expectAccessible(page);
    await screenshot(page, 'admin-warehouse');
  });

  it('adds a tax rule, a shipping method and a carrier, and changes a store setting', async () => {
    const page = await signIn();
    await page.getByRole('link', { name: 'Tax rules' }).click();
    const tax = page.getByRole('form', { name: 'New tax rule' });
    await tax.getByLabel('Name').fill('Cess');
    await tax.getByLabel('Country (2 letters)').fill('IN');
    await tax.getByLabel('Rate (%)').fill('lots');
    await tax.getByRole('button', { name: 'Add tax rule' }).click();
    await tax.getByRole('alert').waitFor();
    await expect(tax.getByLabel('Rate (%)').getAttribute('aria-invalid')).resolves.toBe('true');
    await tax.getByLabel('Rate (%)').fill('1.5');
    await tax.getByRole('button', { name: 'Add tax rule' }).click();
    await page.getByRole('table', { name: 'Tax rules' }).getByRole('cell', { name: '1.5%' }).waitFor();
    const rules = (await ok(as(admin).get('/admin/tax-rules'))).items;
    expect(rules).toContainEqual(
      expect.objectContaining({ name: 'Cess', country: 'IN', rateBp: 150, active: true }),
    );
    await expectAccessible(page);
    await screenshot(page, 'admin-tax-rules');
    await page.getByRole('button', { name: 'Deactivate Cess' }).click();
    await page.getByRole('cell', { name: 'Inactive' }).waitFor();

    await page.getByRole('link', { name: 'Shipping' }).click();
    const method = page.getByRole('form', { name: 'New shipping method' });
    await method.getByLabel('Code').fill('express');
    await method.getByLabel('Name').fill('Express');
    await method.getByLabel('Price', { exact: true }).fill('149.50');
    await method.getByRole('button', { name: 'Add shipping method' }).click();
    await page
      .getByRole('table', { name: 'Shipping methods' })
      .getByRole('cell', { name: 'Express', exact: true })
      .waitFor();
    const methods = (await ok(as(admin).get('/shipping-methods'))).items;
    expect(methods).toContainEqual(
      expect.objectContaining({ code: 'express', flatAmount: { amount: 14_950, currency: 'INR' } }),
    );
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Carriers' }).click();
    const carrier = page.getByRole('form', { name: 'Add or change a carrier' });
    await carrier.getByLabel('Code').fill('delhivery');
    await carrier.getByLabel('Name').fill('Delhivery');
    await carrier.getByLabel(/^Tracking link/).fill('https://track.example/{trackingNumber}');
    await carrier.getByRole('button', { name: 'Save carrier' }).click();
    await page
      .getByRole('table', { name: 'Carriers' })
      .getByRole('cell', { name: 'Delhivery', exact: true })
      .waitFor();
    expect((await ok(as(admin).get('/admin/carriers'))).items).toContainEqual(
      expect.objectContaining({
        code: 'delhivery',
        trackingUrlTemplate: 'https://track.example/{trackingNumber}',
      }),
    );

    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    const settings = page.getByRole('form', { name: 'Settings' });
    await settings.getByLabel('Return window (days)').fill('30');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await settings.getByRole('status').waitFor();
    expect((await ok(as(admin).get('/admin/store/settings'))).returnWindowDays).toBe(30);
    await expectAccessible(page);
    await screenshot(page, 'admin-settings');
  });
  it('adds a delivery slot in two languages, turns one off, and is told why a used reason stays', async () => {
    const page = await signIn();
    await page.getByRole('link', { name: 'Lookups' }).click();
    await page.getByLabel('List').selectOption('delivery-slot');
    const values = page.getByRole('table', { name: 'Values of delivery-slot' });
    await values.getByRole('cell', { name: 'Morning (9:00–12:00)' }).waitFor();
    const form = page.getByRole('form', { name: 'Add or change a value' });
    await form.getByLabel('Code').fill('night');
    await form.getByLabel('Label (English)').fill('Night (21:00–23:00)');
    await form.getByLabel(/^Labels in other languages/).fill('hi = रात (21:00–23:00)');
    await form.getByLabel('Order').fill('40');
    await form.getByRole('button', { name: 'Save value' }).click();
    await values.getByRole('cell', { name: 'hi: रात (21:00–23:00)' }).waitFor();
    await page.getByRole('button', { name: 'Turn off evening' }).click();
    await page.getByRole('button', { name: 'Turn on evening' }).waitFor();
    const slots = await ok(as(admin).get('/lookups/delivery-slot?lang=hi'));
    expect(slots.values.map((v: { code: string }) => v.code)).toEqual(['morning', 'afternoon', 'night']);
    expect(slots.values[2].label).toBe('रात (21:00–23:00)');
    await expectAccessible(page);
    await screenshot(page, 'admin-lookups');

    const { order, buyer } = await createOrder(server, { status: 'DELIVERED' });
    await ok(
      as(buyer).post(`/orders/${order.id}/returns`, {
        items: [{ orderItemId: order.items[0]!.id, quantity: 1 }],
        reasonCode: 'wrong-item',
      }),
    );
    await page.getByLabel('List').selectOption('return-reason');
    await page.getByRole('button', { name: 'Delete wrong-item' }).click();
    await page.getByRole('alert').filter({ hasText: 'is used by a return' }).waitFor();
  });

  it('edits the store’s profile, contact and policies on the settings page, naming a bad field', async () => {
    const page = await signIn();
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    const store = page.getByRole('form', { name: 'Store' });
    await store.getByLabel('Store name').fill('Bazaar Pune');
    await store.getByLabel('Time zone (e.g. Asia/Kolkata)').fill('Mars/Olympus');
    await store.getByRole('button', { name: 'Save store' }).click();
    await store.getByText('An IANA time zone, e.g. Asia/Kolkata.').waitFor();
    expect((await ok(as(admin).get('/admin/store/settings'))).name).toBe('Bazaar');
    await store.getByLabel('Time zone (e.g. Asia/Kolkata)').fill('Asia/Kolkata');
    await store.getByRole('button', { name: 'Save store' }).click();
    await store.getByRole('status').waitFor();

    const contact = page.getByRole('form', { name: 'Contact' });
    await contact.getByLabel('Contact email').fill('hello@bazaar.example');
    await contact.getByLabel('Address line 1').fill('12 Lake Road');
    await contact.getByLabel('City').fill('Pune');
    await contact.getByLabel('Postal code').fill('411001');
    await contact.getByLabel('Country (e.g. IN)').fill('in');
    await contact.getByRole('button', { name: 'Save contact' }).click();
    await contact.getByRole('status').waitFor();

    const policies = page.getByRole('form', { name: 'Policies' });
    await policies.getByLabel('Returns policy').fill('Unopened items within 14 days.\n\nAsk us first.');
    await policies.getByRole('button', { name: 'Save policies' }).click();
    await policies.getByRole('status').waitFor();

    expect(await ok(as(admin).get('/admin/store/settings'))).toMatchObject({
      name: 'Bazaar Pune',
      timeZone: 'Asia/Kolkata',
      contact: {
        email: 'hello@bazaar.example',
        phone: null,
        address: { line1: '12 Lake Road', city: 'Pune', postalCode: '411001', country: 'IN' },
      },
      policies: { returns: 'Unopened items within 14 days.\n\nAsk us first.', terms: null },
    });
    await expectAccessible(page);
    await screenshot(page, 'admin-settings-profile');
    // orders are listed at the store's time (India is 5:30 ahead of UTC)
    const { offerId } = await createOffer(server, { price: 1_000, stock: 5 });
    const buyer = await createCustomer(server);
    await ok(checkout(buyer, await createCart(buyer, [{ offerId, quantity: 1 }])));
    await page.getByRole('link', { name: 'Orders' }).click();
    await page
      .getByRole('cell', { name: /GMT\+5:30/ })
      .first()
      .waitFor();
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('form', { name: 'Policies' }).waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'admin-settings-profile-phone');
    // the storefront shows them: the footer's contact and the policy page
    await page.goto(`${base}/policies/returns`);
    await page.getByRole('heading', { name: 'Returns policy' }).waitFor();
    await page.getByRole('contentinfo').getByRole('link', { name: 'hello@bazaar.example' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'storefront-policy-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshot(page, 'storefront-policy');
  });
});
