import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../harness.ts';
import { startTxtDns } from '../kit/dns.ts';
import { hostClient, REALM, signUpOwner, type TestOwner } from '../kit/index.ts';
import { sentMails } from '../mail.ts';
import { expectAccessible, haveChromium, launch, listenForBrowser, release, screenshot } from './browser.ts';

// The platform console's owner pages in a real browser: a store's custom domain (named, proved
// by a DNS TXT record on a stand-in name server, removed), its staff (invited, an invitation
// withdrawn, one taken up through the mailed link by someone who creates an account there and
// then finds the store among those it works on, a member removed), the plan (changed and
// cancelled with the `test` billing provider); and the SUPER_ADMIN's tenants (suspended, restored).
const browserOrSkip = haveChromium || process.env.CI ? describe : describe.skip;

/** TXT records the stand-in name server answers with, by name. */
const records = new Map<string, string[][]>();
let dns: Awaited<ReturnType<typeof startTxtDns>>;
let server: TestServer;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  dns = await startTxtDns(records);
  const dnsPort = dns.port;
  server = await createTestServer({
    config: {
      BASE_DOMAIN: 'bazaar.test',
      BILLING_PROVIDER: 'test',
      DOMAIN_DNS_SERVERS: `127.0.0.1:${dnsPort}`,
    },
  });
  origin = await listenForBrowser(server);
  browser = await launch();
});
afterAll(async () => {
  await release(browser);
  await server?.destroy();
  dns?.close();
});

let n = 0;
const unique = () => `${++n}${Date.now().toString(36)}`;

/** A screenshot at desktop width and one at a phone's (390 px), named `<name>` and `<name>-phone`. */
async function shots(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, `${name}-phone`);
  if (size) await page.setViewportSize(size);
}

async function setPlan(owner: TestOwner, plan: string): Promise<void> {
  await sql`UPDATE tenants SET plan = ${plan}, subscription_status = 'ACTIVE' WHERE id = ${owner.tenantId}`.execute(
    server.database.db,
  );
}

/** A business owner with a store, signed in to the platform console in a browser of its own. */
async function ownerWithStore(plan = 'FREE'): Promise<{ owner: TestOwner; storeId: string; page: Page }> {
  const owner = await signUpOwner(server, { businessName: `Crumbs ${unique()}` });
  await setPlan(owner, plan);
  const store = await owner
    .client()
    .post('/platform/stores', { name: 'Crumbs Bakery', subdomain: `crumbs-${unique()}` });
  const page = await signIn(owner);
  await page.getByRole('heading', { name: 'Your stores' }).waitFor();
  return { owner, storeId: store.json().id, page };
}

