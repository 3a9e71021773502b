import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../harness.ts';
import { anonymous, createProduct, createUser, ok, shippingAddress } from '../kit/index.ts';
import { recordStatements } from '../statements.ts';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
}, 300_000);
afterAll(async () => server?.destroy());

describe('draft', () => {
  it('counts', async () => {
    const admin = await createUser(server, { roles: ['ADMIN'] });
    const p = await createProduct(server, admin.headers, { price: 9900, stock: 100, status: 'ACTIVE' });
    const offerId = p.variants[0]!.offers[0]!.id;
    // warm
    for (let i = 0; i < 2; i++) {
      const guest = anonymous(server);
      const cart = await ok<{ id: string }>(guest.post('/carts'));
      await ok(guest.post(`/carts/${cart.id}/items`, { offerId, quantity: 1 }));
      await ok(guest.post(`/carts/${cart.id}/checkout`, { email: 'g@example.test', shippingAddress, payment: { provider: 'test', token: 'tok_success' } }));
      await server.worker.drain();
    }
    const guest = anonymous(server);
    let r = recordStatements(server.database.pool);
    const cart = await ok<{ id: string }>(guest.post('/carts'));
    console.log('CART', r.statements()); r.stop(); r = recordStatements(server.database.pool);
    await ok(guest.post(`/carts/${cart.id}/items`, { offerId, quantity: 1 }));
    console.log('ADD', r.statements()); r.stop(); r = recordStatements(server.database.pool);
    const res = await guest.post(`/carts/${cart.id}/checkout`, { email: 'g@example.test', shippingAddress, payment: { provider: 'test', token: 'tok_success' } });
    expect(res.statusCode).toBe(201);
    console.log('CHECKOUT', r.statements().length, r.statements().join('\n---\n')); r.stop(); r = recordStatements(server.database.pool);
    await server.worker.drain();
    console.log('WORKER', r.statements().length, r.statements().join('\n---\n')); r.stop();
  }, 120_000);
});
