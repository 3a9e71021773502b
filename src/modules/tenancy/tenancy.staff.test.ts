import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import { signUpOwner, type TestOwner } from '../../../test/kit/index.ts';
import { sentMails } from '../../../test/mail.ts';

let server: TestServer;

beforeAll(async () => {
  server = await createTestServer({ config: { BASE_DOMAIN: 'bazaar.test' } });
});
afterAll(() => server?.close());

let n = 0;
async function ownerWithStore(plan = 'PRO'): Promise<{ owner: TestOwner; storeId: string; host: string }> {
  const owner = await signUpOwner(server);
  await sql`UPDATE tenants SET plan = ${plan} WHERE id = ${owner.tenantId}`.execute(server.database.db);
  const subdomain = `staff-${++n}-${Date.now().toString(36)}`;
  const store = (await owner.client().post('/platform/stores', { name: `Staffed ${n}`, subdomain })).json();
  return { owner, storeId: store.id, host: `${subdomain}.bazaar.test` };
}

/** The invitation token mailed to `email` (from the link's fragment). */
async function invitationTo(email: string): Promise<string> {
  const mail = (await sentMails(server)).find(
    (m) => m.to.includes(email) && m.subject.startsWith('You are invited'),
  );
  const token = /#invitation=([\w-]+)/.exec(mail?.text ?? '')?.[1];
  if (!token) throw new Error(`no invitation mailed to ${email}`);
  return token;
}

describe('store staff', () => {
  it('invites by email; the invited account acts in the store with its role and no further', async () => {
    const { owner, storeId, host } = await ownerWithStore();
    const helper = await signUpOwner(server);
    const invited = await owner.client().post(`/platform/stores/${storeId}/staff/invitations`, {
      email: helper.email,
      role: 'CATALOG_MANAGER',
    });
    expect(invited.statusCode).toBe(201);
    expect(invited.json().invitations).toEqual([
      expect.objectContaining({ email: helper.email, role: 'CATALOG_MANAGER' }),
    ]);

    const before = await helper.client(host).get('/admin/store/settings');
    expect([401, 403, 404]).toContain(before.statusCode);
    const token = await invitationTo(helper.email);
    const accepted = await helper.client().post('/platform/invitations/accept', { token });
    expect(accepted.json()).toMatchObject({
      storeId,
      role: 'CATALOG_MANAGER',
      storeName: expect.any(String),
    });
    expect(new URL(accepted.json().consoleUrl)).toMatchObject({ hostname: host, pathname: '/admin' });
    expect((await helper.client(host).get('/admin/store/settings')).statusCode).toBe(200);
    const change = await helper.client(host).patch('/admin/store/settings', { returnWindowDays: 3 });
    expect(change.statusCode).toBe(403);
    expect((await helper.client().post('/platform/invitations/accept', { token })).statusCode).toBe(404);

    const staff = (await owner.client().get(`/platform/stores/${storeId}/staff`)).json();
    expect(staff.members).toEqual([
      expect.objectContaining({ accountId: helper.userId, email: helper.email, role: 'CATALOG_MANAGER' }),
    ]);
    expect(staff.invitations).toEqual([]);
    await owner.client().del(`/platform/stores/${storeId}/staff/${helper.userId}`);
    const after = await helper.client(host).get('/admin/store/settings');
    expect([401, 403, 404]).toContain(after.statusCode);
  });

  it("refuses an invitation past the plan's staff limit (402), counting open invitations", async () => {
    const { owner, storeId } = await ownerWithStore('FREE');
    const first = await owner
      .client()
      .post(`/platform/stores/${storeId}/staff/invitations`, { email: 'one@example.test', role: 'SUPPORT' });
    expect(first.statusCode).toBe(201);
    const second = await owner
      .client()
      .post(`/platform/stores/${storeId}/staff/invitations`, { email: 'two@example.test', role: 'SUPPORT' });
    expect(second.statusCode).toBe(402);
    expect(second.json()).toMatchObject({ limit: 'staffPerStore', plan: 'FREE', max: 1 });
    const invitation = first.json().invitations[0];
    await owner.client().del(`/platform/stores/${storeId}/staff/invitations/${invitation.id}`);
    const third = await owner
      .client()
      .post(`/platform/stores/${storeId}/staff/invitations`, { email: 'two@example.test', role: 'SUPPORT' });
    expect(third.statusCode).toBe(201);
  });

  it("keeps another tenant's staff out of reach (404) and refuses bad roles (400)", async () => {
    const mine = await ownerWithStore();
    const theirs = await ownerWithStore();
    const res = await mine.owner.client().get(`/platform/stores/${theirs.storeId}/staff`);
    expect(res.statusCode).toBe(404);
    const bad = await mine.owner
      .client()
      .post(`/platform/stores/${mine.storeId}/staff/invitations`, { email: 'x@example.test', role: 'OWNER' });
    expect(bad.statusCode).toBe(400);
  });
});