async function signIn(account: { email: string; password: string }, path = '/platform'): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${origin}${path}`);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  return page;
}

browserOrSkip('the platform console: domains, staff, plan and tenants', () => {
  it("names a store's custom domain, shows the plan's limit, proves the domain by DNS and removes it", async () => {
    const { owner, storeId, page } = await ownerWithStore('FREE');
    await page.getByRole('link', { name: 'Crumbs Bakery' }).click();
    await page.getByRole('navigation', { name: 'Store settings' }).waitFor();
    await shots(page, 'platform-store-settings-links');
    await page.getByRole('link', { name: 'Domain' }).click();
    await page.getByRole('heading', { name: 'Domain of Crumbs Bakery' }).waitFor();
    const host = `shop-${unique()}.crumbs-example.com`;
    await page.getByLabel('Custom domain').fill(host);
    await page.getByRole('button', { name: 'Save domain' }).click();
    const limit = page.getByRole('alert').filter({ hasText: 'plan allows' });
    expect(await limit.textContent()).toContain('Your FREE plan allows no custom domains.');
    await shots(page, 'platform-domain-402');

    await setPlan(owner, 'PRO');
    const other = await signUpOwner(server);
    await setPlan(other, 'PRO');
    const otherStore = await other
      .client()
      .post('/platform/stores', { name: 'Other', subdomain: `other-${unique()}` });
    const taken = `taken-${unique()}.crumbs-example.com`;
    await other.client().put(`/platform/stores/${otherStore.json().id}/domain`, { customDomain: taken });
    await page.getByLabel('Custom domain').fill(taken);
    await page.getByRole('button', { name: 'Save domain' }).click();
    await page.getByText('Another store uses this domain.').waitFor();
    await page.getByLabel('Custom domain').fill('not a domain');
    await page.getByRole('button', { name: 'Save domain' }).click();
    await page.locator('#custom-domain-error').waitFor();

    await page.getByLabel('Custom domain').fill(host);
    await page.getByRole('button', { name: 'Save domain' }).click();
    await page.getByText('not verified', { exact: true }).waitFor();
    const txtName = `_bazaar-verify.${host}`;
    await page.getByText(txtName).waitFor();
    await page.getByRole('button', { name: 'Verify now' }).click();
    await page.getByText('Not verified yet').waitFor();
    await shots(page, 'platform-domain-unverified');
    await expectAccessible(page);

    const proof = (await owner.client().get(`/platform/stores/${storeId}/domain`)).json().proof;
    records.set(proof.txt.name, [[proof.txt.value]]);
    await page.getByRole('button', { name: 'Verify now' }).click();
    await page.getByText(`Verified: the store answers at ${host}.`).waitFor();
    await page.getByText('verified', { exact: true }).waitFor();
    await shots(page, 'platform-domain-verified');

    await page.getByRole('button', { name: 'Remove domain' }).click();
    await page.getByRole('button', { name: 'Confirm removal' }).click();
    await page.getByRole('heading', { name: 'Use your own domain' }).waitFor();
    expect((await owner.client().get(`/platform/stores/${storeId}/domain`)).json().customDomain).toBeNull();
  });

  it('invites staff, withdraws an invitation, shows the staff limit; the invited person accepts by the mailed link', async () => {
    const { owner, storeId, page } = await ownerWithStore('FREE');
    await page.goto(`${origin}/platform/stores/${storeId}/staff`);
    await page.getByRole('heading', { name: 'Staff of Crumbs Bakery' }).waitFor();
    const invite = async (email: string, role: string) => {
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Role').selectOption(role);
      await page.getByRole('button', { name: 'Send invitation' }).click();
    };
    const first = `first-${unique()}@example.test`;
    await invite(first, 'SUPPORT');
    await page.getByRole('table', { name: 'Invitations' }).getByText(first).waitFor();
    await invite(`second-${unique()}@example.test`, 'ADMIN');
    const limit = page.getByRole('alert').filter({ hasText: 'plan allows' });
    expect(await limit.textContent()).toContain('Your FREE plan allows 1 staff member per store.');
    await shots(page, 'platform-staff-402');

    await page.getByRole('button', { name: `Revoke the invitation of ${first}` }).click();
    await page.getByRole('table', { name: 'Invitations' }).waitFor({ state: 'detached' });
    const helper = {
      email: `helper-${unique()}@example.test`,
      password: `a long helper passphrase ${unique()}`,
    };
    await invite(helper.email, 'CATALOG_MANAGER');
    await page.getByRole('table', { name: 'Invitations' }).getByText(helper.email).waitFor();
    await shots(page, 'platform-staff-invited');
    await expectAccessible(page);

    // the invited person opens the mailed link and creates an account through the invitation:
    // no business name, no email to type, no tenant; it lands on the store it joined
    const mail = (await sentMails(server)).find((m) => m.to.includes(helper.email));
    const link = /https?:\/\/\S+#invitation=[\w-]+/.exec(mail?.text ?? '')?.[0];
    expect(link).toBeDefined();
    const context = await browser.newContext();
    const invited = await context.newPage();
    await invited.goto(`${origin}${new URL(link!).pathname}${new URL(link!).hash}`);
    await invited.getByText('You are invited to work on a store').waitFor();
    expect(invited.url()).not.toContain('invitation=');
    await invited.getByRole('heading', { name: 'Create your account' }).waitFor();
    await invited.getByText('the email address the invitation was sent to').waitFor();
    expect(await invited.getByLabel('Business name').count()).toBe(0);
    await expectAccessible(invited);
    await shots(invited, 'platform-invitation-sign-up');
    await invited.getByLabel('Name', { exact: true }).fill('Ravi Helper');
    await invited.getByLabel('Password').fill('short');
    await invited.getByRole('button', { name: 'Create account and accept' }).click();
    await invited.locator('#invited-password-error').waitFor();
    await invited.getByLabel('Password').fill(helper.password);
    await invited.getByRole('button', { name: 'Create account and accept' }).click();
    await invited.getByText('You are now catalog manager of Crumbs Bakery.').waitFor();
    const open = invited.getByRole('button', { name: "Open Crumbs Bakery's console" });
    await open.waitFor();
    await shots(invited, 'platform-invitation-accepted');
    // an account with no role of its own and no tenant
    const account = await sql<{ roles: string[]; tenants: number }>`
      SELECT u.roles, (SELECT count(*)::int FROM tenants t WHERE t.owner_user_id = u.id) AS tenants
      FROM users u WHERE u.store_id = ${REALM} AND u.email = ${helper.email}`.execute(server.database.db);
    expect(account.rows).toEqual([{ roles: [], tenants: 0 }]);

    // the store's console opens with a session bound to the store: a catalog manager's there
    await context.route(
      (url) => url.hostname.endsWith('.bazaar.test'),
      (route) => route.fulfill({ contentType: 'text/html', body: '<title>Store console</title>' }),
    );
    const [consoleTab] = await Promise.all([context.waitForEvent('page'), open.click()]);
    await consoleTab.waitForURL(/#platform-session=/);
    const handover = new URL(consoleTab.url());
    expect(handover.pathname).toBe('/admin');
    const storeToken = new URLSearchParams(handover.hash.slice(1)).get('platform-session');
    const inStore = hostClient(server, { authorization: `Bearer ${storeToken}`, host: handover.hostname });
    expect((await inStore.get('/admin/store/settings')).statusCode).toBe(200);
    expect((await inStore.patch('/admin/store/settings', { returnWindowDays: 3 })).statusCode).toBe(403);
    await consoleTab.close();

    // the staff-only account's console: the stores it works on, its role in each
    await invited.getByRole('link', { name: 'All the stores you work on' }).click();
    const stores = invited.getByRole('table', { name: 'Stores you work on' });
    await stores.getByText('Crumbs Bakery').waitFor();
    await stores.getByText('catalog manager').waitFor();
    await stores.getByRole('button', { name: 'Open console of Crumbs Bakery' }).waitFor();
    expect(await invited.getByRole('link', { name: 'Plan', exact: true }).count()).toBe(0);
    await expectAccessible(invited);
    await shots(invited, 'platform-staff-roles');
    await invited.getByRole('button', { name: 'Sign out' }).click();
    await invited.getByLabel('Email').fill(helper.email);
    await invited.getByLabel('Password').fill(helper.password);
    await invited.getByRole('button', { name: 'Sign in' }).click();
    await invited.getByRole('heading', { name: 'Stores you work on' }).waitFor();

    await page.reload();
    const members = page.getByRole('table', { name: 'Staff' });
    await members.getByText(helper.email).waitFor();
    await shots(page, 'platform-staff-member');
    await page.getByRole('button', { name: `Remove ${helper.email}` }).click();
    await page.getByRole('button', { name: 'Confirm removal' }).click();
    await page.getByText('No staff yet').waitFor();
    expect((await owner.client().get(`/platform/stores/${storeId}/staff`)).json().members).toEqual([]);

    // someone invited who has a platform account already is told to sign in, and accepts signed in
    const known = await signUpOwner(server, { businessName: `Known ${unique()}` });
    await invite(known.email, 'SUPPORT');
    await page.getByRole('table', { name: 'Invitations' }).getByText(known.email).waitFor();
    const knownMail = (await sentMails(server)).find(
      (m) => m.to.includes(known.email) && m.subject.startsWith('You are invited'),
    );
    const knownLink = new URL(/https?:\/\/\S+#invitation=[\w-]+/.exec(knownMail?.text ?? '')![0]);
    const returning = await (await browser.newContext()).newPage();
    await returning.goto(`${origin}${knownLink.pathname}${knownLink.hash}`);
    await returning.getByLabel('Name', { exact: true }).fill('Known Person');
    await returning.getByLabel('Password').fill(known.password);
    await returning.getByRole('button', { name: 'Create account and accept' }).click();
    await returning.getByText('sign in with it and accept the invitation').waitFor();
    await shots(returning, 'platform-invitation-account-exists');
    await returning.getByRole('button', { name: 'Sign in', exact: true }).click();
    await returning.getByLabel('Email').fill(known.email);
    await returning.getByLabel('Password').fill(known.password);
    await returning.getByRole('button', { name: 'Sign in', exact: true }).click();
    await returning.getByRole('button', { name: 'Accept invitation' }).click();
    await returning.getByText('You are now support of Crumbs Bakery.').waitFor();
    // a business owner working in another's store finds it under Staff roles beside its own stores
    await returning.getByRole('link', { name: 'Staff roles' }).click();
    await returning.getByRole('table', { name: 'Stores you work on' }).getByText('Crumbs Bakery').waitFor();
    await returning.getByRole('link', { name: 'Stores', exact: true }).waitFor();
  });

  it('changes the plan with the test billing provider and cancels the subscription', async () => {
    const { page } = await ownerWithStore('FREE');
    await page.getByRole('link', { name: 'Plan' }).click();
    await page.getByRole('heading', { name: 'Your plan' }).waitFor();
    await page.getByText('1 of 1').waitFor();
    await page.getByRole('button', { name: 'Choose Pro' }).click();
    await shots(page, 'platform-plan-confirm');
    await page.getByRole('button', { name: 'Change to Pro' }).click();
    await page.getByText('You are now on plan Pro.').waitFor();
    await page.getByText('Pro (yours)').waitFor();
    expect(await page.locator('.stats').textContent()).toContain('active');
    await shots(page, 'platform-plan-changed');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Cancel subscription' }).click();
    await page.getByRole('button', { name: 'Confirm cancellation' }).click();
    await page.getByText(/Your plan changes to Free on .*, at the end of the billing cycle\./).waitFor();
    await page.getByRole('button', { name: 'Cancel subscription' }).waitFor({ state: 'detached' });
    await shots(page, 'platform-plan-cancelled');
  });

  it("lets the platform's SUPER_ADMIN suspend a tenant and restore it", async () => {
    const business = `Tenant ${unique()}`;
    const target = await signUpOwner(server, { businessName: business });
    await target.client().post('/platform/stores', { name: 'Target', subdomain: `target-${unique()}` });
    const admin = await signUpOwner(server);
    await sql`UPDATE users SET roles = '{SUPER_ADMIN}' WHERE id = ${admin.userId}`.execute(
      server.database.db,
    );
    const page = await signIn(admin);
    await page.getByRole('heading', { name: 'Plans' }).waitFor();
    await page.getByRole('link', { name: 'Tenants' }).click();
    const row = page.getByRole('row').filter({ hasText: business });
    await row.getByText('running').waitFor();

    await page.getByRole('button', { name: `Suspend ${business}` }).click();
    await page.getByRole('button', { name: 'Suspend tenant', exact: true }).click();
    await page.locator('#suspension-reason-error').waitFor();
    await page.getByLabel('Reason').fill('Unpaid invoices');
    await shots(page, 'platform-tenants-confirm');
    await page.getByRole('button', { name: 'Suspend tenant', exact: true }).click();
    await page.getByText(`${business} suspended: 1 store(s) changed.`).waitFor();
    await row.getByText('Unpaid invoices').waitFor();
    await shots(page, 'platform-tenants-suspended');
    await expectAccessible(page);
    expect((await target.client().get('/platform/tenant')).json().suspendedAt).not.toBeNull();

    await page.getByRole('button', { name: `Restore ${business}` }).click();
    await page.getByRole('button', { name: 'Restore tenant', exact: true }).click();
    await page.getByText(`${business} restored: 1 store(s) changed.`).waitFor();
    await row.getByText('running').waitFor();
    expect((await target.client().get('/platform/tenant')).json().suspendedAt).toBeNull();
  });
});
