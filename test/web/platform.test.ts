import net from 'node:net';
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../harness.ts';
import { lastMailTo } from '../mail.ts';
import { expectAccessible, haveChromium, launch, release, screenshot } from './browser.ts';

// The platform console in a real browser: a business owner signs up, opens a store, previews it,
// publishes it and finds it at its own address; a generation that fails can be started again; a
// paid plan asks for payment before publishing; the platform's SUPER_ADMIN edits a plan.
const browserOrSkip = haveChromium || process.env.CI ? describe : describe.skip;

let server: TestServer;
let port: number;
let browser: Browser;

/** A port free on this machine: the stores' links carry it, so the server must start knowing it. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

beforeAll(async () => {
  port = await freePort();
  server = await createTestServer({ config: { PORT: port, BASE_DOMAIN: 'localhost' } });
  await server.app.listen({ port, host: '127.0.0.1' });
  // stores live at {subdomain}.localhost: make sure those reach this server
  browser = await launch(['--host-resolver-rules=MAP localhost 127.0.0.1, MAP *.localhost 127.0.0.1']);
});
afterAll(async () => {
  await release(browser);
  await server?.destroy();
});

let n = 0;
const unique = () => `${++n}${Date.now().toString(36)}`;

/** A new business owner signed up in the browser, on the console's stores page. */
async function signUp(): Promise<{ page: Page; email: string; password: string }> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`http://localhost:${port}/platform`);
  await page.getByRole('button', { name: 'New here? Create an account' }).click();
  const email = `owner-${unique()}@example.test`;
  const password = `a long owner passphrase ${unique()}`;
  await page.getByLabel('Business name').fill('Crumbs and Co');
  await page.getByLabel('Name', { exact: true }).fill('Asha Rao');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.getByRole('heading', { name: 'Your stores' }).waitFor();
  return { page, email, password };
}

async function openStore(page: Page, fields: { name: string; subdomain: string; description?: string }) {
  await page.getByLabel('Store name').fill(fields.name);
  await page.getByLabel('Subdomain').fill(fields.subdomain);
  if (fields.description) await page.getByLabel('Describe your business').fill(fields.description);
  await page.getByRole('button', { name: 'Open store' }).click();
  await page.getByRole('heading', { name: fields.name }).waitFor();
}

async function tenantOf(email: string): Promise<string> {
  const { rows } = await sql<{ id: string }>`
    SELECT t.id FROM tenants t JOIN users u ON u.id = t.owner_user_id WHERE u.email = ${email}`.execute(
    server.database.db,
  );
  return rows[0]!.id;
}

/** Runs the store generation jobs to their end, retries included (their back-off skipped). */
async function runGeneration(): Promise<void> {
  for (let round = 0; round < 5; round++) {
    await sql`UPDATE jobs SET run_at = now() WHERE status = 'pending'`.execute(server.database.db);
    if ((await server.worker.drain()) === 0) return;
  }
}

