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

// Notifications in a real browser: a buyer's order rings the header's bell and shows in the feed,
// the buyer keeps preferences, and staff edit, preview and save a template and read the delivery log.
const browserOrSkip = haveChromium || process.env.CI ? describe : describe.skip;

let server: TestServer;
let base: string;
let browser: Browser;
let admin: TestUser;
let buyer: TestUser;
let offer: TestOffer;

beforeAll(async () => {
  server = await createTestServer();
  base = await listenForBrowser(server);
  admin = await createAdmin(server);
  buyer = await createCustomer(server, { name: 'Nisha Pillai' });
  offer = await createOffer(server, { stock: 20, price: 49_900 });
  browser = await launch();
});
afterAll(async () => {
  await release(browser);
  await server?.destroy();
});

/** A new visitor at `path`, signed in as `user` when given. */
async function open(path: string, user?: TestUser, width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  if (user) {
    const session = JSON.stringify({ accessToken: user.accessToken, refreshToken: user.refreshToken });
    await context.addInitScript((s) => {
      if (!localStorage.getItem('bazaar.session')) localStorage.setItem('bazaar.session', s);
    }, session);
  }
  const page = await context.newPage();
  const answer = await page.goto(`${base}${path}`);
  expect(answer?.status()).toBe(200);
  return page;
}

/** The header's bell (its name is "Notifications", with the unread count when there is one). */
const bell = (page: Page) => page.getByRole('button', { name: /^Notifications/ });

type Feed = {
  items: Array<{ id: string; type: string; title: string; readAt: string | null }>;
  unreadCount: number;
};
const feedOf = (user: TestUser) => ok<Feed>(as(user).get('/me/notifications'));

