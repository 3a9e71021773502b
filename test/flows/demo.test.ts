import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../harness.ts';
import { anonymous, as, createUser, type TestUser } from '../kit/index.ts';

let server: TestServer;
let admin: TestUser;

beforeAll(async () => {
  server = await createTestServer();
  await server.seed({ demo: true, products: 40 });
  admin = await createUser(server, { roles: ['ADMIN'] });
});
afterAll(async () => server?.destroy());

describe('demo data', () => {
  it('gives every in-stock demo offer real opening stock that checkout can sell', async () => {
    const guest = anonymous(server);
    const list = (await guest.get('/products?limit=100')).json();
    const product = list.items.find((p: { inStock: boolean }) => p.inStock);
    expect(product).toBeDefined();
    const detail = (await guest.get(`/products/${product.slug}`)).json();
    const offer = detail.variants
      .flatMap((v: { offers: { id: string; available: unknown }[] }) => v.offers)
      .find((o: { available: unknown }) => o.available);
    const cart = (await guest.post('/carts')).json();
    const added = await guest.post(`/carts/${cart.id}/items`, { offerId: offer.id, quantity: 1 });
    expect(added.statusCode).toBe(201);
    const placed = await guest.post(`/carts/${cart.id}/checkout`, {
      email: 'demo@example.test',
      shippingAddress: {
        name: 'D',
        line1: '1 Road',
        city: 'Pune',
        state: 'MH',
        postalCode: '411001',
        country: 'IN',
      },
      payment: { provider: 'test', token: 'tok_success' },
    });
    expect(placed.statusCode).toBe(201);
    expect(placed.json().order.status).toBe('PAID');
  });

  it('keeps the stock ledger consistent and seeding twice changes nothing', async () => {
    const count = async () =>
      Number(
        (
          await server.database.db
            .selectFrom('inventory_movements')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    await server.seed({ demo: true, products: 40 });
    expect(await count()).toBe(before);
    const check = await as(admin).get('/admin/inventory/check');
    expect(check.statusCode).toBe(200);
    expect(check.json()).toEqual({ healthy: true, mismatches: [] });
  });
});
