import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import { anonymous, as, createAdmin, createUser } from '../../../test/kit/index.ts';
import { lastMailTo } from '../../../test/mail.ts';
import { systemCtx } from '../../platform/http/context.ts';
import { newId } from '../../platform/ids.ts';
import { AddressInput } from './index.ts';

let server: TestServer;

beforeAll(async () => {
  server = await createTestServer();
});
afterAll(async () => server?.destroy());

const home = {
  label: 'home',
  name: 'Asha Rao',
  line1: '12 MG Road',
  city: 'Mumbai',
  state: 'Maharashtra',
  postalCode: '400001',
  country: 'in',
  phone: '+919800000001',
};

describe('addresses', () => {
  it('saves addresses, makes the first the default for both, and moves a default on request', async () => {
    const user = await createUser(server);
    const first = await as(user).post('/me/addresses', home);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      label: 'home',
      country: 'IN',
      line2: null,
      isDefaultShipping: true,
      isDefaultBilling: true,
    });
    const work = await as(user).post('/me/addresses', {
      ...home,
      label: 'work',
      line1: '1 Tech Park',
      isDefaultShipping: true,
    });
    expect(work.json()).toMatchObject({ isDefaultShipping: true, isDefaultBilling: false });
    const list = (await as(user).get('/me/addresses')).json();
    expect(list.items.map((a: { label: string }) => a.label)).toEqual(['home', 'work']);
    expect(list.items[0]).toMatchObject({ isDefaultShipping: false, isDefaultBilling: true });

    const billing = await as(user).patch(`/me/addresses/${work.json().id}`, {
      isDefaultBilling: true,
      line2: 'Floor 3',
    });
    expect(billing.json()).toMatchObject({ isDefaultBilling: true, line2: 'Floor 3' });
    const homeNow = (await as(user).get(`/me/addresses/${first.json().id}`)).json();
    expect(homeNow.isDefaultBilling).toBe(false);
  });

  it('keeps at most one default shipping and billing address per user in the database', async () => {
    const user = await createUser(server);
    const a = (await as(user).post('/me/addresses', { ...home, label: 'a' })).json();
    await as(user).post('/me/addresses', { ...home, label: 'b' });
    const forced = server.database.db
      .updateTable('user_addresses')
      .set({ is_default_shipping: true })
      .where('user_id', '=', user.id)
      .where('id', '<>', a.id)
      .execute();
    await expect(forced).rejects.toThrow();
  });

  it('never ends with two defaults when many addresses are made default at once', async () => {
    const user = await createUser(server);
    const created = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        as(user).post('/me/addresses', { ...home, label: `race-${i}`, isDefaultShipping: true }),
      ),
    );
    expect(created.every((r) => r.statusCode === 201)).toBe(true);
    const items = (await as(user).get('/me/addresses')).json().items;
    expect(items.filter((a: { isDefaultShipping: boolean }) => a.isDefaultShipping)).toHaveLength(1);
  });

  it("answers 404 for another user's address and for ids of any format", async () => {
    const owner = await createUser(server);
    const stranger = await createUser(server);
    const address = (await as(owner).post('/me/addresses', home)).json();
    for (const id of [address.id, newId(), 'nope', '1']) {
      expect((await as(stranger).get(`/me/addresses/${id}`)).statusCode).toBe(404);
      expect((await as(stranger).patch(`/me/addresses/${id}`, { city: 'Pune' })).statusCode).toBe(404);
      expect((await as(stranger).del(`/me/addresses/${id}`)).statusCode).toBe(404);
    }
    expect((await as(owner).get(`/me/addresses/${address.id}`)).json().city).toBe('Mumbai');
    expect((await anonymous(server).get('/me/addresses')).statusCode).toBe(401);
  });

  it('refuses a label used twice (ignoring case), bad countries and bad input, writing nothing', async () => {
    const user = await createUser(server);
    await as(user).post('/me/addresses', home);
    const dup = await as(user).post('/me/addresses', { ...home, label: 'HOME' });
    expect(dup.statusCode).toBe(409);
    const bad = await as(user).post('/me/addresses', {
      name: 'x'.repeat(10_000),
      line1: '',
      city: 5,
      state: 'S',
      postalCode: '!!',
      country: 'XX',
    });
    expect(bad.statusCode).toBe(400);
    const pointers = bad.json().errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/name', '/line1', '/city', '/postalCode', '/country']));
    expect((await as(user).get('/me/addresses')).json().items).toHaveLength(1);
  });

  it('deletes an address', async () => {
    const user = await createUser(server);
    const address = (await as(user).post('/me/addresses', home)).json();
    expect((await as(user).del(`/me/addresses/${address.id}`)).statusCode).toBe(204);
    expect((await as(user).get(`/me/addresses/${address.id}`)).statusCode).toBe(404);
  });

  it('exports the address schema checkout reuses', () => {
    const parsed = AddressInput.safeParse({ ...home, country: 'us' });
    expect(parsed.success && parsed.data.country).toBe('US');
    expect(AddressInput.safeParse({ ...home, country: 'ZZ' }).success).toBe(false);
  });
});