browserOrSkip('the platform console', () => {
  it('signs up, opens a store, previews it, publishes it and shows it at its address', async () => {
    const { page } = await signUp();
    const subdomain = `crumbs-${unique()}`;
    await page.getByLabel('Subdomain').fill(subdomain);
    expect(await page.locator('#store-address').textContent()).toContain(`${subdomain}.localhost`);
    await screenshot(page, 'platform-stores');
    await expectAccessible(page);
    await openStore(page, { name: 'Crumbs Bakery', subdomain });
    await page.locator('.status-draft').first().waitFor();
    await screenshot(page, 'platform-store-draft');
    await expectAccessible(page);

    // the preview: the store before it is published, the secret out of the address
    const [preview] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByRole('link', { name: 'Preview the store' }).click(),
    ]);
    await preview.waitForLoadState();
    expect(new URL(preview.url()).host).toBe(`${subdomain}.localhost:${port}`);
    expect(preview.url()).not.toContain('preview=');
    expect(await preview.title()).toContain('Crumbs Bakery');
    await screenshot(preview, 'platform-preview');
    const stranger = await (await browser.newContext()).newPage();
    const hidden = await stranger.goto(`http://${subdomain}.localhost:${port}/`);
    expect(hidden?.status()).toBe(404);

    // the owner's store console, signed in through a session bound to this store (decision 019)
    const [admin] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByRole('button', { name: "Open the store's console" }).click(),
    ]);
    await admin.getByRole('link', { name: 'Dashboard' }).waitFor();
    expect(admin.url()).toBe(`http://${subdomain}.localhost:${port}/admin/dashboard`);
    const handed = await admin.evaluate(() => JSON.parse(sessionStorage.getItem('bazaar.console.session')!));
    const platformToken = await page.evaluate(
      () => JSON.parse(sessionStorage.getItem('bazaar.platform.session')!).accessToken,
    );
    expect(handed.accessToken).not.toBe(platformToken);
    expect(handed.refreshToken).toBeTruthy();
    // the handed-over token works in this store and not on the platform's calls
    const platformCall = await admin.evaluate(
      async (token) =>
        (await fetch('/api/v1/platform/stores', { headers: { authorization: `Bearer ${token}` } })).status,
      handed.accessToken,
    );
    expect(platformCall).toBe(401);
    await screenshot(admin, 'platform-store-admin');
    // the store's name, currency and language, and its settings in its own console (no second editor)
    await page.locator('dl[aria-label="Store"]').getByText('INR').waitFor();
    const [settings] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByRole('button', { name: "Change the store's settings" }).click(),
    ]);
    await settings.getByRole('heading', { name: 'Settings' }).first().waitFor();
    expect(settings.url()).toBe(`http://${subdomain}.localhost:${port}/admin/settings`);

    await page.getByRole('button', { name: 'Publish' }).click();
    await page.locator('.status-published').first().waitFor();
    await page.getByRole('link', { name: `Visit the store at ${subdomain}.localhost:${port}` }).waitFor();
    await screenshot(page, 'platform-store-published');
    const live = await stranger.goto(`http://${subdomain}.localhost:${port}/`);
    expect(live?.status()).toBe(200);
    expect(await stranger.title()).toContain('Crumbs Bakery');
    await screenshot(stranger, 'platform-store-live');
  });

  it('follows a generation to DRAFT, shows a failed one with its reason and generates it again; asks for payment on a paid plan', async () => {
    const { page, email } = await signUp();
    // a paid plan whose subscription is not paid yet
    await sql`UPDATE tenants SET plan = 'PRO', subscription_status = 'PENDING' WHERE id = ${await tenantOf(email)}`.execute(
      server.database.db,
    );
    await openStore(page, {
      name: 'Pune Bakes',
      subdomain: `pune-${unique()}`,
      description: 'A bakery in Pune selling cakes, breads and cookies',
    });
    await page.getByText('Your store is being generated').waitFor();
    await screenshot(page, 'platform-store-generating');
    await runGeneration();
    // the page asks again while the store is generating
    await page.locator('.status-draft').first().waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Publish' }).waitFor();
    await screenshot(page, 'platform-store-generated');

    await page.getByRole('link', { name: 'Stores' }).click();
    await openStore(page, {
      name: 'Pune Cookies',
      subdomain: `cookies-${unique()}`,
      description: 'Cookies in Pune',
    });
    await page.getByText('Your store is being generated').waitFor();
    // the job gives up after its last attempt (as when the generator keeps timing out)
    await sql`UPDATE stores SET status = 'FAILED', status_reason = 'Generation failed: the generator timed out'
      WHERE name = 'Pune Cookies' AND status = 'GENERATING'`.execute(server.database.db);
    await page.getByRole('button', { name: 'Generate again' }).waitFor({ timeout: 10_000 });
    expect(await page.getByRole('alert').first().textContent()).toContain('the generator timed out');
    await screenshot(page, 'platform-store-failed');
    await page.getByRole('button', { name: 'Generate again' }).click();
    await page.getByText('Your store is being generated').waitFor();
    await runGeneration();
    await page.locator('.status-draft').first().waitFor({ timeout: 10_000 });

    await page.getByRole('link', { name: 'Stores' }).click();
    await openStore(page, { name: 'Pune Breads', subdomain: `breads-${unique()}` });
    await page.getByRole('button', { name: 'Publish' }).click();
    const refusal = page.getByText('Publishing needs payment');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('PRO plan needs an active subscription');
    await screenshot(page, 'platform-publish-402');

    await page.getByRole('alert').getByRole('link', { name: 'Plan' }).click();
    await page.getByText('Pro (yours)').waitFor();
    await screenshot(page, 'platform-plan');
  });

  it('resets a forgotten password from the mailed link and signs in with the new one', async () => {
    const { page, email } = await signUp();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Forgot password?' }).click();
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByText('a message with a link to reset its password is on its way').waitFor();
    await screenshot(page, 'platform-forgot-password');
    await expectAccessible(page);

    const mail = await lastMailTo(server, email, /reset your password/i);
    const link = /^(http\S+\/platform\/reset#token=[\w-]+)$/m.exec(mail.text)?.[1];
    expect(link).toBeTruthy();
    const reset = await (await browser.newContext()).newPage();
    await reset.goto(link!);
    await reset.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    expect(reset.url()).not.toContain('token=');
    await reset.getByLabel('New password', { exact: true }).fill('short');
    await reset.getByRole('button', { name: 'Set password' }).click();
    await reset.locator('.field-error').first().waitFor();
    const password = `a new owner passphrase ${unique()}`;
    await reset.getByLabel('New password', { exact: true }).fill(password);
    await reset.getByRole('button', { name: 'Set password' }).click();
    await reset.getByText('Your password is changed').waitFor();
    await screenshot(reset, 'platform-reset-done');
    await expectAccessible(reset);
    await reset.setViewportSize({ width: 390, height: 844 });
    await screenshot(reset, 'platform-reset-done-phone');

    await reset.getByRole('link', { name: 'Sign in' }).click();
    await reset.getByLabel('Email').fill(email);
    await reset.getByLabel('Password').fill(password);
    await reset.getByRole('button', { name: 'Sign in' }).click();
    await reset.getByRole('heading', { name: 'Your stores' }).waitFor();
  });

  it("lets the platform's SUPER_ADMIN edit a plan", async () => {
    const { page, email, password } = await signUp();
    await sql`UPDATE users SET roles = '{SUPER_ADMIN}' WHERE email = ${email}`.execute(server.database.db);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Plans' }).waitFor();
    await page.getByRole('link', { name: 'Tenants' }).waitFor();
    await page.getByLabel('Plan to edit').selectOption('ENTERPRISE');
    const form = page.getByRole('form', { name: 'Edit plan ENTERPRISE' });
    await form.getByLabel('Name').fill('Enterprise Plus');
    await form.getByLabel('Transaction fee (basis points)').fill('-5');
    await form.getByRole('button', { name: 'Save plan' }).click();
    await form.locator('.field-error').first().waitFor();
    await form.getByLabel('Transaction fee (basis points)').fill('25');
    await form.getByRole('button', { name: 'Save plan' }).click();
    await form.getByText('Saved').waitFor();
    await page.getByRole('cell', { name: 'Enterprise Plus' }).waitFor();
    await screenshot(page, 'platform-plans-admin');
    await expectAccessible(page);
  });
});
