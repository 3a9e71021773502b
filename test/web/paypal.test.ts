import net from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../harness.ts';
import { createOffer, type PayPalStandIn, startPayPal } from '../kit/index.ts';
import { expectAccessible, haveChromium, launch, release, screenshot } from './browser.ts';

// A buyer pays with PayPal in a real browser: Place order leads to PayPal's approve page (the
// loopback stand-in, which approves and sends the browser back), and the store's return page
// captures the payment and shows the order number.
const browserOrSkip = haveChromium || process.env.CI ? describe : describe.skip;

let paypal: PayPalStandIn;
let server: TestServer;
let base: string;
let browser: Browser;

/** A port free on this machine now, so PUBLIC_URL (PayPal's return address) can name it before start. */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  paypal = await startPayPal();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = await createTestServer({
    config: {
      PUBLIC_URL: base,
      PAYPAL_CLIENT_ID: paypal.clientId,
      PAYPAL_CLIENT_SECRET: paypal.clientSecret,
      PAYPAL_WEBHOOK_ID: paypal.webhookId,
      PAYPAL_API_URL: paypal.url,
    },
  });
  await server.app.listen({ port, host: '127.0.0.1' });
  browser = await launch();
});
afterAll(async () => {
  await release(browser);
  await server?.destroy();
  await paypal?.close();
});

browserOrSkip('paying with PayPal', () => {
  it('offers PayPal at checkout, sends the buyer to approve and shows the paid order on return', async () => {
    const product = await createOffer(server, { stock: 5, price: 45_000 });
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${base}/products/${product.slug}`);
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.getByText('Added to your cart').waitFor();
    await page.goto(`${base}/checkout`);
    const fields = {
      Email: 'paypal-buyer@example.com',
      Name: 'Asha P',
      'Address line 1': '12 MG Road',
      City: 'Pune',
      State: 'MH',
      'Postal code': '411001',
      Country: 'IN',
    };
    for (const [label, value] of Object.entries(fields))
      await page.getByLabel(label, { exact: true }).fill(value);
    await page.getByLabel('PayPal', { exact: true }).check();
    await screenshot(page, 'paypal-checkout');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Place order' }).click();

    await page.waitForURL(/\/checkout\/paypal\/return\?payment=.*&token=.*&PayerID=/);
    const status = page.getByRole('status').filter({ hasText: 'Thank you' });
    await status.waitFor();
    const number = await status.locator('strong').textContent();
    expect(number).toBeTruthy();
    await screenshot(page, 'paypal-return');
    await expectAccessible(page);

    const { rows } = await server.database.pool.query(
      `SELECT o.status, p.status AS payment_status, p.provider, p.provider_reference
         FROM orders o JOIN payments p ON p.order_id = o.id WHERE o.number = $1`,
      [number],
    );
    expect(rows).toEqual([
      {
        status: 'PAID',
        payment_status: 'CAPTURED',
        provider: 'paypal',
        provider_reference: expect.any(String),
      },
    ]);
    expect(paypal.calls.some((c) => c.path === '/checkoutnow')).toBe(true);
  });

  it('tells a buyer who left PayPal without paying that the order is held', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(
      `${base}/checkout/paypal/return?payment=00000000-0000-4000-8000-000000000000&cancelled=1`,
    );
    await page.getByText('You left PayPal without paying').waitFor();
  });
});
