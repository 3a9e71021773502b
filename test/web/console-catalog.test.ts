import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../harness.ts';
import { as, createAdmin, createProduct, inr, ok, sku, type TestUser } from '../kit/index.ts';
import { expectAccessible, haveChromium, launch, listenForBrowser, release, screenshot } from './browser.ts';

// The store console's catalog in a real browser: a product's page (details, variants and their
// offers, images), the category tree and its filters, and the CSV import and export.
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

/** Opens the store console at `path` and signs in as the admin. */
async function signIn(path: string): Promise<Page> {
  const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await page.goto(`${base}${path}`);
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  return page;
}

/** The field's message beside it (the element its aria-describedby names). */
async function messageBeside(page: Page, label: string): Promise<string> {
  const field = page.getByLabel(label, { exact: true });
  await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
  const id = await field.getAttribute('aria-describedby');
  return (await page.locator(`[id="${id}"]`).textContent()) ?? '';
}

browserOrSkip('the catalog pages of the store console', () => {
  it('edits a product (name, status, a variant’s price) that the shop then shows, and adds a variant', async () => {
    const first = sku('BOWL');
    const made = await createProduct(server, admin, {
      name: 'Brass bowl draft',
      status: 'DRAFT',
      options: [{ name: 'Size', values: ['Small'] }],
      variants: [{ sku: first, options: { Size: 'Small' }, price: inr(50_000), stock: 4 }],
    });
    const page = await signIn('/admin/products');
    await page.getByLabel('Show').selectOption('DRAFT');
    await page.getByLabel('Search products').fill('no such bowl anywhere');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByText('Nothing here yet.').waitFor();
    await page.getByLabel('Search products').fill(first);
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('link', { name: 'Brass bowl draft' }).click();
    await page.getByRole('heading', { name: 'Brass bowl draft', level: 1 }).waitFor();

    await page.getByLabel('Address name (slug)').fill('Not A Slug!');
    await page.getByRole('button', { name: 'Save product' }).click();
    expect(await messageBeside(page, 'Address name (slug)')).toMatch(/lower-case/);
    await page.getByLabel('Address name (slug)').fill(made.slug);
    await page.getByLabel('Name', { exact: true }).fill('Hammered brass bowl');
    await page.getByLabel('Status').selectOption('ACTIVE');
    await page.getByRole('button', { name: 'Save product' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();

    await page.getByLabel(`Price of ${first}`).fill('612.25');
    await page.getByRole('button', { name: `Save offer of ${first}` }).click();
    await page.getByRole('row').filter({ hasText: 'Saved' }).waitFor();

    await page.getByLabel('New variant SKU').fill(`${first}-L`);
    await page.getByLabel('Size', { exact: true }).last().fill('Large');
    await page.getByLabel('New variant price').fill('720');
    await page.getByLabel('New variant stock').fill('3');
    await page.getByRole('button', { name: 'Add variant' }).click();
    await page.getByLabel(`Price of ${first}-L`).waitFor();

    const saved = await ok(as(admin).get(`/admin/products/${made.id}`));
    expect(saved).toMatchObject({ name: 'Hammered brass bowl', status: 'ACTIVE' });
    const prices = saved.variants.map((v: { sku: string; offers: Array<{ price: { amount: number } }> }) => [
      v.sku,
      v.offers[0]?.price.amount,
    ]);
    expect(prices).toEqual([
      [first, 61_225],
      [`${first}-L`, 72_000],
    ]);
    await expectAccessible(page);
    await screenshot(page, 'admin-product-edit');

    const shop = await (await browser.newContext()).newPage();
    await shop.goto(`${base}/products/${made.slug}`);
    await shop.getByRole('heading', { name: 'Hammered brass bowl' }).waitFor();
    await shop.getByText('₹612.25').first().waitFor();
  });

  it('creates a category, orders it among its siblings, renames it and gives it a filter', async () => {
    const page = await signIn('/admin/categories');
    for (const name of ['Garden tools', 'Garden seeds']) {
      await page.getByLabel('Category name').fill(name);
      await page.getByRole('button', { name: 'Create category' }).click();
      await page.getByRole('link', { name, exact: true }).waitFor();
    }
    await page.getByRole('button', { name: 'Move Garden tools up' }).click();
    const roots = async () =>
      (await ok(as(admin).get('/admin/categories'))).items
        .filter((c: { parentId: string | null }) => c.parentId === null)
        .map((c: { name: string }) => c.name);
    await expect.poll(async () => (await roots()).join()).toMatch(/Garden tools,Garden seeds/);
    await expectAccessible(page);
    await screenshot(page, 'admin-categories');

    await page.getByRole('link', { name: 'Garden tools', exact: true }).click();
    await page.getByLabel('Category name').fill('Garden hand tools');
    await page.getByRole('button', { name: 'Save category' }).click();
    await page.getByRole('heading', { name: 'Garden hand tools', level: 1 }).waitFor();

    await page.getByLabel('Filter label').fill('Blade');
    await page.getByLabel('Filter key (in the address)').fill('Blade Kind');
    await page.getByLabel('Specification or attribute name').fill('Blade');
    await page.getByRole('button', { name: 'Add filter' }).click();
    expect(await messageBeside(page, 'Filter key (in the address)')).not.toBe('');
    await page.getByLabel('Filter key (in the address)').fill('blade');
    await page.getByRole('button', { name: 'Add filter' }).click();
    await page.getByRole('cell', { name: 'Blade', exact: true }).waitFor();

    const category = (await ok(as(admin).get('/admin/categories'))).items.find(
      (c: { name: string }) => c.name === 'Garden hand tools',
    );
    const filters = await ok(as(admin).get(`/admin/categories/${category.id}/filters`));
    expect(filters.items).toEqual([
      expect.objectContaining({ key: 'blade', label: 'Blade', source: 'SPEC' }),
    ]);
    await expectAccessible(page);
    await screenshot(page, 'admin-category');
  });

  it('imports a CSV with one bad line, shows that line’s reason, and downloads the export', async () => {
    const csv = [
      'Handle,Title,Vendor,Variant SKU,Variant Inventory Qty,Variant Price,Status',
      `copper-kettle,Copper kettle,Kalai,${sku('KET')},5,1450.00,active`,
      `bad-kettle,Bad kettle,Kalai,${sku('KET')},5,-5,active`,
    ].join('\n');
    const page = await signIn('/admin/products');
    await page.getByRole('link', { name: 'Import / export CSV' }).click();
    await page
      .getByLabel('CSV file')
      .setInputFiles({ name: 'kettles.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Import products' }).click();
    const refused = page
      .getByRole('table', { name: 'Refused lines' })
      .getByRole('row')
      .filter({ hasText: 'bad-kettle' });
    await refused.waitFor();
    expect(await refused.getByRole('cell').first().textContent()).toBe('3');
    await expect(refused.textContent()).resolves.toMatch(/Variant Price/);
    await page.getByText('1 products created').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'admin-import');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download products CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('products.csv');
    const file = await download.path();
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(file, 'utf8')).toContain('copper-kettle');
  });
});
