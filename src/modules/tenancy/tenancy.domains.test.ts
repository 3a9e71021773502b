import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import { startTxtDns } from '../../../test/kit/dns.ts';
import { api, hostClient, signUpOwner, type TestOwner } from '../../../test/kit/index.ts';

/** TXT records the stand-in name server answers with, by name. */
const records = new Map<string, string[][]>();
let dns: Awaited<ReturnType<typeof startTxtDns>>;
let server: TestServer;

beforeAll(async () => {
  dns = await startTxtDns(records);
  const port = dns.port;
  server = await createTestServer({
    config: { BASE_DOMAIN: 'bazaar.test', DOMAIN_DNS_SERVERS: `127.0.0.1:${port}` },
  });
});
afterAll(async () => {
  await server?.close();
  dns?.close();
});

let n = 0;
async function proStore(): Promise<{ owner: TestOwner; storeId: string; subdomain: string }> {
  const owner = await signUpOwner(server);
  await sql`UPDATE tenants SET plan = 'PRO', subscription_status = 'ACTIVE' WHERE id = ${owner.tenantId}`.execute(
    server.database.db,
  );
  const subdomain = `dom-${++n}-${Date.now().toString(36)}`;
  const store = (await owner.client().post('/platform/stores', { name: 'Domains', subdomain })).json();
  await owner.client().post(`/platform/stores/${store.id}/publish`);
  return { owner, storeId: store.id, subdomain };
}

describe('custom domains', () => {
  it('answers at a custom domain only once a DNS TXT record proves it', async () => {
    const { owner, storeId } = await proStore();
    const host = `shop${++n}.bakery-example.com`;
    const named = await owner
      .client()
      .put(`/platform/stores/${storeId}/domain`, { customDomain: host.toUpperCase() });
    expect(named.statusCode).toBe(200);
    const view = named.json();
    expect(view).toMatchObject({ customDomain: host, verified: false });
    expect(view.proof.txt.name).toBe(`_bazaar-verify.${host}`);
    expect((await hostClient(server, { host }).get('/store')).json().id).not.toBe(storeId);

    const early = await owner.client().post(`/platform/stores/${storeId}/domain/verify`, { method: 'dns' });
    expect(early.json()).toMatchObject({ verified: false, problem: expect.stringContaining('TXT') });

    records.set(view.proof.txt.name, [[view.proof.txt.value]]);
    const verified = await owner
      .client()
      .post(`/platform/stores/${storeId}/domain/verify`, { method: 'dns' });
    expect(verified.json()).toMatchObject({ verified: true, problem: null });
    expect((await hostClient(server, { host }).get('/store')).json().id).toBe(storeId);
    const store = (await owner.client().get(`/platform/stores/${storeId}`)).json();
    expect(store.liveUrl).toBe(`https://${host}`);
  });

  it('stops answering at a domain whose proof is gone at the daily re-check', async () => {
    const { owner, storeId } = await proStore();
    const host = `shop${++n}.bakery-example.com`;
    const view = (
      await owner.client().put(`/platform/stores/${storeId}/domain`, { customDomain: host })
    ).json();
    records.set(view.proof.txt.name, [[view.proof.txt.value]]);
    await owner.client().post(`/platform/stores/${storeId}/domain/verify`, {});
    records.delete(view.proof.txt.name);
    const tomorrow = new Date(Date.now() + 86_400_000);
    const result = await server.modules.tenancy.domains.recheck(server.database.db, server.log, tomorrow);
    expect(result.lost).toBeGreaterThanOrEqual(1);
    expect((await owner.client().get(`/platform/stores/${storeId}/domain`)).json().verified).toBe(false);
    expect((await hostClient(server, { host }).get('/store')).json().id).not.toBe(storeId);
  });

  it('refuses a domain another store uses (409), a platform name (400), and past the plan (402)', async () => {
    const first = await proStore();
    const second = await proStore();
    const host = `taken${++n}.bakery-example.com`;
    await first.owner.client().put(`/platform/stores/${first.storeId}/domain`, { customDomain: host });
    const taken = await second.owner
      .client()
      .put(`/platform/stores/${second.storeId}/domain`, { customDomain: host });
    expect(taken.statusCode).toBe(409);
    const platformName = await second.owner
      .client()
      .put(`/platform/stores/${second.storeId}/domain`, { customDomain: 'x.bazaar.test' });
    expect(platformName.statusCode).toBe(400);

    const free = await signUpOwner(server);
    const store = (
      await free.client().post('/platform/stores', { name: 'Free', subdomain: `free-${++n}` })
    ).json();
    const limited = await free
      .client()
      .put(`/platform/stores/${store.id}/domain`, { customDomain: `f${n}.example.org` });
    expect(limited.statusCode).toBe(402);
    expect(limited.json()).toMatchObject({ limit: 'customDomains', plan: 'FREE', max: 0 });
  });

  it("answers a TLS proxy's ask for store hosts only", async () => {
    const { owner, storeId, subdomain } = await proStore();
    const ask = (domain: string) =>
      api(server).get(`/platform/domains/ask?domain=${encodeURIComponent(domain)}`);
    expect((await ask(`${subdomain}.bazaar.test`)).statusCode).toBe(200);
    expect((await ask('nobody-here.bazaar.test')).statusCode).toBe(404);
    expect((await ask('a.b.bazaar.test')).statusCode).toBe(404);
    const host = `ask${++n}.bakery-example.com`;
    const view = (
      await owner.client().put(`/platform/stores/${storeId}/domain`, { customDomain: host })
    ).json();
    expect((await ask(host)).statusCode).toBe(404);
    records.set(view.proof.txt.name, [[view.proof.txt.value]]);
    await owner.client().post(`/platform/stores/${storeId}/domain/verify`, {});
    expect((await ask(host)).statusCode).toBe(200);
  });

  it("keeps another tenant's store domain out of reach (404)", async () => {
    const mine = await proStore();
    const theirs = await proStore();
    const res = await mine.owner
      .client()
      .put(`/platform/stores/${theirs.storeId}/domain`, { customDomain: 'x.example.net' });
    expect(res.statusCode).toBe(404);
  });
});
