// The golden path against a running Bazaar, through the typed client (src/client, docs/api.md).
// The buyer: register → browse → search → cart → checkout (test provider) → order list → cancel.
// Then fulfilment, when an administrator's account is given (BAZAAR_ADMIN_EMAIL and
// BAZAAR_ADMIN_PASSWORD, as the server takes them): the buyer orders with cash on delivery, the
// admin makes a delivery agent and ships the order to it, the agent picks up, reports two
// locations and delivers with the buyer's delivery code, collecting the cash; the buyer sees the
// track; the admin takes the agent's cash in, bringing what it holds to zero.
// Usage: BAZAAR_ADMIN_EMAIL=… BAZAAR_ADMIN_PASSWORD=… npx tsx examples/golden-path.ts http://127.0.0.1:3000
import { type BazaarClient, type components, createBazaarClient, expectData } from '../src/client/index.ts';

type Money = components['schemas']['Money'];
type Address = {
  name: string;
  line1: string;
  city: string;
  state: string;
  postalCode: string;
  country: string;
};
type Offer = { id: string; sku: string; price: Money };

const baseUrl = process.argv[2] ?? 'http://127.0.0.1:3000';
/** A client that calls as the holder of `token` (anonymous without one). */
const as = (token?: string): BazaarClient => createBazaarClient({ baseUrl, ...(token ? { token } : {}) });
const anonymous = as();

function step(name: string, detail?: string) {
  console.log(`✓ ${name}${detail ? `: ${detail}` : ''}`);
}

const money = (m: Money) => `${(m.amount / 100).toFixed(2)} ${m.currency}`;

function must<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(what);
  return value;
}

async function main() {
  const email = `buyer-${Date.now()}@example.com`;
  const registered = await expectData(
    anonymous.POST('/api/v1/auth/register', {
      body: { email, password: 'golden-path-secret-42', name: 'Golden Path' },
    }),
  );
  const buyer = as(registered.accessToken);
  step('register', registered.user.email ?? '');

  const me = await expectData(buyer.GET('/api/v1/me'));
  step('me', `${me.name} (${me.roles.join(', ')})`);

  const categories = await expectData(buyer.GET('/api/v1/categories'));
  step('categories', `${categories.items.length} top-level`);

  const browse = await expectData(
    buyer.GET('/api/v1/products', { params: { query: { sort: 'price_asc', limit: 20 } } }),
  );
  const inStock = browse.items.filter((p) => p.inStock);
  const first = must(inStock[0], 'no product in stock: start the server with demo data (npm start)');
  const cheapest = must(browse.items[0], 'no product listed');
  step('browse', `${browse.items.length} products, cheapest ${cheapest.name} at ${money(cheapest.price)}`);

  const term = first.name.split(/\s+/)[0] ?? first.name;
  const search = await expectData(
    buyer.GET('/api/v1/products', { params: { query: { q: term, limit: 5 } } }),
  );
  step('search', `"${term}" → ${search.items.length} results`);

  const product = await expectData(
    buyer.GET('/api/v1/products/{idOrSlug}', { params: { path: { idOrSlug: first.slug } } }),
  );
  const offer: Offer = must(
    product.variants.flatMap((v) => v.offers.map((o) => ({ ...o, sku: v.sku }))).find((o) => o.available),
    `no available offer on ${product.slug}`,
  );
  step('product', `${product.name}, SKU ${offer.sku}, ${money(offer.price)}`);

  const cart = await expectData(buyer.POST('/api/v1/carts'));
  const filled = await expectData(
    buyer.POST('/api/v1/carts/{id}/items', {
      params: { path: { id: cart.id } },
      body: { offerId: offer.id, quantity: 1 },
    }),
  );
  step('cart', `${filled.items.length} line, subtotal ${money(filled.totals.subtotal)}`);

  const address: Address = {
    name: 'Golden Path',
    line1: '1 MG Road',
    city: 'Bengaluru',
    state: 'KA',
    postalCode: '560001',
    country: 'IN',
  };
  const key = `golden-${Date.now()}`;
  const checkout = () =>
    expectData(
      buyer.POST('/api/v1/carts/{id}/checkout', {
        params: { path: { id: cart.id }, header: { 'idempotency-key': key } },
        body: { shippingAddress: address, payment: { provider: 'test', token: 'tok_success' } },
      }),
    );
  const placed = await checkout();
  step(
    'checkout',
    `order ${placed.order.number} ${placed.order.status}, payment ${placed.payment.status}, total ${money(placed.order.totals.total)}`,
  );

  const retried = await checkout();
  if (retried.order.id !== placed.order.id) throw new Error('a retried checkout placed a second order');
  step('retry', 'the same Idempotency-Key answered with the same order');

  const orders = await expectData(buyer.GET('/api/v1/orders'));
  const newest = must(orders.items[0], 'no order listed');
  if (newest.id !== placed.order.id) throw new Error('the new order is not first in the list');
  step('orders', `${orders.items.length} order(s), newest ${newest.number}`);

  const cancelled = await expectData(
    buyer.POST('/api/v1/orders/{id}/cancel', {
      params: { path: { id: placed.order.id } },
      body: { reason: 'golden path' },
    }),
  );
  if (cancelled.status !== 'CANCELLED') throw new Error(`cancel answered ${cancelled.status}`);
  step('cancel', `order ${cancelled.number} ${cancelled.status}`);

  const admin = { email: process.env.BAZAAR_ADMIN_EMAIL, password: process.env.BAZAAR_ADMIN_PASSWORD };
  if (admin.email && admin.password)
    await fulfilment({ offer, address, admin: { email: admin.email, password: admin.password }, buyer });
  else console.log('- fulfilment: skipped (set BAZAAR_ADMIN_EMAIL and BAZAAR_ADMIN_PASSWORD)');
  console.log('golden path complete');
}

