import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pruneAudit } from '../../src/platform/audit/audit.retention.ts';
import { changedFields, recordAudit } from '../../src/platform/audit/audit.ts';
import { transaction } from '../../src/platform/db/transaction.ts';
import { type Ctx, withDb } from '../../src/platform/http/context.ts';
import { newId } from '../../src/platform/ids.ts';
import { createTestServer, type TestServer } from '../harness.ts';
import { anonymous, as, createAdmin, createStorePair, ok, serviceCtx, type TestUser } from '../kit/index.ts';

// The platform's audit API: entries live and die with their transaction, the table refuses every
// change but the retention job's delete, and staff with audit:read query it per entity, actor and time.
let server: TestServer;
let admin: TestUser;
let ctx: Ctx;

beforeAll(async () => {
  server = await createTestServer();
  admin = await createAdmin(server);
  ctx = serviceCtx(server, admin);
});
afterAll(async () => server?.destroy());

function record(entityId: string, fields: { action?: string; before?: object; after?: object } = {}) {
  return transaction(ctx.db, (trx) =>
    recordAudit(withDb(ctx, trx), {
      entityType: 'product',
      entityId,
      action: fields.action ?? 'update',
      before: (fields.before as Record<string, unknown>) ?? { name: 'a' },
      after: (fields.after as Record<string, unknown>) ?? { name: 'b' },
    }),
  );
}

async function entriesOf(entityId: string) {
  return sql<{ id: string; action: string }>`SELECT id, action FROM audit_log WHERE entity_id = ${entityId}`
    .execute(server.database.db)
    .then((r) => r.rows);
}

describe('recording', () => {
  it('keeps only the fields that changed, and writes nothing when none did', async () => {
    expect(changedFields({ a: 1, b: [1, 2], c: 'x' }, { a: 1, b: [1, 3], c: 'y' })).toEqual({
      before: { b: [1, 2], c: 'x' },
      after: { b: [1, 3], c: 'y' },
    });
    const id = newId();
    expect(await record(id, { before: { name: 'same' }, after: { name: 'same' } })).toBe(false);
    expect(await entriesOf(id)).toEqual([]);
  });

  it('refuses to record outside a transaction', async () => {
    await expect(
      recordAudit(ctx, { entityType: 'product', entityId: newId(), action: 'create', after: {} }),
    ).rejects.toThrow(/transaction/);
  });

  it('leaves no entry when the change rolls back after recording', async () => {
    const id = newId();
    await expect(
      transaction(ctx.db, async (trx) => {
        await recordAudit(withDb(ctx, trx), {
          entityType: 'coupon',
          entityId: id,
          action: 'create',
          after: { code: 'X' },
        });
        throw new Error('the change failed after its entry');
      }),
    ).rejects.toThrow(/failed after/);
    expect(await entriesOf(id)).toEqual([]);
  });
});