browserOrSkip('notifications', () => {
  it('rings the bell when the buyer places an order; opening the entry marks it read', async () => {
    const page = await open(`/products/${offer.slug}`, buyer);
    await page.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.getByText('Added to your cart').waitFor();
    await page.goto(`${base}/checkout`);
    const fields = {
      Email: buyer.email,
      Name: 'Nisha Pillai',
      'Address line 1': '4 Marine Drive',
      City: 'Kochi',
      State: 'KL',
      'Postal code': '682031',
      Country: 'IN',
    };
    for (const [label, value] of Object.entries(fields))
      await page.getByLabel(label, { exact: true }).fill(value);
    await page.getByRole('button', { name: 'Place order' }).click();
    const number = await page.getByRole('status').locator('strong').textContent();
    expect(number).toMatch(/\S+/);
    await server.worker.drain();

    const before = await feedOf(buyer);
    const placed = before.items.find((i) => i.type === 'ORDER_PLACED');
    expect(placed?.title).toBe(`Order ${number} received`);
    expect(before.unreadCount).toBeGreaterThanOrEqual(1);
    await page.goto(`${base}/`);
    await page.getByRole('button', { name: `Notifications (${before.unreadCount} unread)` }).waitFor();
    await screenshot(page, 'notifications-bell');
    await bell(page).click();
    const panel = page.locator('#notification-panel');
    const entry = panel.getByRole('button', { name: new RegExp(`Order ${number} received`) });
    await entry.getByText('Unread', { exact: true }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'notifications-bell-open');
    await entry.click();
    const left = before.unreadCount - 1;
    await page
      .getByRole('button', { name: left ? `Notifications (${left} unread)` : 'Notifications', exact: true })
      .waitFor();
    await panel.getByText(`Order ${number} received`).waitFor();
    await entry.waitFor({ state: 'detached' }); // read, with no link: no longer a button
    const feed = await feedOf(buyer);
    expect(feed.unreadCount).toBe(left);
    expect(feed.items.find((i) => i.id === placed?.id)?.readAt).not.toBeNull();
    const phone = await open('/', buyer, 390);
    await bell(phone).click();
    await phone.locator('#notification-panel').getByText(`Order ${number} received`).waitFor();
    await screenshot(phone, 'notifications-bell-phone');
  }, 180_000);

  it('lists every notification on /account/notifications and marks them all read', async () => {
    for (let i = 0; i < 2; i++)
      await ok(checkout(buyer, await createCart(buyer, [{ offerId: offer.offerId, quantity: 1 }])));
    await server.worker.drain();
    const account = await open('/account', buyer);
    await account.getByRole('link', { name: 'Your notifications' }).click();
    await account.getByRole('heading', { name: 'Your notifications' }).waitFor();
    const { items, unreadCount } = await feedOf(buyer);
    expect(items.filter((i) => i.type === 'ORDER_PLACED')).toHaveLength(3);
    await account.getByText(`${unreadCount} unread`, { exact: true }).waitFor();
    expect(await account.locator('.feed-entry').count()).toBe(items.length);
    expect(await account.locator('.feed-entry.unread').count()).toBe(unreadCount);
    await account.getByRole('button', { name: `Notifications (${unreadCount} unread)` }).waitFor();
    await expectAccessible(account);
    await screenshot(account, 'notifications-feed');
    await account.getByRole('button', { name: 'Mark all read' }).click();
    await account.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
    expect(await account.locator('.feed-entry.unread').count()).toBe(0);
    expect((await feedOf(buyer)).unreadCount).toBe(0);
  }, 180_000);

  it('saves the buyer’s preferences and shows them after a reload', async () => {
    const page = await open('/account/notifications/preferences', buyer);
    const form = page.locator('form.preferences');
    await page.getByLabel('Email', { exact: true }).waitFor();
    await expect(page.getByLabel('SMS', { exact: true }).isChecked()).resolves.toBe(false);
    await page.getByLabel('SMS', { exact: true }).check();
    await page.getByLabel('Push', { exact: true }).uncheck();
    const shipped = page.getByRole('group', { name: 'Order shipped' });
    await shipped.getByRole('button', { name: 'Email', pressed: true }).click();
    await shipped.getByRole('button', { name: 'Email', pressed: false }).waitFor();
    await page.getByText('Always on: sent for your account’s safety').first().waitFor();
    // a start without an end is refused beside the end
    await page.getByLabel('Quiet hours start').fill('22:00');
    await form.getByRole('button', { name: 'Save preferences' }).click();
    await page.getByText('Give both a start and an end, or neither').waitFor();
    await page.getByLabel('Quiet hours end').fill('07:30');
    await page.getByLabel('Time zone').selectOption('Asia/Kolkata');
    await page.getByLabel('Language').selectOption('hi');
    await expectAccessible(page);
    await form.getByRole('button', { name: 'Save preferences' }).click();
    await page.getByRole('status').getByText('Preferences saved').waitFor();
    await screenshot(page, 'notifications-preferences');

    const saved = await ok(as(buyer).get('/me/notification-preferences'));
    expect(saved).toMatchObject({
      channels: { email: true, sms: true, push: false, inApp: true },
      quietHours: { start: '22:00', end: '07:30', timeZone: 'Asia/Kolkata' },
      language: 'hi',
      types: { ORDER_SHIPPED: { email: false } },
    });
    await page.reload();
    await expect(page.getByLabel('SMS', { exact: true }).isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Push', { exact: true }).isChecked()).resolves.toBe(false);
    await expect(page.getByLabel('Quiet hours start').inputValue()).resolves.toBe('22:00');
    await expect(page.getByLabel('Quiet hours end').inputValue()).resolves.toBe('07:30');
    await expect(page.getByLabel('Time zone').inputValue()).resolves.toBe('Asia/Kolkata');
    await expect(page.getByLabel('Language').inputValue()).resolves.toBe('hi');
    await page
      .getByRole('group', { name: 'Order shipped' })
      .getByRole('button', { name: 'Email', pressed: false })
      .waitFor();
    const phone = await open('/account/notifications/preferences', buyer, 390);
    await phone.getByRole('button', { name: 'Save preferences' }).waitFor();
    await screenshot(phone, 'notifications-preferences-phone');
  }, 180_000);

  it('offers push on this device with the site’s service worker', async () => {
    const context = await browser.newContext();
    await context.grantPermissions(['notifications'], { origin: base });
    const session = JSON.stringify({ accessToken: buyer.accessToken, refreshToken: buyer.refreshToken });
    await context.addInitScript((s) => localStorage.setItem('bazaar.session', s), session);
    const page = await context.newPage();
    await page.goto(`${base}/account/notifications/preferences`);
    await page.getByRole('button', { name: 'Turn on push on this device' }).click();
    // Chromium without a network reaches no push service: the worker is registered either way, and
    // the page says what happened (push on, or why not)
    await page
      .getByRole('button', { name: 'Turn off push on this device' })
      .or(page.getByRole('alert'))
      .waitFor();
    const worker = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration('/');
      return registration?.active?.scriptURL ?? registration?.installing?.scriptURL ?? null;
    });
    expect(worker).toBe(`${base}/sw.js`);
    const sw = await fetch(`${base}/sw.js`);
    expect(sw.headers.get('content-type')).toContain('javascript');
  }, 180_000);

  it('lets staff preview, refuse, save and revert a template and read the delivery log', async () => {
    const page = await signInToConsole(browser, `${base}/admin/notifications`, admin);
    page.setDefaultTimeout(20_000);
    await page.getByRole('table', { name: 'Templates' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'notifications-admin-templates');
    await page.getByRole('link', { name: 'Edit order placed (email)' }).click();
    await page.getByRole('heading', { name: 'Template: Order placed (email, en)' }).waitFor();
    await page.getByLabel('Subject').fill('Your order {{order.number}} is in');
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByRole('region', { name: 'Preview' });
    await preview.getByText(/Your order \S+ is in$/).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'notifications-admin-preview');

    const body = page.getByLabel('Text');
    const good = await body.inputValue();
    await body.fill('Thank you.\n{{#if order.number}}\nOrder {{order.number}}\n');
    await page.getByRole('button', { name: 'Preview' }).click();
    const refusal = page.getByRole('alert');
    await refusal.getByText(/^body, line \d+: /).waitFor();
    await page
      .locator('#template-body-error')
      .getByText(/^line \d+: /)
      .waitFor();
    await expect(body.getAttribute('aria-invalid')).resolves.toBe('true');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await refusal.getByText(/^body, line \d+: /).waitFor();
    await screenshot(page, 'notifications-admin-refused');
    expect((await ok(as(admin).get('/admin/notification-templates/ORDER_PLACED/EMAIL'))).versions).toEqual(
      [],
    );

    await body.fill(good);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').getByText('Saved as version 1').waitFor();
    const versions = page.getByRole('table', { name: 'Versions' });
    await versions.getByRole('button', { name: 'Load version 1' }).waitFor();
    await screenshot(page, 'notifications-admin-saved');
    const saved = await ok(as(admin).get('/admin/notification-templates/ORDER_PLACED/EMAIL'));
    expect(saved.current).toMatchObject({
      version: 1,
      source: 'STAFF',
      subject: 'Your order {{order.number}} is in',
    });

    await page.getByRole('button', { name: 'Revert to default' }).click();
    await page.getByRole('status').getByText('The default is back, as version 2').waitFor();
    await versions.getByRole('button', { name: 'Load version 2' }).waitFor();
    await expect(page.getByLabel('Subject').inputValue()).resolves.not.toContain('is in');
    await page.getByRole('link', { name: 'All templates' }).click();
    await page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: 'Edit order placed (email)' }) })
      .getByRole('cell', { name: '2', exact: true })
      .waitFor();

    await page.getByRole('link', { name: 'Delivery log' }).click();
    const log = page.getByRole('table', { name: 'Delivery log' });
    await log.waitFor();
    await page.getByLabel('Channel').selectOption('EMAIL');
    await page.getByLabel('Type').selectOption('ORDER_PLACED');
    await page.getByLabel('Recipient').fill(buyer.email.slice(0, 12));
    await page.getByRole('button', { name: 'Find' }).click();
    const rows = log.getByRole('row').filter({ hasText: buyer.email });
    await rows.first().waitFor();
    await expect(rows.count()).resolves.toBe(3);
    await rows.first().getByText('sent', { exact: true }).waitFor();
    expect(await log.getByRole('row').filter({ hasText: admin.email }).count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'notifications-admin-log');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'notifications-admin-log-phone');
  }, 180_000);
});
