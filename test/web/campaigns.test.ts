import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../harness.ts';
import { as, createAdmin, createCustomer, type TestUser } from '../kit/index.ts';
import {
  expectAccessible,
  haveChromium,
  launch,
  listenForBrowser,
  release,
  screenshot,
  signInToConsole,
} from './browser.ts';

// Campaigns in a real browser: staff write an announcement in /admin/campaigns (a discount without
// its coupon refused beside the field), compute its target, send it, and read the metrics: one
// customer messaged, one who turned campaign mail off skipped.
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

browserOrSkip('campaigns', () => {
  it('takes staff from a new campaign, through its target and send, to its metrics', async () => {
    await createCustomer(server, { name: 'Asha Rao' });
    const optedOut = await createCustomer(server, { name: 'Vikram Das' });
    await as(optedOut).put('/me/notification-preferences', {
      channels: { email: true, sms: false, push: true, inApp: true },
      types: { CAMPAIGN: { email: false } },
    });

    const page = await signInToConsole(browser, `${base}/admin/campaigns`, admin);
    await page.getByRole('button', { name: 'New campaign' }).click();
    const form = page.getByRole('form', { name: 'New campaign' });
    await form.getByLabel('Name').fill('Autumn news');
    await form.getByLabel('Type').selectOption('DISCOUNT');
    await form.getByLabel('Subject').fill('Autumn at the bakery');
    await form
      .getByLabel('Message (blank lines make paragraphs)')
      .fill('New loaves are in.\n\nCome taste them.');
    await form.getByRole('button', { name: 'Create campaign' }).click();
    await form.getByText('This kind of campaign carries a coupon.').first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'campaigns-new-refused');

    await form.getByLabel('Type').selectOption('ANNOUNCEMENT');
    await form.getByLabel('Send to').selectOption('EVERYONE');
    await form.getByRole('button', { name: 'Create campaign' }).click();
    await page.getByRole('heading', { name: 'Campaign Autumn news' }).waitFor();
    await page.getByRole('button', { name: 'Compute target' }).click();
    await page.getByText('Targeted 2 customers').waitFor();
    await page.getByRole('button', { name: 'Send now' }).click();
    await page.locator('.status', { hasText: 'sending' }).waitFor();
    await server.worker.drain();
    await page.reload();
    await page.locator('.status', { hasText: /^sent$/ }).waitFor();
    const metrics = page.getByRole('region', { name: 'Metrics' });
    const expected: Array<[string, string]> = [
      ['Targeted', '2'],
      ['Messaged', '1'],
      ['Skipped (preferences)', '1'],
      ['Messages sent', '1'],
    ];
    for (const [name, value] of expected)
      await expect
        .poll(async () =>
          metrics
            .locator('div', { has: page.getByText(name, { exact: true }) })
            .locator('dd')
            .innerText(),
        )
        .toBe(value);
    await expectAccessible(page);
    await screenshot(page, 'campaigns-metrics');

    await page.getByRole('link', { name: 'All campaigns' }).click();
    await page.getByRole('link', { name: 'Autumn news' }).waitFor();
    await screenshot(page, 'campaigns-list');
  });
});
