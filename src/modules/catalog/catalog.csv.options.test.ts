import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import { as, type Client, createAdmin, createStore, type TestUser } from '../../../test/kit/index.ts';

// Shopify's product template (its published product_template.csv, every column of it), with the
// T-shirt in Color/Size and the jeans and hat weighed in lb and oz: grams with decimals.
const TEMPLATE = readFileSync(
  new URL('../../../test/fixtures/shopify-product-template.csv', import.meta.url),
  'utf8',
);

let server: TestServer;
let admin: TestUser;

beforeAll(async () => {
  server = await createTestServer();
  admin = await createAdmin(server);
});
afterAll(async () => server?.destroy());

type View = {
  options: Array<{ name: string; values: string[] }>;
  variants: Array<{
    sku: string;
    options: Record<string, string>;
    weightGrams: number | null;
    weightUnit: string | null;
  }>;
};

const upload = (body: string, by: Client) =>
  by.post('/admin/products/import', body, { 'content-type': 'text/csv' });
const exportCsv = async (by: Client) => (await by.get('/admin/products/export')).body;
const records = (file: string) => parse(file, { columns: true }) as Record<string, string>[];

async function product(by: Client, slug: string): Promise<View> {
  const list = (await by.get('/admin/products?limit=100')).json().items as Array<{
    id: string;
    slug: string;
  }>;
  const id = list.find((p) => p.slug === slug)!.id;
  return (await by.get(`/admin/products/${id}`)).json<View>();
}

describe('Shopify product CSV: options and weights', () => {
  it('imports Shopify’s product template with zero failed rows', async () => {
    const report = (await upload(TEMPLATE, as(admin))).json();
    expect(report).toMatchObject({ rows: 7, products: 3, created: 3, failed: 0, errors: [] });
  });

  it('keeps the merchant’s option order through import and export', async () => {
    const tee = await product(as(admin), 'example-t-shirt');
    expect(tee.options).toEqual([
      { name: 'Color', values: ['Green', 'Black'] },
      { name: 'Size', values: ['Small', 'Medium'] },
    ]);
    for (const v of tee.variants) expect(Object.keys(v.options)).toEqual(['Color', 'Size']);
    const rows = records(await exportCsv(as(admin))).filter((r) => r.Handle === 'example-t-shirt');
    expect(rows[0]).toMatchObject({ 'Option1 Name': 'Color', 'Option2 Name': 'Size' });
    expect(rows.map((r) => [r['Option1 Value'], r['Option2 Value']])).toEqual([
      ['Green', 'Small'],
      ['Green', 'Medium'],
      ['Black', 'Small'],
      ['Black', 'Medium'],
    ]);
  });

  it('rounds decimal Variant Grams to whole grams and keeps the weight unit', async () => {
    const pants = await product(as(admin), 'example-pants');
    expect(pants.variants.map((v) => [v.weightGrams, v.weightUnit])).toEqual([
      [1134, 'lb'],
      [1191, 'lb'],
    ]);
    expect(pants.options).toEqual([{ name: 'Title', values: ['Jeans, W32H34', 'Jeans, W34H34'] }]);
    const hat = await product(as(admin), 'example-hat');
    expect(hat.variants.map((v) => [v.weightGrams, v.weightUnit])).toEqual([[283, 'oz']]);
    const rows = records(await exportCsv(as(admin))).filter((r) => r.Handle === 'example-pants');
    expect(rows.map((r) => [r['Variant Grams'], r['Variant Weight Unit']])).toEqual([
      ['1134', 'lb'],
      ['1191', 'lb'],
    ]);
  });

  it('exports, imports and exports again to the same file, and re-imports it unchanged', async () => {
    const first = await exportCsv(as(admin));
    expect((await upload(first, as(admin))).json()).toMatchObject({ created: 0, updated: 0, failed: 0 });
    const other = await createStore(server, { name: 'Copy' });
    const otherAdmin = as(await createAdmin(other));
    expect((await upload(first, otherAdmin)).json()).toMatchObject({ created: 3, failed: 0, errors: [] });
    const second = await exportCsv(otherAdmin);
    expect(second).toBe(first);
    expect((await product(otherAdmin, 'example-t-shirt')).options.map((o) => o.name)).toEqual([
      'Color',
      'Size',
    ]);
  });

  it('converts Variant Weight in its unit when Variant Grams is empty; Variant Grams wins when both are given', async () => {
    const file = [
      'Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Grams,Variant Weight,Variant Weight Unit,Variant Price',
      'scale,Scale,Size,A,W-LB,,2.5,lb,1.00',
      'scale,,,B,W-OZ,,10,oz,1.00',
      'scale,,,C,W-KG,,1.2,kg,1.00',
      'scale,,,D,W-BOTH,500,2,lb,1.00',
      'scale,,,E,W-HALF,12.5,,g,1.00',
    ].join('\n');
    expect((await upload(file, as(admin))).json()).toMatchObject({ created: 1, failed: 0, errors: [] });
    const scale = await product(as(admin), 'scale');
    expect(scale.variants.map((v) => [v.sku, v.weightGrams, v.weightUnit])).toEqual([
      ['W-LB', 1134, 'lb'],
      ['W-OZ', 283, 'oz'],
      ['W-KG', 1200, 'kg'],
      ['W-BOTH', 500, 'lb'],
      ['W-HALF', 13, 'g'],
    ]);
  });

  it('reports bad weights, units and missing option values by line, importing the rest', async () => {
    const file = [
      'Handle,Title,Option1 Name,Option1 Value,Option2 Name,Option2 Value,Variant SKU,Variant Grams,Variant Weight Unit,Variant Price',
      'crate,Crate,Size,S,Color,Red,C-1,100,g,1.00',
      'crate,,,M,,Red,C-2,heavy,g,1.00',
      'crate,,,L,,Red,C-3,100,stone,1.00',
      'crate,,,XL,,,C-4,100,g,1.00',
      'crate,,,XXL,,Red,C-5,-4,g,1.00',
    ].join('\n');
    const report = (await upload(file, as(admin))).json();
    expect(report).toMatchObject({ created: 1 });
    expect(report.errors.map((e: { line: number; reason: string }) => e.line)).toEqual([3, 4, 5, 6]);
    expect(report.errors[0].reason).toMatch(/Variant Grams/);
    expect(report.errors[1].reason).toMatch(/Variant Weight Unit/);
    expect(report.errors[2].reason).toMatch(/Option2 Value/);
    const crate = await product(as(admin), 'crate');
    expect(crate.options).toEqual([
      { name: 'Size', values: ['S'] },
      { name: 'Color', values: ['Red'] },
    ]);
  });
});
