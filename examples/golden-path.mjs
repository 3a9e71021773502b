#!/usr/bin/env node
// The golden path against a running Bazaar, using the calls fixed in the API guide.
// The buyer: register → browse → search → cart → checkout (test provider) → order list → cancel.
// Then fulfilment, when an administrator's account is given (BAZAAR_ADMIN_EMAIL and
// BAZAAR_ADMIN_PASSWORD, as the server takes them): the buyer orders with cash on delivery, the
// admin makes a delivery agent and ships the order to it, the agent picks up, reports two
// locations and delivers with the buyer's delivery code, collecting the cash; the buyer sees the
// track; the admin takes the agent's cash in, bringing what it holds to zero.
// Usage: BAZAAR_ADMIN_EMAIL=… BAZAAR_ADMIN_PASSWORD=… node examples/golden-path.mjs http://127.0.0.1:3000
const base = (process.argv[2] ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
let token = null;

/** Calls as the current token's holder, or as `as` (a token) when given. */
async function call(method, path, body, headers = {}, as = token) {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(as ? { authorization: `Bearer ${as}` } : {}),
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

  const admin = { email: process.env.BAZAAR_ADMIN_EMAIL, password: process.env.BAZAAR_ADMIN_PASSWORD };
  if (admin.email && admin.password) await fulfilment({ offer, address, admin, buyerToken: token });
  else console.log('- fulfilment: skipped (set BAZAAR_ADMIN_EMAIL and BAZAAR_ADMIN_PASSWORD)');
  console.log('golden path complete');
}

/** The order's way to the door, and the cash back to the store. */
async function fulfilment({ offer, address, admin, buyerToken }) {
  const staff = (await call('POST', '/auth/login', admin, {}, null)).accessToken;
  const as = (who) => (method, path, body) => call(method, path, body, {}, who);
  const [asAdmin, asBuyer] = [as(staff), as(buyerToken)];

  const cart = await asBuyer('POST', '/carts');
  await asBuyer('POST', `/carts/${cart.id}/items`, { offerId: offer.id, quantity: 1 });
  const { order } = await asBuyer('POST', `/carts/${cart.id}/checkout`, {
    shippingAddress: address,
    payment: { provider: 'cod' },
  });
  step(
    'cash on delivery',
    `order ${order.number} ${order.status}, ${money(order.totals.total)} to pay at the door`,
  );

  const settings = await asAdmin('GET', '/admin/store/settings');
  await asAdmin('PATCH', '/admin/store/settings', { deliveryCodes: true });
  const agentAccount = { email: `agent-${Date.now()}@example.com`, password: 'golden-path-agent-42' };
  const agentUser = await call('POST', '/auth/register', { ...agentAccount, name: 'Golden Agent' }, {}, null);
  await asAdmin('PUT', `/admin/users/${agentUser.user.id}/roles`, { roles: ['CUSTOMER', 'DELIVERY_AGENT'] });
  const asAgent = as((await call('POST', '/auth/login', agentAccount, {}, null)).accessToken);
  step('agent', `${agentAccount.email} is a delivery agent`);

  const shipment = await asAdmin('POST', `/admin/orders/${order.id}/shipments`, {
    deliveryAgentId: agentUser.user.id,
  });
  const mine = await asAgent('GET', '/agent/deliveries');
  if (!mine.items.some((d) => d.id === shipment.id)) throw new Error('the agent does not see its delivery');
  step('shipped', `shipment ${shipment.status} to the agent, ${money(shipment.codAmount)} to collect`);

  await asAgent('POST', `/agent/deliveries/${shipment.id}/events`, { status: 'PICKED_UP' });
  await asAgent('POST', `/agent/deliveries/${shipment.id}/events`, {
    status: 'IN_TRANSIT',
    location: { lat: 12.9716, lng: 77.5946 },
  });
  await asAgent('POST', `/agent/deliveries/${shipment.id}/location`, { lat: 12.9758, lng: 77.6045 });
  const onTheWay = await asBuyer('GET', `/orders/${order.id}`);
  const parcel = onTheWay.shipments[0];
  step('track', `${parcel.status}, last seen at ${parcel.lastLocation.lat}, ${parcel.lastLocation.lng}`);

  const delivered = await asAgent('POST', `/agent/deliveries/${shipment.id}/events`, {
    status: 'DELIVERED',
    deliveryCode: parcel.deliveryCode,
    codCollected: order.totals.total,
    recipientName: 'Golden Path',
  });
  const done = await asBuyer('GET', `/orders/${order.id}`);
  if (done.status !== 'DELIVERED' || done.paymentStatus !== 'CAPTURED')
    throw new Error(`after delivery the order is ${done.status}, its payment ${done.paymentStatus}`);
  const steps = done.shipments[0].events.map((e) => e.status).join(' → ');
  step('delivered', `${money(delivered.codCollected)} collected; the buyer sees ${steps}`);

  const cash = `/admin/delivery-agents/${agentUser.user.id}/cash`;
  const held = (await asAdmin('GET', cash)).balances.find((b) => b.currency === order.totals.total.currency);
  await asAdmin('POST', `/admin/delivery-agents/${agentUser.user.id}/remittances`, {
    amount: held.outstanding,
    method: 'CASH',
    reference: `golden-${order.number}`,
  });
  const after = (await asAdmin('GET', cash)).balances.find((b) => b.currency === order.totals.total.currency);
  if (after.outstanding.amount !== 0) throw new Error(`the agent still holds ${money(after.outstanding)}`);
  step('reconciled', `${money(held.outstanding)} handed in, the agent holds ${money(after.outstanding)}`);
  await asAdmin('PATCH', '/admin/store/settings', { deliveryCodes: settings.deliveryCodes });
}

main().catch((error) => {
  console.error(`✗ ${error.message}`);
  process.exit(1);
});