/** Signs in and answers a client that calls as that account. */
async function signIn(account: { email: string; password: string }): Promise<BazaarClient> {
  return as((await expectData(anonymous.POST('/api/v1/auth/login', { body: account }))).accessToken);
}

/** The order's way to the door, and the cash back to the store. */
async function fulfilment(given: {
  offer: Offer;
  address: Address;
  admin: { email: string; password: string };
  buyer: BazaarClient;
}) {
  const { offer, address, buyer } = given;
  const staff = await signIn(given.admin);

  const cart = await expectData(buyer.POST('/api/v1/carts'));
  const inCart = { params: { path: { id: cart.id } } };
  await expectData(
    buyer.POST('/api/v1/carts/{id}/items', { ...inCart, body: { offerId: offer.id, quantity: 1 } }),
  );
  const { order } = await expectData(
    buyer.POST('/api/v1/carts/{id}/checkout', {
      ...inCart,
      body: { shippingAddress: address, payment: { provider: 'cod' } },
    }),
  );
  step(
    'cash on delivery',
    `order ${order.number} ${order.status}, ${money(order.totals.total)} to pay at the door`,
  );

  const settings = await expectData(staff.GET('/api/v1/admin/store/settings'));
  await expectData(staff.PATCH('/api/v1/admin/store/settings', { body: { deliveryCodes: true } }));
  const agentAccount = { email: `agent-${Date.now()}@example.com`, password: 'golden-path-agent-42' };
  const agentUser = await expectData(
    anonymous.POST('/api/v1/auth/register', { body: { ...agentAccount, name: 'Golden Agent' } }),
  );
  const agentId = agentUser.user.id;
  await expectData(
    staff.PUT('/api/v1/admin/users/{id}/roles', {
      params: { path: { id: agentId } },
      body: { roles: ['CUSTOMER', 'DELIVERY_AGENT'] },
    }),
  );
  const agent = await signIn(agentAccount);
  step('agent', `${agentAccount.email} is a delivery agent`);

  const shipment = await expectData(
    staff.POST('/api/v1/admin/orders/{id}/shipments', {
      params: { path: { id: order.id } },
      body: { deliveryAgentId: agentId },
    }),
  );
  const mine = await expectData(agent.GET('/api/v1/agent/deliveries'));
  if (!mine.items.some((d) => d.id === shipment.id)) throw new Error('the agent does not see its delivery');
  step(
    'shipped',
    `shipment ${shipment.status} to the agent, ${money(must(shipment.codAmount, 'no cash to collect'))} to collect`,
  );

  await deliver(agent, shipment.id, buyer, order.id, order.totals.total);
  await reconcile(staff, agentId, order);
  await expectData(
    staff.PATCH('/api/v1/admin/store/settings', { body: { deliveryCodes: settings.deliveryCodes } }),
  );
}