describe('customer profile', () => {
  it('shows loyalty points (0 until promotions feeds them) and stores currency and birth date', async () => {
    const user = await createUser(server);
    const empty = (await as(user).get('/me/profile')).json();
    expect(empty).toEqual({
      customer: { loyaltyPoints: 0, preferredCurrency: null, dateOfBirth: null },
      seller: null,
      admin: null,
    });
    const res = await as(user).patch('/me/profile/customer', {
      preferredCurrency: 'INR',
      dateOfBirth: '1990-04-01',
    });
    expect(res.json()).toEqual({ loyaltyPoints: 0, preferredCurrency: 'INR', dateOfBirth: '1990-04-01' });
    const bad = await as(user).patch('/me/profile/customer', {
      preferredCurrency: 'rupees',
      dateOfBirth: '2999-01-01',
      loyaltyPoints: 5,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('changes name and phone', async () => {
    const user = await createUser(server);
    const res = await as(user).patch('/me', { name: 'New Name', phone: '+15550001111' });
    expect(res.json()).toMatchObject({ name: 'New Name', phone: '+15550001111' });
    expect((await as(user).patch('/me', { name: '' })).statusCode).toBe(400);
  });
});

describe('seller onboarding', () => {
  const application = {
    businessName: 'Rao Textiles',
    businessType: 'retail',
    taxId: '27AAAAA0000A1Z5',
    businessAddress: { ...home, label: undefined },
    bankDetails: {
      accountHolder: 'Rao Textiles',
      accountNumber: '001234567890',
      bankName: 'State Bank',
      routingCode: 'SBIN0000001',
    },
    documents: ['https://files.example.test/gst.pdf'],
  };

  it('applies, is approved by an admin and becomes a SELLER', async () => {
    const user = await createUser(server);
    const admin = await createAdmin(server);
    const applied = await as(user).post('/me/seller-application', application);
    expect(applied.statusCode).toBe(201);
    expect(applied.json()).toMatchObject({
      status: 'PENDING',
      commissionRateBps: 500,
      bankDetails: { accountHolder: 'Rao Textiles', bankName: 'State Bank', accountNumberLast4: '7890' },
      documents: application.documents,
    });
    expect(JSON.stringify(applied.json())).not.toContain('001234567890');
    expect((await as(user).post('/me/seller-application', application)).statusCode).toBe(409);

    const queue = (await as(admin).get('/admin/sellers?status=PENDING')).json();
    expect(queue.items.map((s: { userId: string }) => s.userId)).toContain(user.id);
    const approved = await as(admin).post(`/admin/sellers/${user.id}/approve`, { commissionRateBps: 750 });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'APPROVED', commissionRateBps: 750 });
    expect((await as(user).get('/me')).json().roles).toEqual(['CUSTOMER', 'SELLER']);
    expect((await lastMailTo(server, user.email)).subject).toMatch(/approved/i);
    const twice = await as(admin).post(`/admin/sellers/${user.id}/reject`, { reason: 'late' });
    expect(twice.statusCode).toBe(409);
  });

  it('keeps bank details encrypted at rest, readable in full only through the service', async () => {
    const user = await createUser(server);
    const admin = await createAdmin(server);
    await as(user).post('/me/seller-application', application);
    const row = await server.database.db
      .selectFrom('seller_profiles')
      .select('bank_details_encrypted')
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.bank_details_encrypted).toMatch(/^v1\./);
    expect(row.bank_details_encrypted).not.toContain('001234567890');
    const ctx = {
      db: server.database.db,
      storeId: server.modules.tenancy.defaultStore().id,
      tenantId: '',
      actor: {
        userId: admin.id,
        storeId: server.modules.tenancy.defaultStore().id,
        roles: ['ADMIN' as const],
      },
      requestId: 't',
      log: server.log,
    };
    const details = await server.modules.identity.service.profiles.sellerBankDetails(ctx, user.id);
    expect(details).toEqual(application.bankDetails);
    // The same ciphertext in another seller's row does not decrypt there.
    const other = await createUser(server);
    await as(other).post('/me/seller-application', { businessName: 'Other' });
    await server.database.db
      .updateTable('seller_profiles')
      .set({ bank_details_encrypted: row.bank_details_encrypted })
      .where('user_id', '=', other.id)
      .execute();
    await expect(server.modules.identity.service.profiles.sellerBankDetails(ctx, other.id)).rejects.toThrow();
  });

  it('is rejected with a reason, may re-apply, and the applicant can edit the profile', async () => {
    const user = await createUser(server);
    const admin = await createAdmin(server);
    await as(user).post('/me/seller-application', { businessName: 'Shaky Shop' });
    const noReason = await as(admin).post(`/admin/sellers/${user.id}/reject`, {});
    expect(noReason.statusCode).toBe(400);
    const rejected = await as(admin).post(`/admin/sellers/${user.id}/reject`, { reason: 'Tax id missing' });
    expect(rejected.json()).toMatchObject({ status: 'REJECTED', rejectionReason: 'Tax id missing' });
    expect((await as(user).get('/me')).json().roles).toEqual(['CUSTOMER']);
    const mine = (await as(user).get('/me/profile')).json();
    expect(mine.seller.status).toBe('REJECTED');

    const again = await as(user).post('/me/seller-application', {
      businessName: 'Shaky Shop',
      taxId: '27BBBBB0000B1Z5',
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({
      status: 'PENDING',
      rejectionReason: null,
      taxId: '27BBBBB0000B1Z5',
    });
    const edited = await as(user).patch('/me/seller-profile', { businessType: 'wholesale' });
    expect(edited.json()).toMatchObject({ businessType: 'wholesale', status: 'PENDING' });
  });

  it('takes only https document links, refusing javascript:, data:, file: and plain http', async () => {
    const user = await createUser(server);
    for (const link of [
      'javascript:alert(document.cookie)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'http://files.example.test/gst.pdf',
    ]) {
      const res = await as(user).post('/me/seller-application', { ...application, documents: [link] });
      expect(res.statusCode, link).toBe(400);
      expect(res.json().errors[0].pointer).toBe('/documents/0');
    }
    const ok = await as(user).post('/me/seller-application', application);
    expect(ok.statusCode).toBe(201);
    const changed = await as(user).patch('/me/seller-profile', { documents: ['javascript:alert(1)'] });
    expect(changed.statusCode).toBe(400);
  });

  it('answers 404 for a profile that does not exist', async () => {
    const admin = await createAdmin(server);
    const user = await createUser(server);
    for (const id of [user.id, newId(), 'bogus']) {
      expect((await as(admin).post(`/admin/sellers/${id}/approve`, {})).statusCode).toBe(404);
      expect((await as(admin).get(`/admin/sellers/${id}`)).statusCode).toBe(404);
    }
    expect((await as(user).patch('/me/seller-profile', { businessType: 'x' })).statusCode).toBe(404);
  });
});

describe('admin profiles', () => {
  it('lets only a SUPER_ADMIN set permissions; admins read them', async () => {
    const superAdmin = await createUser(server, { roles: ['SUPER_ADMIN'] });
    const admin = await createAdmin(server);
    const body = { permissions: ['orders:refund', 'rewards:adjust'], department: 'Support' };
    expect((await as(admin).put(`/admin/users/${admin.id}/admin-profile`, body)).statusCode).toBe(403);
    const set = await as(superAdmin).put(`/admin/users/${admin.id}/admin-profile`, body);
    expect(set.json()).toEqual(body);
    expect((await as(admin).get(`/admin/users/${admin.id}/admin-profile`)).json()).toEqual(body);
    expect((await as(admin).get('/me/profile')).json().admin).toEqual(body);
    const bad = await as(superAdmin).put(`/admin/users/${admin.id}/admin-profile`, {
      permissions: ['DROP TABLE'],
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('user groups', () => {
  it('are created, changed, assigned and read for pricing, and deleting one frees its members', async () => {
    const admin = await createAdmin(server);
    const member = await createUser(server);
    const created = await as(admin).post('/admin/user-groups', {
      name: 'Premium',
      sellerDiscountBps: 1000,
      adminDiscountBps: 500,
      sellerRewardBps: 1500,
    });
    expect(created.statusCode).toBe(201);
    const group = created.json();
    expect(group).toMatchObject({ name: 'Premium', adminRewardBps: 0, sellerRewardBps: 1500 });
    expect((await as(admin).post('/admin/user-groups', { name: 'premium' })).statusCode).toBe(409);
    const changed = await as(admin).patch(`/admin/user-groups/${group.id}`, { adminRewardBps: 1000 });
    expect(changed.json().adminRewardBps).toBe(1000);

    const assigned = await as(admin).put(`/admin/users/${member.id}/group`, { groupId: group.id });
    expect(assigned.json().groupId).toBe(group.id);
    const storeId = server.modules.tenancy.defaultStore().id;
    const groupOf = (id: string) =>
      server.modules.identity.service.groups.ofUser(
        systemCtx(server.database.db, storeId, server.app.log),
        id,
      );
    expect(await groupOf(member.id)).toMatchObject({
      id: group.id,
      sellerDiscountBps: 1000,
      adminDiscountBps: 500,
      adminRewardBps: 1000,
    });
    const byGroup = (await as(admin).get(`/admin/users?group=${group.id}`)).json();
    expect(byGroup.items.map((u: { id: string }) => u.id)).toEqual([member.id]);

    expect((await as(admin).del(`/admin/user-groups/${group.id}`)).statusCode).toBe(204);
    expect(await groupOf(member.id)).toBeNull();
    expect((await as(admin).get(`/admin/user-groups/${group.id}`)).statusCode).toBe(404);
  });

  it('refuses percents outside 0–100 % and unknown groups', async () => {
    const admin = await createAdmin(server);
    const user = await createUser(server);
    const bad = await as(admin).post('/admin/user-groups', {
      name: 'Too much',
      sellerDiscountBps: 10_001,
      adminRewardBps: 1.5,
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { pointer: string }) => e.pointer)
        .sort(),
    ).toEqual(['/adminRewardBps', '/sellerDiscountBps']);
    expect((await as(admin).put(`/admin/users/${user.id}/group`, { groupId: newId() })).statusCode).toBe(404);
  });
});
