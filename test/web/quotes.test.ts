import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../harness.ts';
import {
  as,
  createAdmin,
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

// Quotes in a real browser: a buyer asks for 200 units from the product page, staff quote every
// item in /admin, the buyer reads the quote in the account and declines it; a guest asks with a
// contact; the seller whose item it is finds the lead in /seller and prices it.
const browserOrSkip = haveChromium || process.env.CI ? describe : describe.skip;

let server: TestServer;
let base: string;
let browser: Browser;
let admin: TestUser;
let seller: TestUser;
let offer: TestOffer;

beforeAll(async () => {
  server = await createTestServer();
  base = await listenForBrowser(server);
  admin = await createAdmin(server);
  seller = await createSeller(server, { businessName: 'Crate Co' });
  offer = await createOffer(server, { seller, stock: 20, price: 45_000 });
  browser = await launch();
});
afterAll(async () => {
  await release(browser);
  await server?.destroy();
});

/** A new visitor at `path`, signed in as `buyer` when given. */
async function open(path: string, buyer?: TestUser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  if (buyer) {
    const session = JSON.stringify({ accessToken: buyer.accessToken, refreshToken: buyer.refreshToken });
    await context.addInitScript((s) => {
      if (!localStorage.getItem('bazaar.session')) localStorage.setItem('bazaar.session', s);
    }, session);
  }
  const page = await context.newPage();
  const answer = await page.goto(`${base}${path}`);
  expect(answer?.status()).toBeLessThan(500);
  return page;
}

browserOrSkip('quotes', () => {
  it('takes a buyer from asking for 200 units, through the staff quote, to reading and declining it', async () => {
    const buyer = await createCustomer(server, { name: 'Ravi Kumar' });
    const product = await open(`/products/${offer.slug}`, buyer);
    await product.getByRole('button', { name: 'Ask for a quote' }).click();
    await product.getByLabel('Quantity').fill('200');
    await product.getByLabel('Message').fill('Monthly order for our stores');
    await product.getByLabel('Deliver to').fill('Pune, MH');
    await expectAccessible(product);
    await screenshot(product, 'quotes-request');
    await product.getByRole('button', { name: 'Send request' }).click();
    await product.getByRole('status').getByText('Your request for a quote was sent').waitFor();
    const [lead] = (await ok(as(buyer).get('/me/leads'))).items;
    expect(lead).toMatchObject({ status: 'NEW', itemCount: 1 });

    const console = await signInToConsole(browser, `${base}/admin/leads`, admin);
    await console.getByRole('link', { name: 'Ravi Kumar' }).first().click();
    await console.getByRole('heading', { name: 'Lead from Ravi Kumar' }).waitFor();
    await console.getByRole('button', { name: 'Mark contacted' }).click();
    await console.getByText('contacted by staff').waitFor();
    await console.getByLabel(/^Unit price for/).fill('400');
    const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await console.getByLabel('Valid until').fill(inAWeek);
    await console.getByLabel('Terms').fill('Net 30, delivered');
    await console.getByRole('button', { name: 'Send quote' }).click();
    await console.getByRole('status').getByText('Saved').waitFor();
    await console.getByText('quoted by staff').waitFor();
    await expectAccessible(console);
    await screenshot(console, 'quotes-admin-lead');
    expect((await ok(as(buyer).get(`/leads/${lead.id}`))).quote.total.amount).toBe(200 * 40_000);

    const account = await open('/account/quotes', buyer);
    await account.getByText('₹80,000.00').waitFor();
    await account.getByText('Terms: Net 30, delivered').waitFor();
    await expectAccessible(account);
    await screenshot(account, 'quotes-account');
    await account.getByRole('button', { name: 'Decline' }).click();
    await account.getByText('declined').waitFor();
    expect((await ok(as(buyer).get(`/leads/${lead.id}`))).status).toBe('DECLINED');
  });

  // the longest path here: the account, the cart, checkout and both consoles
  it('takes a buyer from a quote to accepting it, the cart at the quoted price, and the order placed', {
    timeout: 120_000,
  }, async () => {
    const buyer = await createCustomer(server, { name: 'Kavya Rao' });
    const lead = await ok<{ id: string; items: Array<{ id: string }> }>(
      as(buyer).post('/leads', { items: [{ offerId: offer.offerId, quantity: 12 }] }),
    );
    const validUntil = new Date(Date.now() + 7 * 86_400_000).toISOString();
    await ok(
      as(admin).post(`/admin/leads/${lead.id}/quote`, {
        items: [{ itemId: lead.items[0]!.id, unitPrice: 40_000 }],
        validUntil,
        terms: 'Net 30',
      }),
    );

    const account = await open('/account/quotes', buyer);
    await account.getByRole('button', { name: 'Accept quote' }).click();
    await account.waitForURL(`${base}/cart`);
    await account.getByText(/12 × ₹400\.00, quoted until \S+/).waitFor();
    await account.getByText(/Your accepted quote is in this cart/).waitFor();
    expect(await account.getByLabel('Quantity').count()).toBe(0);
    await expectAccessible(account);
    await screenshot(account, 'quotes-cart');
    await account.getByRole('link', { name: 'Checkout' }).click();
    const fields = {
      Name: 'Kavya Rao',
      'Address line 1': '4 Residency Road',
      City: 'Bengaluru',
      State: 'KA',
      'Postal code': '560025',
      Country: 'IN',
    };
    for (const [label, value] of Object.entries(fields))
      await account.getByLabel(label, { exact: true }).fill(value);
    await account.getByRole('button', { name: 'Place order' }).click();
    const number = await account.getByRole('status').locator('strong').textContent();
    expect(number).toMatch(/\S+/);
    await screenshot(account, 'quotes-order-placed');
    const converted = await ok<{ status: string; order: { number: string } }>(
      as(buyer).get(`/leads/${lead.id}`),
    );
    expect(converted).toMatchObject({ status: 'CONVERTED', order: { number } });
    const orders = await ok<{
      items: Array<{ number: string; items: Array<{ unitPrice: { amount: number } }> }>;
    }>(as(buyer).get('/orders'));
    expect(orders.items[0]).toMatchObject({ number, items: [{ unitPrice: { amount: 40_000 } }] });

    const console = await signInToConsole(browser, `${base}/admin/leads/${lead.id}`, admin);
    await console.getByRole('heading', { name: 'Lead from Kavya Rao' }).waitFor();
    await console.getByRole('link', { name: number! }).waitFor();
    await expectAccessible(console);
    await screenshot(console, 'quotes-admin-converted');
    const sellerView = await signInToConsole(browser, `${base}/seller/leads/${lead.id}`, seller);
    await sellerView.getByText(number!, { exact: true }).waitFor();
    await sellerView.getByText('converted', { exact: true }).first().waitFor();
  });

  it('takes a guest’s request with a contact, and lets the seller price the lead’s item in /seller', async () => {
    const product = await open(`/products/${offer.slug}`);
    await product.getByRole('button', { name: 'Ask for a quote' }).click();
    await product.getByLabel('Quantity').fill('50');
    await product.getByRole('button', { name: 'Send request' }).click();
    // without a contact the API names what is missing
    await product.getByRole('alert').waitFor();
    await product.getByLabel('Your name').fill('Meera Traders');
    await product.getByLabel('Your email').fill('meera@example.test');
    await product.getByRole('button', { name: 'Send request' }).click();
    await product.getByText('The store will contact you').waitFor();

    const page = await signInToConsole(browser, `${base}/seller/leads`, seller);
    await page.getByRole('link', { name: 'Meera Traders' }).click();
    await page.getByRole('heading', { name: 'Lead from Meera Traders' }).waitFor();
    await page.getByRole('cell', { name: /Test product/ }).waitFor();
    // the seller prices their item: the only one, so the lead is quoted
    await page.getByLabel(/^Unit price for/).fill('420');
    const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Valid until').fill(inAWeek);
    await page.getByLabel('Notes').fill('Ex works Pune');
    await page.getByRole('button', { name: 'Send quote' }).click();
    await page.getByRole('status').getByText('Saved').waitFor();
    await page.getByText('quoted by seller').waitFor();
    await page.getByRole('cell', { name: /seller, until .*Ex works Pune/ }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'quotes-seller-lead');
    const [lead] = (await ok(as(admin).get('/admin/leads?status=QUOTED'))).items;
    const quoted = await ok(as(admin).get(`/leads/${lead.id}`));
    expect(quoted).toMatchObject({
      contact: { name: 'Meera Traders' },
      quote: { total: { amount: 50 * 42_000 } },
    });
    expect(quoted.items[0].quotedBy).toEqual({ role: 'SELLER', userId: seller.id });
  });
});
