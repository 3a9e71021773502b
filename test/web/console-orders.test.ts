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
  type TestUser,
} from '../kit/index.ts';
import { expectAccessible, haveChromium, launch, listenForBrowser, release, screenshot } from './browser.ts';

// The store console's orders, customers, groups, sellers and coupons pages in a real browser.
const browserOrSkip = haveChromium || process.env.CI ? describe : describe.skip;

let server: TestServer;
let base: string;
let browser: Browser;
let admin: TestUser;

beforeAll(async () => {
  server = await createTestServer();
  base = await listenForBrowser(server);
  admin = await createAdmin(server, {
    permissions: ['orders:refund', 'rewards:adjust', 'users:roles', 'sellers:approve', 'coupons:manage'],
  });
  browser = await launch();
});
afterAll(async () => {
  await release(browser);
  await server?.destroy();
});

/** A paid order of one unit of a new ₹500.00 offer; its number and id. */
async function order(): Promise<{ id: string; number: string }> {
  const { offerId } = await createOffer(server, { stock: 5, price: 50_000 });
  const buyer = await createCustomer(server);
  const cartId = await createCart(buyer, [{ offerId, quantity: 1 }]);
  return (await ok(checkout(buyer, cartId, { payment: { provider: 'test', token: 'tok_success' } }))).order;
}

