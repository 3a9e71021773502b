import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type TestUser } from '../../../test/factories.ts';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import { newId } from '../../platform/ids.ts';
import { formatAmount, parseAmount } from './catalog.csv.ts';
import { http, inr } from './catalog.testkit.ts';

let server: TestServer;
let api: ReturnType<typeof http>;
let admin: TestUser;
let customer: TestUser;
let otherStore: string;
let otherAdmin: TestUser;

const HEADER =
  'Handle,Title,Body (HTML),Vendor,Product Category,Type,Tags,Published,Option1 Name,Option1 Value,Option2 Name,Option2 Value,Variant SKU,Variant Inventory Qty,Variant Price,Variant Compare At Price,Image Src,Image Position,Image Alt Text,SEO Title,SEO Description,Status';
const FILE = [
  HEADER,
  'classic-tee,Classic Tee,"<p>Soft, <b>cotton</b> tee</p>",Acme,Apparel > Tops,Shirts,"cotton, basics",TRUE,Size,S,Colour,Black,TEE-S-BLK,10,499.00,699.00,https://img.example/tee-1.jpg,1,Front,Classic Tee | Acme,Our best tee,active',
  'classic-tee,,,,,,,,,M,,Black,TEE-M-BLK,5,499.00,,https://img.example/tee-2.jpg,2,Back,,,',
  'classic-tee,,,,,,,,,L,,Black,TEE-L-BLK,-3,499.00,,,,,,,',
  'mug,Coffee Mug,Ceramic mug,MugCo,,,,TRUE,Title,Default Title,,,MUG-1,20,249.50,,,,,,,active',
  ',Orphan,,,,,,TRUE,,,,,ORPHAN-1,1,10.00,,,,,,,active',
  'bad-price,Bad Price,,,,,,TRUE,,,,,BP-1,1,-5,,,,,,,active',
  'Bad Handle!,Bad Handle,,,,,,TRUE,,,,,BH-1,1,5.00,,,,,,,active',
  'multi-line,"Multi',
  'Line Lamp","Two',
  'lines",Lumen,Home > Lighting,,,FALSE,,,,,LAMP-1,3,1299.99,,,,,,,draft',
  'dup-sku,Dup,,,,,,TRUE,,,,,TEE-S-BLK,1,10.00,,,,,,,active',
  'cheap-pen,Cheap Pen,,,,,,TRUE,,,,,PEN-1,1,0.123,,,,,,,active',
].join('\n');

function upload(body: string, headers: Record<string, string> = admin.headers) {
  return server.app.inject({
    method: 'POST',
    url: '/api/v1/admin/products/import',
    headers: { ...headers, 'content-type': 'text/csv' },
    payload: body,
  });
}

async function exportCsv(headers: Record<string, string> = admin.headers) {
  const res = await server.app.inject({ method: 'GET', url: '/api/v1/admin/products/export', headers });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('text/csv');
  return res.body;
}

beforeAll(async () => {
  server = await createTestServer();
  api = http(server);
  [admin, customer] = await Promise.all([createUser(server, { roles: ['ADMIN'] }), createUser(server)]);
  otherStore = newId();
  const tenant = server.modules.tenancy.defaultStore().tenant_id;
  await sql`INSERT INTO stores (id, tenant_id, name, status) VALUES (${otherStore}, ${tenant}, 'Other', 'PUBLISHED')`.execute(
    server.database.db,
  );
  otherAdmin = await createUser(server, { roles: ['ADMIN'], storeId: otherStore });
});
afterAll(async () => server?.destroy());

