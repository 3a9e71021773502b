#!/usr/bin/env node
// The buyer's golden path against a running Bazaar, using only the calls fixed in the API guide:
// register → browse → search → cart → checkout (test provider) → order list → cancel.
// Usage: node examples/golden-path.mjs http://127.0.0.1:3000
const base = (process.argv[2] ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
let token = null;

async function call(method, path, body, headers = {}) {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  const json = text ? JSON.parse(text) : null;
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return json;
}

function step(name, detail) {
  console.log(`✓ ${name}${detail ? `: ${detail}` : ''}`);
}

const money = (m) => `${(m.amount / 100).toFixed(2)} ${m.currency}`;

async function main() {
  const email = `buyer-${Date.now()}@example.com`;
  const registered = await call('POST', '/auth/register', {
    email,
    password: 'golden-path-secret-42',
    name: 'Golden Path',
  });
  token = registered.accessToken;
  step('register', registered.user.email);

  const me = await call('GET', '/me');
  step('me', `${me.name} (${me.roles.join(', ')})`);

  const categories = await call('GET', '/categories');
  step('categories', `${categories.items.length} top-level`);

  const browse = await call('GET', '/products?sort=price_asc&limit=20');
  const inStock = browse.items.filter((p) => p.inStock);
  if (inStock.length === 0)
    throw new Error('no product in stock: start the server with demo data (npm start)');
  step(
    'browse',
    `${browse.items.length} products, cheapest ${browse.items[0].name} at ${money(browse.items[0].price)}`,
  );

  const term = inStock[0].name.split(/\s+/)[0];
  const search = await call('GET', `/products?q=${encodeURIComponent(term)}&limit=5`);
  step('search', `"${term}" → ${search.items.length} results`);

  const product = await call('GET', `/products/${inStock[0].slug}`);
  const offer = product.variants
    .flatMap((v) => v.offers.map((o) => ({ ...o, sku: v.sku })))
    .find((o) => o.available);
  if (!offer) throw new Error(`no available offer on ${product.slug}`);
  step('product', `${product.name}, SKU ${offer.sku}, ${money(offer.price)}`);

  const cart = await call('POST', '/carts');
  const filled = await call('POST', `/carts/${cart.id}/items`, { offerId: offer.id, quantity: 1 });
  step('cart', `${filled.items.length} line, subtotal ${money(filled.totals.subtotal)}`);

  const address = {
    name: 'Golden Path',
    line1: '1 MG Road',
    city: 'Bengaluru',
    state: 'KA',
    postalCode: '560001',
    country: 'IN',
  };
  const key = `golden-${Date.now()}`;
  const placed = await call(
    'POST',
    `/carts/${cart.id}/checkout`,
    { shippingAddress: address, payment: { provider: 'test', token: 'tok_success' } },
    { 'idempotency-key': key },
  );
  step(
    'checkout',
    `order ${placed.order.number} ${placed.order.status}, payment ${placed.payment.status}, total ${money(placed.order.totals.total)}`,
  );

  const retried = await call(
    'POST',
    `/carts/${cart.id}/checkout`,
    { shippingAddress: address, payment: { provider: 'test', token: 'tok_success' } },
    { 'idempotency-key': key },
  );
  if (retried.order.id !== placed.order.id) throw new Error('a retried checkout placed a second order');
  step('retry', 'the same Idempotency-Key answered with the same order');

  const orders = await call('GET', '/orders');
  if (orders.items[0]?.id !== placed.order.id) throw new Error('the new order is not first in the list');
  step('orders', `${orders.items.length} order(s), newest ${orders.items[0].number}`);

  const cancelled = await call('POST', `/orders/${placed.order.id}/cancel`, { reason: 'golden path' });
  if (cancelled.status !== 'CANCELLED') throw new Error(`cancel answered ${cancelled.status}`);
  step('cancel', `order ${cancelled.number} ${cancelled.status}`);
  console.log('golden path complete');
}

main().catch((error) => {
  console.error(`✗ ${error.message}`);
  process.exit(1);
});