/** Opens the store console at `path` signed in as the admin. */
async function signIn(path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${base}/admin`);
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Orders', exact: true }).waitFor();
  await page.goto(`${base}/admin${path}`);
  return page;
}

/** Checks the page with axe and photographs it. */
async function look(page: Page, name: string): Promise<void> {
  await expectAccessible(page);
  await screenshot(page, name);
}

browserOrSkip('store console: orders', () => {
  it('finds an order by number, refunds part of its payment, downloads its invoice and cancels another', async () => {
    const [placed, other] = [await order(), await order()];
    const page = await signIn('/orders');
    await page.getByLabel('Order number').fill(placed.number);
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('link', { name: placed.number }).waitFor();
    await expect(page.getByRole('link', { name: other.number }).count()).resolves.toBe(0);
    await look(page, 'admin-orders-found');
    await page.getByRole('link', { name: placed.number }).click();
    await page.getByRole('heading', { name: `Order ${placed.number}` }).waitFor();
    await page.getByRole('table', { name: 'Items' }).waitFor();
    await page.getByLabel('Refund reason').fill('Scratched lid');
    await page.getByLabel(/Refund amount/).fill('abc');
    await page.getByRole('button', { name: 'Refund' }).click();
    await expect.poll(() => page.getByLabel(/Refund amount/).getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel(/Refund amount/).fill('120.50');
    await page.getByRole('button', { name: 'Refund' }).click();
    const refunds = page.getByRole('table', { name: 'Refunds' });
    await refunds.getByRole('cell', { name: 'Scratched lid' }).waitFor();
    await refunds.getByRole('cell', { name: '₹120.50' }).waitFor();
    const payments = await ok(as(admin).get(`/admin/payments?orderId=${placed.id}`));
    expect(payments.items[0].refunded.amount).toBe(12_050);
    await page.getByText('Status history').waitFor();
    await look(page, 'admin-order');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'admin-order-phone');
    await page.setViewportSize({ width: 1280, height: 720 });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Invoice PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`invoice-${placed.number}.pdf`);

    await page.getByRole('link', { name: 'Orders', exact: true }).click();
    await page.getByLabel('Order number').fill(other.number);
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('link', { name: other.number }).click();
    await page.getByRole('button', { name: 'Cancel order' }).click();
    // the reason from the store's cancellation reasons, a note beside it
    await page.getByRole('option', { name: 'Out of stock' }).waitFor({ state: 'attached' });
    await page.getByLabel('Cancellation reason').selectOption('out-of-stock');
    await page.getByLabel('Note (optional)').fill('Out of stock at the warehouse');
    await page.getByRole('button', { name: 'Confirm cancellation' }).click();
    await page.getByText('Out of stock at the warehouse').first().waitFor();
    await expect(page.getByRole('button', { name: 'Cancel order' }).count()).resolves.toBe(0);
    expect(await ok(as(admin).get(`/orders/${other.id}`))).toMatchObject({
      status: 'CANCELLED',
      cancelReasonCode: 'out-of-stock',
      cancelReason: 'Out of stock at the warehouse',
    });
  });

  it('approves one seller application and rejects another, the reason required', async () => {
    const [first, second] = [await createCustomer(server), await createCustomer(server)];
    await ok(as(first).post('/me/seller-application', { businessName: 'Kiln Works' }));
    await ok(as(second).post('/me/seller-application', { businessName: 'Loom House' }));
    const page = await signIn('/sellers');
    await page.getByRole('button', { name: 'Approve Kiln Works' }).click();
    await page.getByRole('button', { name: 'Reject Loom House' }).click();
    await look(page, 'admin-sellers');
    await page.getByRole('button', { name: 'Confirm rejection' }).click();
    const reason = page.getByLabel('Reason for rejecting Loom House');
    await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
    await reason.fill('No tax registration');
    await page.getByRole('button', { name: 'Confirm rejection' }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'Loom House' }).count()).toBe(0);
    expect(await ok(as(admin).get(`/admin/sellers/${first.id}`))).toMatchObject({ status: 'APPROVED' });
    expect(await ok(as(admin).get(`/admin/sellers/${second.id}`))).toMatchObject({
      status: 'REJECTED',
      rejectionReason: 'No tax registration',
    });
    await page.getByLabel('Status').selectOption('REJECTED');
    await page.getByRole('cell', { name: /No tax registration/ }).waitFor();
  });

  it('creates a coupon (a bad value shown beside it) that then works at checkout, and changes it', async () => {
    const page = await signIn('/coupons');
    await page.getByRole('button', { name: 'New coupon' }).click();
    await page.getByLabel('Code').fill('WEBTEN');
    await page.getByLabel('Value (%)').fill('150');
    await page.getByRole('button', { name: 'Create coupon' }).click();
    await expect.poll(() => page.getByLabel('Value (%)').getAttribute('aria-invalid')).toBe('true');
    await page.getByText('A percentage is given in basis points').waitFor();
    await page.getByLabel('Value (%)').fill('10');
    await page.getByRole('button', { name: 'Create coupon' }).click();
    await page.getByRole('link', { name: 'WEBTEN' }).waitFor();
    await look(page, 'admin-coupons');
    const { offerId } = await createOffer(server, { stock: 5, price: 80_000 });
    const buyer = await createCustomer(server);
    const cartId = await createCart(buyer, [{ offerId, quantity: 1 }]);
    const placed = (await ok(checkout(buyer, cartId, { couponCode: 'WEBTEN' }))).order;
    expect(placed.couponCode).toBe('WEBTEN');
    expect(placed.totals.discount.amount).toBe(8_000);
    await page.getByRole('link', { name: 'WEBTEN' }).click();
    await page.getByText('used 1 times').waitFor();
    await page.getByLabel('Uses in all (empty: no limit)').fill('100');
    await look(page, 'admin-coupon');
    await page.getByRole('button', { name: 'Save coupon' }).click();
    await page.getByRole('cell', { name: '1 of 100' }).waitFor();
    await page.getByRole('button', { name: 'Deactivate WEBTEN' }).click();
    await page.getByRole('button', { name: 'Activate WEBTEN' }).waitFor();
    const saved = async () => {
      const coupons = await ok(as(admin).get('/admin/coupons?limit=50'));
      const coupon = coupons.items.find((c: { code: string }) => c.code === 'WEBTEN');
      return { usageLimit: coupon.usageLimit, active: coupon.active };
    };
    await expect.poll(saved).toEqual({ usageLimit: 100, active: false });
  });

  it('puts a customer in a new group and adjusts their points, a bad number shown beside it', async () => {
    const customer = await createCustomer(server);
    const page = await signIn('/user-groups');
    await page.getByLabel('Group name').fill('Wholesale');
    await page.getByLabel('Store discount (%)').fill('5');
    await page.getByRole('button', { name: 'Create group' }).click();
    await page.getByRole('cell', { name: 'Wholesale', exact: true }).waitFor();
    await look(page, 'admin-user-groups');
    await page.getByRole('button', { name: 'Edit Wholesale' }).click();
    await page.getByLabel('Store discount (%)').fill('7');
    await page.getByRole('button', { name: 'Save group' }).click();
    await page.getByRole('cell', { name: 'seller 0 %, store 7 %' }).waitFor();
    await page.getByRole('button', { name: 'Create group' }).click();
    await expect.poll(() => page.getByLabel('Group name').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Group name').fill('Trial');
    await page.getByRole('button', { name: 'Create group' }).click();
    await page.getByRole('button', { name: 'Delete Trial' }).click();
    await page.getByRole('button', { name: 'Confirm deleting Trial' }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'Trial', exact: true }).count()).toBe(0);
    await page.getByRole('link', { name: 'Customers' }).click();
    await page.getByLabel('Email, name or phone').fill(customer.email);
    await page.getByRole('button', { name: 'Find' }).click();
    await look(page, 'admin-customers');
    await page.getByRole('link', { name: customer.email }).click();
    await page.getByText('Balance:').waitFor();
    await page.getByLabel('Group').selectOption({ label: 'Wholesale' });
    await page.getByRole('button', { name: 'Save group' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const points = page.getByLabel('Points to add (negative to take away)');
    await points.fill('lots');
    await page.getByLabel('Note').fill('Apology for a late delivery');
    await page.getByRole('button', { name: 'Adjust points' }).click();
    await expect.poll(() => points.getAttribute('aria-invalid')).toBe('true');
    await points.fill('120');
    await page.getByRole('button', { name: 'Adjust points' }).click();
    await page.getByText('Balance: 120 points').waitFor();
    await look(page, 'admin-customer');
    expect((await ok(as(admin).get(`/admin/users/${customer.id}/rewards`))).balance).toBe(120);
    const user = await ok(as(admin).get(`/admin/users/${customer.id}`));
    expect(user.groupId).not.toBeNull();
  });
});