describe('CSV import', () => {
  it('imports good rows and reports bad ones with line numbers and reasons', async () => {
    const res = await upload(FILE);
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ rows: 10, created: 3, updated: 0, unchanged: 0 });
    const byLine = Object.fromEntries(
      report.errors.map((e: { line: number; reason: string }) => [e.line, e.reason]),
    );
    expect(
      Object.keys(byLine)
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual([4, 6, 7, 8, 12, 13]);
    expect(byLine[4]).toMatch(/Variant Inventory Qty/);
    expect(byLine[6]).toMatch(/Handle is required/);
    expect(byLine[7]).toMatch(/Variant Price/);
    expect(byLine[8]).toMatch(/Handle/);
    expect(byLine[12]).toMatch(/TEE-S-BLK belongs to another product/);
    expect(byLine[13]).toMatch(/decimal places/);

    const tee = (await api.get('/products/classic-tee')).json();
    expect(tee).toMatchObject({
      name: 'Classic Tee',
      description: '<p>Soft, <b>cotton</b> tee</p>',
      brand: 'Acme',
      productType: 'Shirts',
      tags: ['cotton', 'basics'],
      seoTitle: 'Classic Tee | Acme',
      breadcrumbs: [{ name: 'Apparel' }, { name: 'Tops' }],
      price: inr(49_900),
      compareAtPrice: inr(69_900),
      thumbnail: 'https://img.example/tee-1.jpg',
    });
    expect(tee.variants.map((v: { sku: string; options: object }) => [v.sku, v.options])).toEqual([
      ['TEE-S-BLK', { Size: 'S', Colour: 'Black' }],
      ['TEE-M-BLK', { Size: 'M', Colour: 'Black' }],
    ]);
    expect(tee.variants[0].offers[0].availableQuantity).toBe(10);
    expect(tee.images.map((i: { altText: string }) => i.altText)).toEqual(['Front', 'Back']);
    const mug = (await api.get('/products/mug')).json();
    expect(mug.variants[0]).toMatchObject({ sku: 'MUG-1', options: {} });
    expect(mug.price).toEqual(inr(24_950));
    const lamp = (await api.get('/admin/products?status=DRAFT', admin.headers)).json().items[0];
    expect(lamp).toMatchObject({ slug: 'multi-line', name: 'Multi\nLine Lamp' });
    expect((await api.get('/products/dup-sku')).statusCode).toBe(404);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await sql`SELECT id, updated_at FROM products ORDER BY id`.execute(server.database.db);
    const report = (await upload(FILE)).json();
    expect(report).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    const after = await sql`SELECT id, updated_at FROM products ORDER BY id`.execute(server.database.db);
    expect(after.rows).toEqual(before.rows);
  });

  it('updates what a changed file changes', async () => {
    const changed = FILE.replace('Classic Tee,"<p>', 'Classic Tee II,"<p>').replace(
      'TEE-M-BLK,5,499.00',
      'TEE-M-BLK,5,459.00',
    );
    const report = (await upload(changed)).json();
    expect(report).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    const tee = (await api.get('/products/classic-tee')).json();
    expect(tee.name).toBe('Classic Tee II');
    expect(tee.price).toEqual(inr(45_900));
    await upload(FILE);
  });

  it('refuses a file that is not CSV and callers who are not staff', async () => {
    const broken = await upload(`${HEADER}\nx,"unterminated,,,\n`);
    expect(broken.statusCode).toBe(400);
    const noHeader = await upload('a,b\n1,2\n');
    expect(noHeader.statusCode).toBe(400);
    expect((await upload(FILE, customer.headers)).statusCode).toBe(403);
    expect((await upload(FILE, {})).statusCode).toBe(401);
  });
});

describe('CSV export', () => {
  it('writes a file that imports back identically', async () => {
    await api.post(
      '/admin/products',
      {
        name: 'Quote "Chair", deluxe',
        brand: 'Seat & Co',
        description: 'Line one,\nline two',
        variants: [
          {
            sku: 'CHAIR-OAK',
            options: { Wood: 'Oak' },
            price: inr(1_999_900),
            compareAtPrice: inr(2_499_900),
            stock: 2,
          },
          { sku: 'CHAIR-ASH', options: { Wood: 'Ash' }, price: inr(1_899_900) },
        ],
        images: [{ url: 'https://img.example/chair.jpg', altText: 'Chair, side' }],
      },
      admin.headers,
    );
    const first = await exportCsv();
    expect(first.split('\n')[0]).toContain('Handle,Title,Body (HTML),Vendor');
    // into the same store: nothing changes
    expect((await upload(first)).json()).toMatchObject({ created: 0, updated: 0, errors: [] });
    // into an empty store: the same products, exported the same way
    const inOther = { ...otherAdmin.headers, 'x-store-id': otherStore };
    const imported = (await upload(first, inOther)).json();
    expect(imported).toMatchObject({ created: 4, errors: [] });
    expect(await exportCsv(inOther)).toBe(first);
  });

  it('converts amounts exactly in both directions', () => {
    expect(parseAmount('19.99', 2, 'x')).toBe(1999);
    expect(parseAmount('0.1', 2, 'x')).toBe(10);
    expect(parseAmount('1250', 2, 'x')).toBe(125_000);
    expect(() => parseAmount('1250.50', 0, 'x')).toThrow();
    expect(parseAmount('1250.00', 0, 'x')).toBe(1250);
    expect(() => parseAmount('1.005', 2, 'x')).toThrow();
    expect(formatAmount(1999, 2)).toBe('19.99');
    expect(formatAmount(5, 2)).toBe('0.05');
    expect(formatAmount(125, 0)).toBe('125');
  });
});