/** The agent picks up, reports where it is, and delivers with the buyer's code; the buyer follows. */
async function deliver(
  agent: BazaarClient,
  shipmentId: string,
  buyer: BazaarClient,
  orderId: string,
  total: Money,
) {
  const delivery = { params: { path: { id: shipmentId } } };
  await expectData(
    agent.POST('/api/v1/agent/deliveries/{id}/events', { ...delivery, body: { status: 'PICKED_UP' } }),
  );
  await expectData(
    agent.POST('/api/v1/agent/deliveries/{id}/events', {
      ...delivery,
      body: { status: 'IN_TRANSIT', location: { lat: 12.9716, lng: 77.5946 } },
    }),
  );
  await expectData(
    agent.POST('/api/v1/agent/deliveries/{id}/location', {
      ...delivery,
      body: { lat: 12.9758, lng: 77.6045 },
    }),
  );
  const theOrder = { params: { path: { id: orderId } } };
  const onTheWay = await expectData(buyer.GET('/api/v1/orders/{id}', theOrder));
  const parcel = must(onTheWay.shipments[0], 'the buyer sees no shipment');
  const seen = must(parcel.lastLocation, 'the buyer sees no location');
  step('track', `${parcel.status}, last seen at ${seen.lat}, ${seen.lng}`);

  const delivered = await expectData(
    agent.POST('/api/v1/agent/deliveries/{id}/events', {
      ...delivery,
      body: {
        status: 'DELIVERED',
        deliveryCode: must(parcel.deliveryCode, 'the buyer has no delivery code'),
        codCollected: total,
        recipientName: 'Golden Path',
      },
    }),
  );
  const done = await expectData(buyer.GET('/api/v1/orders/{id}', theOrder));
  if (done.status !== 'DELIVERED' || done.paymentStatus !== 'CAPTURED')
    throw new Error(`after delivery the order is ${done.status}, its payment ${done.paymentStatus}`);
  const steps = (done.shipments[0]?.events ?? []).map((e) => e.status).join(' → ');
  step(
    'delivered',
    `${money(must(delivered.codCollected, 'no cash collected'))} collected; the buyer sees ${steps}`,
  );
}

/** The admin takes in what the agent holds for the order's currency, leaving it nothing. */
async function reconcile(
  staff: BazaarClient,
  agentId: string,
  order: { number: string; totals: { total: Money } },
) {
  const agentPath = { params: { path: { userId: agentId } } };
  const outstanding = async () => {
    const cash = await expectData(staff.GET('/api/v1/admin/delivery-agents/{userId}/cash', agentPath));
    const held = cash.balances.find((b) => b.currency === order.totals.total.currency);
    return must(held, 'the agent holds nothing in the order’s currency').outstanding;
  };
  const held = await outstanding();
  await expectData(
    staff.POST('/api/v1/admin/delivery-agents/{userId}/remittances', {
      ...agentPath,
      body: { amount: held, method: 'CASH', reference: `golden-${order.number}` },
    }),
  );
  const after = await outstanding();
  if (after.amount !== 0) throw new Error(`the agent still holds ${money(after)}`);
  step('reconciled', `${money(held)} handed in, the agent holds ${money(after)}`);
}

main().catch((error: unknown) => {
  console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
