import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertRowLevelSecurity } from '../../src/platform/db/rls.ts';
import { transaction } from '../../src/platform/db/transaction.ts';
import { newId } from '../../src/platform/ids.ts';
import { createTestServer, type TestServer } from '../harness.ts';
import { createOrder, createProduct, createStorePair, type TestOrder, type TestStore } from '../kit/index.ts';

// The database's own wall (decision 016): with the application's scoping left out entirely (raw
// SQL naming another store's rows by id), a handle bound to store A reads, changes and adds
// nothing of store B's.
let server: TestServer;
let storeA: TestStore;
let storeB: TestStore;
let productB: { id: string };
let orderB: TestOrder;

beforeAll(async () => {
  server = await createTestServer({ env: { DATABASE_RLS: 'on' } });
  ({ storeA, storeB } = await createStorePair(server));
  await createProduct(server, storeA);
  productB = await createProduct(server, storeB);
  orderB = await createOrder(storeB, { status: 'PAID' });
});
afterAll(async () => server?.destroy());

const boundTo = (store: TestStore) => server.database.forStore(store.id);

describe('a handle bound to store A', () => {
  it('finds none of store B rows when it names them by id, in any table', async () => {
    const db = boundTo(storeA);
    const product = await sql`SELECT id FROM products WHERE id = ${productB.id}`.execute(db);
    const order = await sql`SELECT id FROM orders WHERE id = ${orderB.order.id}`.execute(db);
    const payment = await sql`SELECT id FROM payments WHERE id = ${orderB.payment.id}`.execute(db);
    const items = await sql`SELECT id FROM order_items WHERE order_id = ${orderB.order.id}`.execute(db);
    expect([product.rows, order.rows, payment.rows, items.rows]).toEqual([[], [], [], []]);
  });

  it('sees store B rows not even without a WHERE, while store B handle sees its own', async () => {
    const inA = await sql<{ id: string }>`SELECT id FROM products`.execute(boundTo(storeA));
    const inB = await sql<{ id: string }>`SELECT id FROM products`.execute(boundTo(storeB));
    expect(inA.rows.map((r) => r.id)).not.toContain(productB.id);
    expect(inB.rows.map((r) => r.id)).toContain(productB.id);
  });

  it('changes and deletes none of store B rows', async () => {
    const db = boundTo(storeA);
    const updated = await sql`UPDATE products SET name = 'taken' WHERE id = ${productB.id}`.execute(db);
    const deleted = await sql`DELETE FROM order_status_history WHERE order_id = ${orderB.order.id}`.execute(
      db,
    );
    expect([updated.numAffectedRows, deleted.numAffectedRows]).toEqual([0n, 0n]);
    const row = await sql<{ name: string }>`SELECT name FROM products WHERE id = ${productB.id}`.execute(
      server.database.db,
    );
    expect(row.rows[0]?.name).not.toBe('taken');
  });

  it('is refused an insert into store B, inside its own transaction', async () => {
    const attempt = transaction(boundTo(storeA), async (trx) => {
      await sql`INSERT INTO warehouses (id, store_id, code, name)
                VALUES (${newId()}, ${storeB.id}, ${`W${Date.now()}`}, 'Smuggled')`.execute(trx);
    });
    await expect(attempt).rejects.toMatchObject({ code: '42501' });
  });

  it('is refused moving one of its own rows into store B', async () => {
    const mine = await createProduct(server, storeA);
    const moved = sql`UPDATE products SET store_id = ${storeB.id} WHERE id = ${mine.id}`.execute(
      boundTo(storeA),
    );
    await expect(moved).rejects.toMatchObject({ code: '42501' });
  });

  it('leaves no role or store behind on the connection for the next statement', async () => {
    await sql`SELECT 1`.execute(boundTo(storeA));
    const { rows } = await sql<{ who: string; store: string | null }>`
      SELECT current_user AS who, nullif(current_setting('app.store_id', true), '') AS store`.execute(
      server.database.db,
    );
    expect(rows[0]).toEqual({ who: expect.not.stringMatching(/^bazaar_app$/), store: null });
  });

  it('runs as the restricted role with the store set, in and out of transactions', async () => {
    const probe = sql<{ who: string; store: string }>`
      SELECT current_user AS who, current_setting('app.store_id', true) AS store`;
    const single = await probe.execute(boundTo(storeA));
    const inTrx = await transaction(boundTo(storeA), (trx) => probe.execute(trx));
    expect([single.rows[0], inTrx.rows[0]]).toEqual([
      { who: 'bazaar_app', store: storeA.id },
      { who: 'bazaar_app', store: storeA.id },
    ]);
  });
});

describe('work that is bound to no store', () => {
  it('sees every store rows (jobs, sweeps and migrations run so)', async () => {
    const { rows } = await sql<{ n: number }>`
      SELECT count(DISTINCT store_id)::int AS n FROM products
      WHERE store_id IN (${storeA.id}, ${storeB.id})`.execute(server.database.db);
    expect(rows[0]?.n).toBe(2);
  });
});

describe('the schema', () => {
  it('has row-level security and a store policy on every table with a store_id column', async () => {
    const { rows } = await sql<{ table: string; secured: boolean; policies: number }>`
      SELECT c.relname AS table, c.relrowsecurity AS secured,
             (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
        FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'store_id'
       WHERE c.relnamespace = ${server.schema}::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
       ORDER BY 1`.execute(server.database.db);
    expect(rows.length).toBeGreaterThan(40);
    expect(rows.filter((r) => !r.secured || r.policies === 0)).toEqual([]);
  });
});

describe('the start-up check', () => {
  it('passes on a migrated schema', async () => {
    await expect(assertRowLevelSecurity(server.database.pool)).resolves.toBeUndefined();
  });

  it('refuses a store-scoped table without row-level security, naming it', async () => {
    await sql`ALTER TABLE carts DISABLE ROW LEVEL SECURITY`.execute(server.database.db);
    try {
      await expect(assertRowLevelSecurity(server.database.pool)).rejects.toThrow(
        /no row-level security: carts$/,
      );
    } finally {
      await sql`ALTER TABLE carts ENABLE ROW LEVEL SECURITY`.execute(server.database.db);
    }
  });

  it('refuses a store-scoped table the restricted role may not write, naming it', async () => {
    await sql`REVOKE UPDATE ON wishlists FROM bazaar_app`.execute(server.database.db);
    try {
      await expect(assertRowLevelSecurity(server.database.pool)).rejects.toThrow(/no rights on wishlists:/);
    } finally {
      await sql`GRANT UPDATE ON wishlists TO bazaar_app`.execute(server.database.db);
    }
  });
});

describe('DATABASE_RLS=off', () => {
  it('hands out the unrestricted handle for a store', async () => {
    const off = await createTestServer({ env: { DATABASE_RLS: 'off' } });
    try {
      expect(off.database.rls).toBe(false);
      expect(off.database.forStore(storeA.id)).toBe(off.database.db);
    } finally {
      await off.destroy();
    }
  });
});
