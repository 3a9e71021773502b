import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../harness.ts';
import { as, createAdmin, createProduct, ok, type TestUser } from '../kit/index.ts';
import {
  expectAccessible,
  haveChromium,
  launch,
  listenForBrowser,
  release,
  screenshot,
  signInToConsole,
} from './browser.ts';

// The audit trail in a real browser: staff change a product, then find the change in /admin/audit
// by the product's id, with its name before and after.
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

browserOrSkip('audit trail page', () => {
  it("shows a product's change with its before and after, filtered by the product", async () => {
    const product = await createProduct(server, admin, { name: 'Brass lamp', price: 2_000 });
    await ok(as(admin).patch(`/admin/products/${product.id}`, { name: 'Brass desk lamp' }));
    await createProduct(server, admin, { name: 'Unrelated kettle' });

    const page = await signInToConsole(browser, `${base}/admin/audit`, admin);
    await page.getByRole('heading', { name: 'Audit trail' }).waitFor();
    await page.getByRole('table', { name: 'Audit trail' }).getByText('Unrelated kettle').waitFor();
    await page.getByLabel('Entity', { exact: true }).selectOption('product');
    await page.getByLabel('Entity id').fill(product.id);
    await page.getByRole('button', { name: 'Apply' }).click();
    const table = page.getByRole('table', { name: 'Audit trail' });
    await table.getByText('Brass desk lamp').waitFor();
    await expect.poll(() => table.getByText('Unrelated kettle').count()).toBe(0);
    expect(await table.locator('tbody tr').count()).toBe(2);
    expect(await table.locator('del', { hasText: 'Brass lamp' }).count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'admin-audit');
  });
});
