import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import { anonymous, as, createAdmin, inr, sku, type TestUser } from '../../../test/kit/index.ts';
import { getOffers } from './index.ts';

let server: TestServer;
let admin: TestUser;

beforeAll(async () => {
  server = await createTestServer();
  admin = await createAdmin(server);
});
afterAll(async () => server?.destroy());

type View = {
  id: string;
  options: Array<{ name: string; values: string[] }>;
  variants: Array<{
    id: string;
    sku: string;
    options: Record<string, string>;
    offers: Array<{ id: string }>;
  }>;
};

const tee = (options: Record<string, string>) => ({ sku: sku(), options, price: inr(1_000) });

async function create(body: object) {
  return as(admin).post('/admin/products', { name: `Tee ${sku()}`, ...body });
}

async function productCount() {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM products`.execute(
    server.database.db,
  );
  return rows[0]!.n;
}

function expectProblem(
  res: { statusCode: number; headers: Record<string, unknown>; json(): any },
  pointer: string,
) {
  expect(res.statusCode).toBe(400);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.json().errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
}

describe('product options', () => {
  it('keeps the order the variants first name options and values in, not jsonb’s', async () => {
    const res = await create({
      variants: [
        tee({ Color: 'Navy', Size: 'M' }),
        tee({ Color: 'Navy', Size: 'S' }),
        tee({ Color: 'Black', Size: 'M' }),
      ],
    });
    expect(res.statusCode).toBe(201);
    const view = res.json<View>();
    expect(view.options).toEqual([
      { name: 'Color', values: ['Navy', 'Black'] },
      { name: 'Size', values: ['M', 'S'] },
    ]);
    for (const v of view.variants) expect(Object.keys(v.options)).toEqual(['Color', 'Size']);
    const page = (await anonymous(server).get(`/products/${view.id}`)).json<View>();
    expect(page.options).toEqual(view.options);
    expect(Object.keys(page.variants[0]!.options)).toEqual(['Color', 'Size']);
    // the cart and checkout read the same order from the offer snapshots
    const storeId = server.modules.tenancy.defaultStore().id;
    const offerId = view.variants[0]!.offers[0]!.id;
    const [snapshot] = await getOffers({ db: server.database.db, storeId }, [offerId]);
    expect(Object.keys(snapshot!.options)).toEqual(['Color', 'Size']);
  });

  it('takes the merchant’s options as given, values in their order', async () => {
    const options = [
      { name: 'Size', values: ['S', 'M', 'L'] },
      { name: 'Color', values: ['Red', 'Blue'] },
    ];
    const res = await create({
      options,
      variants: [tee({ Color: 'Blue', Size: 'L' }), tee({ Size: 'S', Color: 'Red' })],
    });
    expect(res.statusCode).toBe(201);
    const view = res.json<View>();
    expect(view.options).toEqual(options);
    expect(Object.keys(view.variants[0]!.options)).toEqual(['Size', 'Color']);
  });

  it('refuses variants that do not fit the options with a pointer, creating nothing', async () => {
    const before = await productCount();
    const options = [{ name: 'Size', values: ['S', 'M'] }];
    expectProblem(
      await create({ options, variants: [tee({ Size: 'S' }), tee({ Size: 'XL' })] }),
      '/variants/1/options/Size',
    );
    expectProblem(await create({ options, variants: [tee({})] }), '/variants/0/options');
    expectProblem(
      await create({ options, variants: [tee({ Size: 'S', Fit: 'Slim' })] }),
      '/variants/0/options/Fit',
    );
    // without options, every variant names every option any of them names
    expectProblem(
      await create({ variants: [tee({ Size: 'S' }), tee({ Size: 'M', Fit: 'Slim' })] }),
      '/variants/0/options',
    );
    expectProblem(
      await create({ options: [options[0], options[0]], variants: [tee({ Size: 'S' })] }),
      '/options',
    );
    const four = ['A', 'B', 'C', 'D'].map((name) => ({ name, values: ['x'] }));
    expectProblem(
      await create({ options: four, variants: [tee({ A: 'x', B: 'x', C: 'x', D: 'x' })] }),
      '/options',
    );
    // names an object already has (its prototype's) are no exception
    expectProblem(
      await create({ options: [{ name: 'toString', values: ['a'] }], variants: [tee({})] }),
      '/variants/0/options',
    );
    expect(await productCount()).toBe(before);
  });

  it('appends a new value of an added or changed variant, and refuses other option names', async () => {
    const view = (await create({ variants: [tee({ Color: 'Red', Size: 'S' })] })).json<View>();
    const added = await as(admin).post(
      `/admin/products/${view.id}/variants`,
      tee({ Size: 'M', Color: 'Red' }),
    );
    expect(added.statusCode).toBe(201);
    expect(added.json<View>().options).toEqual([
      { name: 'Color', values: ['Red'] },
      { name: 'Size', values: ['S', 'M'] },
    ]);
    const second = added.json<View>().variants[1]!;
    const changed = await as(admin).patch(`/admin/variants/${second.id}`, {
      options: { Color: 'Blue', Size: 'M' },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json<View>().options[0]).toEqual({ name: 'Color', values: ['Red', 'Blue'] });

    const other = await as(admin).post(
      `/admin/products/${view.id}/variants`,
      tee({ Color: 'Red', Fit: 'Slim' }),
    );
    expectProblem(other, '/options/Fit');
    const missing = await as(admin).patch(`/admin/variants/${second.id}`, { options: { Color: 'Green' } });
    expectProblem(missing, '/options');
    const after = (await as(admin).get(`/admin/products/${view.id}`)).json<View>();
    expect(after.variants).toHaveLength(2);
    expect(after.options).toEqual(changed.json<View>().options);
  });

  it('reorders options and values on request, but never drops a value a variant uses', async () => {
    const view = (
      await create({ variants: [tee({ Color: 'Red', Size: 'S' }), tee({ Color: 'Blue', Size: 'M' })] })
    ).json<View>();
    const reordered = [
      { name: 'Size', values: ['M', 'S', 'L'] },
      { name: 'Color', values: ['Blue', 'Red'] },
    ];
    const res = await as(admin).patch(`/admin/products/${view.id}`, { options: reordered });
    expect(res.statusCode).toBe(200);
    expect(res.json<View>().options).toEqual(reordered);
    expect(Object.keys(res.json<View>().variants[0]!.options)).toEqual(['Size', 'Color']);

    const dropped = await as(admin).patch(`/admin/products/${view.id}`, {
      options: [reordered[0], { name: 'Color', values: ['Blue'] }],
    });
    expectProblem(dropped, '/options/1/values');
    const renamed = await as(admin).patch(`/admin/products/${view.id}`, {
      options: [reordered[0], { name: 'Colour', values: ['Blue', 'Red'] }],
    });
    expectProblem(renamed, '/options');
    expect((await as(admin).get(`/admin/products/${view.id}`)).json<View>().options).toEqual(reordered);
  });

  it('fills the options of products written before them from their variants (migration 003)', async () => {
    const view = (
      await create({
        variants: [
          tee({ Colour: 'Teal', Size: 'L' }),
          tee({ Colour: 'Red', Size: 'L' }),
          tee({ Colour: 'Teal', Size: 'S' }),
        ],
      })
    ).json<View>();
    const db = server.database.db;
    await sql`UPDATE products SET options = '[]' WHERE id = ${view.id}`.execute(db);
    const migration = readFileSync(new URL('./migrations/004_product_options.sql', import.meta.url), 'utf8');
    const backfill = migration.slice(migration.indexOf('WITH ranked AS'));
    await sql.raw(backfill).execute(db);
    const { rows } = await sql<{
      options: unknown;
    }>`SELECT options FROM products WHERE id = ${view.id}`.execute(db);
    // jsonb keeps the shorter key first: Size before Colour, as every export wrote them until now
    expect(rows[0]!.options).toEqual([
      { name: 'Size', values: ['L', 'S'] },
      { name: 'Colour', values: ['Teal', 'Red'] },
    ]);
  });
});
