import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import { anonymous } from '../../../test/kit/index.ts';
import { systemCtx } from '../../platform/http/context.ts';
import { seedDemoCatalog } from './catalog.demo.ts';

let server: TestServer;
let before: { indexes: string[]; foreignKeys: string[] };

/** The seeded tables' indexes and foreign keys, by definition. */
async function structure() {
  const db = server.database.db;
  const tables = ['products', 'variants', 'offers', 'product_images', 'product_specs'];
  const indexes = await sql<{ def: string }>`
    SELECT indexdef AS def FROM pg_indexes
    WHERE schemaname = current_schema() AND tablename = ANY (${tables}::text[]) ORDER BY 1`.execute(db);
  const keys = await sql<{ def: string }>`
    SELECT t.relname || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid) AS def
    FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
    WHERE c.contype = 'f' AND t.relnamespace = current_schema()::regnamespace
      AND t.relname = ANY (${tables}::text[]) ORDER BY 1`.execute(db);
  return { indexes: indexes.rows.map((r) => r.def), foreignKeys: keys.rows.map((r) => r.def) };
}

beforeAll(async () => {
  server = await createTestServer();
  before = await structure();
  const storeId = server.modules.tenancy.defaultStore().id;
  await seedDemoCatalog(
    systemCtx(server.database.db, storeId, server.log, { reason: 'seed' }),
    { identity: server.modules.identity.service, service: server.modules.catalog.service },
    { products: 300, progress: false, bulk: true },
  );
});
afterAll(async () => server?.destroy());

describe('the bulk demo seed', () => {
  it('puts back every index and foreign key it set aside while loading', async () => {
    const after = await structure();
    expect(after).toEqual(before);
    expect(after.indexes.length).toBeGreaterThan(20);
    expect(after.foreignKeys.length).toBeGreaterThan(4);
  });

  it('leaves products listable, searchable and browsable, with a best offer each', async () => {
    const { rows } = await sql<{ listable: number; offers: number; unpriced: number }>`
      SELECT (SELECT count(*)::int FROM products WHERE listable) AS listable,
             (SELECT count(DISTINCT product_id)::int FROM offers) AS offers,
             (SELECT count(*)::int FROM products p WHERE p.best_offer_id IS NULL
                OR NOT EXISTS (SELECT 1 FROM offers o WHERE o.id = p.best_offer_id AND o.product_id = p.id)) AS unpriced
    `.execute(server.database.db);
    expect(rows[0]).toEqual({ listable: 300, offers: 300, unpriced: 0 });
    const search = (await anonymous(server).get('/products?q=smartphone&limit=5')).json();
    expect(search.items.length).toBeGreaterThan(0);
    const page = (await anonymous(server).get('/products?category=smartphones')).json();
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.facets.total).toBeGreaterThan(0);
  });

  it('counts facets as the products trigger would', async () => {
    const { rows } = await sql<{ differences: number }>`
      WITH counted AS (
        SELECT p.store_id, coalesce(p.category_id, '00000000-0000-0000-0000-000000000000') AS category_id,
               e.facet, e.key, e.value, count(*) AS n, count(*) FILTER (WHERE p.in_stock) AS s
        FROM products p
        CROSS JOIN LATERAL catalog_facet_entries(p.brand, p.best_price_amount, p.specs, p.attributes) e
        WHERE p.listable GROUP BY 1, 2, 3, 4, 5
      ), kept AS (
        SELECT store_id, category_id, facet, key, value, count AS n, in_stock AS s
        FROM product_facet_counts WHERE count <> 0 OR in_stock <> 0
      )
      SELECT count(*)::int AS differences FROM (
        (SELECT * FROM counted EXCEPT ALL SELECT * FROM kept)
        UNION ALL (SELECT * FROM kept EXCEPT ALL SELECT * FROM counted)
      ) d`.execute(server.database.db);
    expect(rows[0]!.differences).toBe(0);
    const totals = await sql<{ n: number }>`
      SELECT sum(count)::int AS n FROM product_facet_counts WHERE facet = 'total'`.execute(
      server.database.db,
    );
    expect(totals.rows[0]!.n).toBe(300);
  });
});
