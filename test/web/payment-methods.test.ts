import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../harness.ts';
import {
  as,
  type CardVaultStandIn,
  createCustomer,
  createOffer,
  ok,
  startCardVault,
  type TestUser,
} from '../kit/index.ts';
import { expectAccessible, haveChromium, launch, listenForBrowser, release, screenshot } from './browser.ts';

// Saved cards in a real browser, against the loopback stand-in of Stripe's API: the account's
// payment methods page (add a card with a development test card, make default, remove) and the
// checkout's "Pay with Visa ••••4242" for a signed-in buyer; checked with axe-core and photographed.
const browserOrSkip = haveChromium || process.env.CI ? describe : describe.skip;

let vault: CardVaultStandIn;
let server: TestServer;
let base: string;
let browser: Browser;

beforeAll(async () => {
  vault = await startCardVault();
  server = await createTestServer({
    config: { STRIPE_SECRET_KEY: 'sk_test_browser', STRIPE_API_BASE: vault.apiBase },
  });
  base = await listenForBrowser(server);
  browser = await launch();
});
afterAll(async () => {
  await release(browser);
  await server?.destroy();
  await vault?.close();
});

async function open(path: string, buyer: TestUser, cartId?: string) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
  const session = JSON.stringify({ accessToken: buyer.accessToken, refreshToken: buyer.refreshToken });
  await context.addInitScript(
    ([session, cartId]) => {
      if (!localStorage.getItem('bazaar.session')) localStorage.setItem('bazaar.session', session);
      if (cartId && !localStorage.getItem('bazaar.cart')) localStorage.setItem('bazaar.cart', cartId);
    },
    [session, cartId ?? ''] as const,
  );
  const page = await context.newPage();
  const answer = await page.goto(`${base}${path}`);
  expect(answer?.status()).toBe(200);
  return page;
}

browserOrSkip('saved payment methods', () => {
  it('adds two cards, makes the second the default and removes the first', async () => {
    const buyer = await createCustomer(server);
    const page = await open('/account/payment-methods', buyer);
    await page.getByText('No saved cards.').waitFor();
    await page.getByRole('button', { name: 'Add a card' }).click();
    await page.getByLabel('Test card').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'storefront-payment-methods-add');
    await page.getByRole('button', { name: 'Save card' }).click();
    await page.getByText('Visa ••••4242, expires 12/2034').waitFor();
    await page.getByRole('button', { name: 'Add a card' }).click();
    await page.getByLabel('Test card').selectOption('pm_card_mastercard');
    await page.getByRole('button', { name: 'Save card' }).click();
    await page.getByText('Mastercard ••••4444, expires 12/2034').waitFor();
    await page.getByRole('button', { name: 'Make default: Mastercard ••••4444' }).click();
    await page.getByRole('status').getByText('Mastercard ••••4444 is now your default card.').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'storefront-payment-methods');
    await page.getByRole('button', { name: 'Remove Visa ••••4242' }).click();
    await page.getByRole('status').getByText('Visa ••••4242 was removed.').waitFor();
    const left = await ok<{ items: Array<{ last4: string; isDefault: boolean }> }>(
      as(buyer).get('/me/payment-methods'),
    );
    expect(left.items).toMatchObject([{ last4: '4444', isDefault: true }]);
    const detached = [...vault.stripe.methods.values()].filter((m) => m.test === 'pm_card_visa');
    expect(detached.some((m) => m.customer === null)).toBe(true);
  });

  it('pays with the default saved card at checkout in one click', async () => {
    const buyer = await createCustomer(server);
    const setup = await ok<{ setupId: string }>(
      as(buyer).post('/me/payment-methods/setup', { provider: 'stripe' }),
    );
    await ok(
      as(buyer).post('/me/payment-methods', {
        provider: 'stripe',
        setupId: setup.setupId,
        testCard: 'pm_card_visa',
      }),
    );
    const offer = await createOffer(server, { stock: 10, price: 25_000 });
    const cartId = (await ok<{ id: string }>(as(buyer).post('/carts'))).id;
    await ok(as(buyer).post(`/carts/${cartId}/items`, { offerId: offer.offerId, quantity: 1 }));
    const page = await open('/checkout', buyer, cartId);
    const saved = page.getByLabel('Pay with Visa ••••4242');
    await saved.waitFor();
    await expect(saved.isChecked()).resolves.toBe(true);
    for (const [label, value] of Object.entries({
      Name: 'Asha Rao',
      'Address line 1': '12 Lake Road',
      City: 'Chennai',
      State: 'TN',
      'Postal code': '600001',
      Country: 'IN',
    }))
      await page.getByLabel(label, { exact: true }).fill(value);
    await expectAccessible(page);
    await screenshot(page, 'storefront-checkout-saved-card');
    const charges = vault.savedCharges().length;
    await page.getByRole('button', { name: 'Place order' }).click();
    const number = await page.getByRole('status').locator('strong').textContent();
    await screenshot(page, 'storefront-checkout-saved-card-paid');
    expect(vault.savedCharges().length).toBe(charges + 1);
    const orders = await ok<{ items: Array<{ number: string; paymentStatus: string }> }>(
      as(buyer).get('/orders'),
    );
    expect(orders.items[0]).toMatchObject({ number, paymentStatus: 'CAPTURED' });
  });
});
