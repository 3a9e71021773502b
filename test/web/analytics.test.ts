import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../harness.ts';
import { anonymous, as, createAdmin, createOffer, createOrder, ok, type TestUser } from '../kit/index.ts';
import {
  expectAccessible,
  haveChromium,
  launch,
  listenForBrowser,
  release,
  screenshot,
  signInToConsole,
} from './browser.ts';

// The Analytics section in a real browser: sales over time against the previous period (an SVG
// drawn by the page), the best products, the funnel, and a report downloaded as CSV.
const browserOrSkip = haveChromium || process.env.CI ? describe : describe.skip;

let server: TestServer;
let base: string;
let browser: Browser;
let admin: TestUser;
let productName: string;

beforeAll(async () => {
  server = await createTestServer();
  base = await listenForBrowser(server);
  admin = await createAdmin(server);
  const offer = await createOffer(server, { stock: 20, price: 45_000 });
  productName = (await ok(as(admin).get(`/products/${offer.slug}`))).name;
  const browserAgent = { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36' };
  for (let i = 0; i < 3; i++) await ok(anonymous(server).get(`/products/${offer.slug}`, browserAgent));
  await createOrder(server, { offerId: offer.offerId });
  await createOrder(server, { offerId: offer.offerId });
  await createOrder(server, { price: 9_900 });
  await server.worker.drain();
  await server.modules.analytics.recorder.flush();
  browser = await launch();
});
afterAll(async () => {
  await release(browser);
  await server?.destroy();
});

browserOrSkip('the Analytics section', () => {
  it('shows sales over time, the top products and the funnel, and downloads a CSV', async () => {
    const page = await signInToConsole(browser, `${base}/admin/analytics`, admin);
    await page.getByRole('heading', { name: 'Today by hour' }).waitFor();
    const hours = page.getByRole('table', { name: 'Sales by hour today' });
    await hours.waitFor();
    // the three orders of the set-up, in the hour (or two) they were placed in
    const hourRows = await hours.getByRole('row').allTextContents();
    expect(hourRows.length).toBeGreaterThan(1);
    await expect(page.getByLabel(/^Sales on /).textContent()).resolves.toMatch(/Orders today\s*3/);
    await page.getByRole('heading', { name: 'Sales over time' }).waitFor();
    await page.getByRole('img', { name: 'Revenue per day, this period and the previous one' }).waitFor();
    const stats = page.getByRole('definition').first();
    await stats.waitFor();
    const top = page.getByRole('table', { name: 'Top products' });
    await top.getByText(productName).waitFor();
    expect(await top.getByRole('row').count()).toBe(3);
    await page.getByRole('heading', { name: 'Conversion funnel' }).waitFor();
    const funnel = page
      .getByRole('list', { name: 'Conversion funnel' })
      .or(page.getByLabel('Conversion funnel'));
    // the three visits and the look the set-up took at the product for its name
    await expect(funnel.first().textContent()).resolves.toMatch(/Product views\s*4/);
    expect(await page.locator('script[src^="http"]').count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'analytics-admin');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download sales CSV' }).click(),
    ]);
    const file = await download.path();
    const text = (await import('node:fs')).readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toBe('date,orders,revenue');
    expect(text).toMatch(/,3,/);

    // a range: the previous thirty days held nothing
    const today = new Date();
    const day = (ago: number) => new Date(today.getTime() - ago * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('From', { exact: true }).fill(day(60));
    await page.getByLabel('To', { exact: true }).fill(day(31));
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByText('No sales in this range.').first().waitFor();
    await screenshot(page, 'analytics-admin-quiet-range');
  });
});
