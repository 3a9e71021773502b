import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../harness.ts';
import {
  as,
  createAdmin,
  createCategory,
  createCustomer,
  createOffer,
  createProduct,
  defaultStore,
  ok,
} from '../kit/index.ts';
import { expectAccessible, haveChromium, launch, listenForBrowser, release, screenshot } from './browser.ts';

// A buyer in a real browser: browse, search, add to cart, check out with the test provider and
// see the order; pages checked with axe-core and photographed into test-results/.
const browserOrSkip = haveChromium || process.env.CI ? describe : describe.skip;

let server: TestServer;
let base: string;
let browser: Browser;
let product: { slug: string; offerId: string };

beforeAll(async () => {
  server = await createTestServer();
  base = await listenForBrowser(server);
  product = await createOffer(server, { stock: 20, price: 129_900 });
  browser = await launch();
});
afterAll(async () => {
  await release(browser);
  await server?.destroy();
});

/** A new page in a context of its own (its own storage: another visitor). */
async function open(path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  const answer = await page.goto(`${base}${path}`);
  expect(answer?.status()).toBeLessThan(500);
  return page;
}

browserOrSkip('storefront', () => {
  it('renders the home page on the server with links to the products, and passes axe', async () => {
    const page = await open('/');
    await expect(page.locator(`a[href="/products/${product.slug}"]`).count()).resolves.toBe(1);
    await screenshot(page, 'storefront-home');
    await expectAccessible(page);
  });

  it('finds a product from the search box', async () => {
    const page = await open('/');
    await page.getByLabel('Search').fill('Test product');
    await page.getByLabel('Search').press('Enter');
    await page.waitForURL(/\/search\?q=/);
    await expect(page.locator(`a[href="/products/${product.slug}"]`).count()).resolves.toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'storefront-search');
  });

  it('shows a category page with its facet form that passes axe', async () => {
    const shelf = defaultStore(server);
    const category = await createCategory(server, shelf, { name: 'Lamps' });
    await createProduct(server, shelf, {
      name: 'Desk lamp',
      brand: 'Wipro',
      status: 'ACTIVE',
      categorySlug: category.slug,
    });
    const page = await open(`/categories/${category.slug}`);
    await page.getByRole('link', { name: 'Desk lamp' }).waitFor();
    await page.getByLabel('Wipro (1)').check();
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/brand=Wipro/);
    await expectAccessible(page);
    await screenshot(page, 'storefront-category');
  });

  it('answers an unknown product with a 404 page', async () => {
    const page = await (await browser.newContext()).newPage();
    const answer = await page.goto(`${base}/products/no-such-product`);
    expect(answer?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' }).count()).resolves.toBe(1);
  });

  it('takes a guest from the product page through the cart to a placed order', async () => {
    const page = await open(`/products/${product.slug}`);
    await expectAccessible(page);
    await screenshot(page, 'storefront-product');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'storefront-product-phone');
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.getByText('Added to your cart').waitFor();
    await page.goto(`${base}/cart`);
    await page.getByRole('link', { name: 'Checkout' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'storefront-cart');
    await page.getByRole('link', { name: 'Checkout' }).click();
    const fields = {
      Email: 'browser-buyer@example.test',
      Name: 'Asha Rao',
      'Address line 1': '12 MG Road',
      City: 'Pune',
      State: 'MH',
      'Postal code': '411001',
      Country: 'IN',
    };
    for (const [label, value] of Object.entries(fields))
      await page.getByLabel(label, { exact: true }).fill(value);
    await expectAccessible(page);
    await screenshot(page, 'storefront-checkout');
    await page.getByRole('button', { name: 'Place order' }).click();
    const status = page.getByRole('status');
    await status.waitFor();
    const number = await status.locator('strong').textContent();
    expect(number).toMatch(/\S+/);
    await screenshot(page, 'storefront-confirmation');
    const { rows } = await server.database.pool.query('SELECT email FROM orders WHERE number = $1', [number]);
    expect(rows).toEqual([{ email: 'browser-buyer@example.test' }]);
  });

  it("offers the options in the merchant's order and adds the variant chosen", async () => {
    const shelf = defaultStore(server);
    const inr = (amount: number) => ({ amount, currency: 'INR' });
    const variants = [
      ['Red', 'S', 1_000],
      ['Red', 'M', 1_100],
      ['Blue', 'S', 1_200],
      ['Blue', 'M', 1_300],
    ].map(([Color, Size, price], i) => ({
      sku: `TEE-${Date.now()}-${i}`,
      options: { Size: Size as string, Color: Color as string },
      price: inr((price as number) * 100),
      stock: 5,
    }));
    const tee = await createProduct(server, shelf, {
      name: 'Picker tee',
      status: 'ACTIVE',
      options: [
        { name: 'Color', values: ['Red', 'Blue'] },
        { name: 'Size', values: ['S', 'M'] },
      ],
      variants,
    });
    const page = await open(`/products/${tee.slug}`);
    const labels = await page.locator('.add-to-cart label').allTextContents();
    expect(labels).toEqual(['Color', 'Size']);
    // one price on the page: the chosen combination's, not the product's lowest beside it
    expect(await page.locator('.buy .price').allTextContents()).toEqual(['₹1,000.00']);
    await page.getByLabel('Color').selectOption('Blue');
    await page.getByLabel('Size').selectOption('M');
    await page.getByText('₹1,300.00').waitFor();
    expect(await page.locator('.buy .price').allTextContents()).toEqual(['₹1,300.00']);
    await expectAccessible(page);
    await screenshot(page, 'storefront-variant-picker');
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.getByText('Added to your cart').waitFor();
    await page.goto(`${base}/cart`);
    await page.getByText('₹1,300.00').first().waitFor();
  });

  it('merges a guest cart into the account on sign-in and lists the order placed with it', async () => {
    const buyer = await createCustomer(server);
    const page = await open(`/products/${product.slug}`);
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.getByText('Added to your cart').waitFor();
    await page.goto(`${base}/account`);
    await page.getByLabel('Email').fill(buyer.email);
    await page.getByLabel('Password').fill(buyer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Your orders' }).waitFor();
    await expectAccessible(page);
    await page.goto(`${base}/checkout`);
    const fields = {
      Email: buyer.email,
      Name: 'Ravi K',
      'Address line 1': '4 Park St',
      City: 'Kolkata',
      State: 'WB',
      'Postal code': '700016',
      Country: 'IN',
    };
    for (const [label, value] of Object.entries(fields))
      await page.getByLabel(label, { exact: true }).fill(value);
    await page.getByRole('button', { name: 'Place order' }).click();
    const number = await page.getByRole('status').locator('strong').textContent();
    await page.goto(`${base}/account`);
    await page.getByText(`Order ${number}`, { exact: true }).waitFor();
    await screenshot(page, 'storefront-account');
    const { rows } = await server.database.pool.query('SELECT user_id FROM orders WHERE number = $1', [
      number,
    ]);
    expect(rows).toEqual([{ user_id: buyer.id }]);
  });

  it('shows a price that changed at checkout and lets the buyer accept it before placing the order', async () => {
    const admin = await createAdmin(server);
    const offer = await createOffer(server, { stock: 5, price: 50_000 });
    const page = await open(`/products/${offer.slug}`);
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.getByText('Added to your cart').waitFor();
    await ok(
      as(admin).patch(`/admin/offers/${offer.offerId}`, { price: { amount: 55_000, currency: 'INR' } }),
    );
    await page.goto(`${base}/checkout`);
    const fields = {
      Email: 'late@example.test',
      Name: 'Meera',
      'Address line 1': '1 Lake Rd',
      City: 'Pune',
      State: 'MH',
      'Postal code': '411001',
      Country: 'IN',
    };
    for (const [label, value] of Object.entries(fields))
      await page.getByLabel(label, { exact: true }).fill(value);
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.getByRole('region', { name: 'Price changes' }).getByText('₹500.00 → ₹550.00').waitFor();
    await screenshot(page, 'storefront-price-changed');
    await page.getByRole('button', { name: 'Accept new prices' }).click();
    await page.getByRole('region', { name: 'Price changes' }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Place order' }).click();
    const number = await page.getByRole('status').locator('strong').textContent();
    const { rows } = await server.database.pool.query('SELECT total_amount FROM orders WHERE number = $1', [
      number,
    ]);
    expect(rows[0].total_amount).toBeGreaterThanOrEqual(55_000);
  });

  it('creates an account from the account page, refusing a weak password first', async () => {
    const page = await open('/account');
    await page.getByRole('button', { name: 'Create an account' }).click();
    await page.getByLabel('Name').fill('Kavya N');
    await page.getByLabel('Email').fill('kavya@example.test');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('alert').waitFor();
    await page.getByLabel('Password').fill('river-stone-lantern-42');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Your orders' }).waitFor();
    await page.getByText('No orders yet.').waitFor();
    const { rows } = await server.database.pool.query('SELECT name FROM users WHERE email = $1', [
      'kavya@example.test',
    ]);
    expect(rows).toEqual([{ name: 'Kavya N' }]);
  });

  it('shows the API problem beside the field it names when the address is not valid', async () => {
    const page = await open(`/products/${product.slug}`);
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.getByText('Added to your cart').waitFor();
    await page.goto(`${base}/checkout`);
    await page.getByLabel('Email', { exact: true }).fill('someone@example.test');
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.getByRole('alert').waitFor();
    await expect(page.getByLabel('City', { exact: true }).getAttribute('aria-invalid')).resolves.toBe('true');
  });
});

/** A page or file of the web apps (outside /api/v1), as a browser would ask for it. */
const page = (url: string) => server.app.inject({ method: 'GET', url });

describe('storefront without a browser', () => {
  it('narrows a category page by the brand chosen in its facet form, which works without script', async () => {
    const shelf = defaultStore(server);
    const category = await createCategory(server, shelf, { name: 'Kettles' });
    for (const brand of ['Prestige', 'Pigeon'])
      await createProduct(server, shelf, {
        name: `${brand} kettle`,
        brand,
        status: 'ACTIVE',
        categorySlug: category.slug,
      });
    const all = await page(`/categories/${category.slug}`);
    expect(all.body).toContain('Prestige kettle');
    expect(all.body).toContain('Pigeon kettle');
    expect(all.body).toMatch(/<input type="checkbox" id="brand-Prestige" name="brand" value="Prestige"\/>/);
    const one = await page(`/categories/${category.slug}?brand=Prestige&sort=price_asc`);
    expect(one.statusCode).toBe(200);
    expect(one.body).toContain('Prestige kettle');
    expect(one.body).not.toContain('Pigeon kettle');
    expect(one.body).toMatch(/id="brand-Prestige" name="brand" value="Prestige" checked/);
    const odd = await page(`/categories/${category.slug}?sort=nonsense&limit=9999&brand=`);
    expect(odd.statusCode).toBe(200);
  });

  it('answers a browser at an unknown address with the 404 page, and an API client with problem+json', async () => {
    const html = await server.app.inject({
      method: 'GET',
      url: '/no/such/page',
      headers: { accept: 'text/html' },
    });
    expect([html.statusCode, html.headers['content-type']]).toEqual([404, 'text/html; charset=utf-8']);
    expect(html.body).toContain('Page not found');
    for (const [url, accept] of [
      ['/no/such/page', 'application/json'],
      ['/api/v1/no-such-call', 'text/html'],
    ]) {
      const res = await server.app.inject({ method: 'GET', url: url!, headers: { accept: accept! } });
      expect([res.statusCode, res.headers['content-type']]).toEqual([
        404,
        'application/problem+json; charset=utf-8',
      ]);
    }
  });

  it('serves robots.txt and a sitemap of the products', async () => {
    const robots = await page('/robots.txt');
    expect(robots.body).toContain('Disallow: /admin');
    const map = await page('/sitemap.xml');
    expect(map.statusCode).toBe(200);
    expect(map.body).toContain(`/products/${product.slug}</loc>`);
  });

  it('describes a product page with its canonical address and Product JSON-LD', async () => {
    const res = await page(`/products/${product.slug}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`<link rel="canonical" href="`);
    const ld = JSON.parse(res.body.match(/<script type="application\/ld\+json">(.*?)<\/script>/)![1]!);
    expect(ld).toMatchObject({ '@type': 'Product', offers: { price: '1299.00', priceCurrency: 'INR' } });
  });

  it('draws the demo pictures itself, the same for the same name, and refuses other names', async () => {
    const first = await page('/placeholders/bazaar-7-1.svg');
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(first.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await page('/placeholders/bazaar-7-1.svg')).body).toBe(first.body);
    expect((await page('/placeholders/bazaar-7-2.svg')).body).not.toBe(first.body);
    for (const bad of ['/placeholders/..%2Fetc.svg', '/placeholders/UPPER.svg', '/placeholders/x.png'])
      expect((await page(bad)).statusCode).toBe(404);
  });

  it('serves the built files with a year-long immutable cache', async () => {
    const home = await page('/');
    const script = home.body.match(/<script type="module" src="([^"]+)"/)![1]!;
    const res = await page(script);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });
});