describe('append-only', () => {
  it('refuses to change, delete or truncate entries', async () => {
    const id = newId();
    await record(id);
    const db = server.database.db;
    await expect(
      sql`UPDATE audit_log SET action = 'forged' WHERE entity_id = ${id}`.execute(db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log WHERE entity_id = ${id}`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`TRUNCATE audit_log`.execute(db)).rejects.toThrow(/append-only/);
    expect((await entriesOf(id)).map((e) => e.action)).toEqual(['update']);
  });

  it('lets the retention job delete entries older than AUDIT_RETENTION_DAYS, and only those', async () => {
    const old = newId();
    const recent = newId();
    await sql`INSERT INTO audit_log (id, store_id, entity_type, entity_id, action, created_at)
      VALUES (${newId()}, ${ctx.storeId}, 'product', ${old}, 'update', now() - interval '31 days'),
             (${newId()}, ${ctx.storeId}, 'product', ${recent}, 'update', now() - interval '29 days')`.execute(
      server.database.db,
    );
    expect(await pruneAudit(server.database.db, { AUDIT_RETENTION_DAYS: 30 })).toBeGreaterThanOrEqual(1);
    expect(await entriesOf(old)).toEqual([]);
    expect(await entriesOf(recent)).toHaveLength(1);
  });
});

describe('GET /admin/audit', () => {
  it("pages one entity's entries newest first", async () => {
    const id = newId();
    for (const name of ['one', 'two', 'three']) await record(id, { after: { name } });
    const first = await ok(as(admin).get(`/admin/audit?entityType=product&entityId=${id}&limit=2`));
    expect(first.items.map((e: { after: { name: string } }) => e.after.name)).toEqual(['three', 'two']);
    const second = await ok(
      as(admin).get(`/admin/audit?entityType=product&entityId=${id}&limit=2&cursor=${first.nextCursor}`),
    );
    expect(second.items.map((e: { after: { name: string } }) => e.after.name)).toEqual(['one']);
    expect(second.nextCursor).toBeNull();
  });

  it('filters by actor and by time', async () => {
    const other = await createAdmin(server);
    const id = newId();
    await record(id);
    await transaction(ctx.db, (trx) =>
      recordAudit(withDb(serviceCtx(server, other), trx), {
        entityType: 'product',
        entityId: id,
        action: 'delete',
        before: { name: 'b' },
      }),
    );
    const mine = await ok(as(admin).get(`/admin/audit?actorId=${other.id}`));
    expect(mine.items.map((e: { action: string }) => e.action)).toEqual(['delete']);
    const future = await ok(as(admin).get(`/admin/audit?entityId=${id}&from=2999-01-01`));
    expect(future.items).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    const now = await ok(as(admin).get(`/admin/audit?entityId=${id}&from=${today}&to=${today}`));
    expect(now.items).toHaveLength(2);
  });

  it('answers 400 for from after to, an unknown entity type or parameter; an id that is no UUID matches nothing', async () => {
    expect((await as(admin).get('/admin/audit?from=2026-02-02&to=2026-02-01')).statusCode).toBe(400);
    expect((await as(admin).get('/admin/audit?entityType=order')).statusCode).toBe(400);
    expect((await as(admin).get('/admin/audit?who=me')).statusCode).toBe(400);
    expect((await as(admin).get('/admin/audit?limit=0')).statusCode).toBe(400);
    expect((await as(admin).get('/admin/audit?from=yesterday')).statusCode).toBe(400);
    expect(await ok(as(admin).get('/admin/audit?entityId=not-a-uuid'))).toEqual({
      items: [],
      nextCursor: null,
    });
  });

  it('needs audit:read', async () => {
    const narrow = await createAdmin(server, { permissions: ['orders:refund'] });
    expect((await as(narrow).get('/admin/audit')).statusCode).toBe(403);
    expect((await anonymous(server).get('/admin/audit')).statusCode).toBe(401);
  });

  it('exports as CSV with formula-looking cells guarded', async () => {
    const id = newId();
    await record(id, { before: { name: 'x' }, after: { name: '=SUM(A1)' } });
    const res = await as(admin).get(`/admin/audit?entityId=${id}&format=csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const [header, line] = res.body.trim().split('\n');
    expect(header).toBe(
      'at,entity_type,entity_id,action,actor_user_id,actor_roles,actor_realm,request_id,before,after',
    );
    expect(line).toContain(`product,${id},update,${admin.id},ADMIN`);
    expect(line).toContain('=SUM(A1)');
  });

  it("never shows one store's entries in another", async () => {
    const { storeA, adminA, adminB } = await createStorePair(server);
    const staffA = await createAdmin(storeA);
    const id = newId();
    const ctxA = serviceCtx(server, staffA, storeA.id);
    await transaction(server.database.forStore(storeA.id), (trx) =>
      recordAudit(withDb(ctxA, trx), {
        entityType: 'coupon',
        entityId: id,
        action: 'create',
        after: { code: 'A' },
      }),
    );
    expect((await ok(adminA.get(`/admin/audit?entityId=${id}`))).items).toHaveLength(1);
    expect((await ok(adminB.get(`/admin/audit?entityId=${id}`))).items).toEqual([]);
  });
});
