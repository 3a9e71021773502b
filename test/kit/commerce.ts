import { newId } from '../../src/platform/ids.ts';
import type { Server } from '../../src/server.ts';
import { createOffer } from './catalog.ts';
import { anonymous, as, type Client, ok } from './http.ts';
import { createCustomer, type Place, placeOf, serviceCtx, storeStaff, type TestUser } from './users.ts';

export const shippingAddress = {
  name: 'Asha Rao',
  line1: '12 MG Road',
  city: 'Bengaluru',
  state: 'KA',
  postalCode: '560001',
  country: 'IN',
};

let n = 0;

/** The store administrator's client (made on first use). */
export async function storeAdmin(place: Place): Promise<Client> {
  const { server, storeId } = placeOf(place);
  return as(await storeStaff(server, storeId));
}

/** A warehouse of the store, created through `POST /admin/warehouses` by its administrator. */
export async function createWarehouse(
  place: Place,
  fields: { code?: string; name?: string; [key: string]: unknown } = {},
): Promise<{ id: string; code: string; name: string }> {
  const tag = ++n;
  const admin = await storeAdmin(place);
  return ok(admin.post('/admin/warehouses', { code: `WH-${tag}`, name: `Warehouse ${tag}`, ...fields }));
}

export interface CartLine {
  offerId: string;
  quantity: number;
}

/** A cart holding `lines`, the buyer's (or a guest's cart in `place`); its id. */
export async function createCart(owner: TestUser | Place, lines: CartLine[] = []): Promise<string> {
  const client = 'accessToken' in owner ? as(owner) : anonymous(owner);
  const cart = await ok<{ id: string }>(client.post('/carts'));
  for (const line of lines) await ok(client.post(`/carts/${cart.id}/items`, line));
  return cart.id;
}

export interface CheckoutOptions {
  /** Payment provider and token (default: the test provider, which captures). */
  payment?: { provider: string; token?: string };
  email?: string;
  couponCode?: string;
  [key: string]: unknown;
}

/** `POST /carts/{id}/checkout` with a shipping address, as the buyer (or a guest of `place`). */
export function checkout(owner: TestUser | Place, cartId: string, options: CheckoutOptions = {}) {
  const client = 'accessToken' in owner ? as(owner) : anonymous(owner);
  return client.post(`/carts/${cartId}/checkout`, {
    shippingAddress,
    payment: { provider: 'test', token: 'tok_success' },
    ...options,
  });
}

export type OrderStatusWanted = 'PENDING' | 'PAID' | 'SHIPPED' | 'DELIVERED' | 'CANCELLED';

export interface TestOrder {
  order: { id: string; number: string; status: string; items: Array<{ id: string }>; [key: string]: unknown };
  payment: { id: string; status: string; [key: string]: unknown };
  buyer: TestUser;
  offerId: string;
}

/**
 * An order of one unit in `status` (of `offerId`, or of a new product), reached the way the shop
 * reaches it: checkout (a declined card leaves it PENDING, the test provider pays it), then the
 * store administrator ships and delivers, or the buyer cancels.
 */
export async function createOrder(
  place: Place,
  options: {
    status?: OrderStatusWanted;
    buyer?: TestUser;
    price?: number;
    /** An offer of the store with stock to buy (default: a new product's). */
    offerId?: string;
  } = {},
): Promise<TestOrder> {
  const { server, storeId } = placeOf(place);
  const status = options.status ?? 'PAID';
  const buyer = options.buyer ?? (await createCustomer(place));
  const offerId =
    options.offerId ??
    (await createOffer(server, { storeId, price: options.price ?? 5_000, stock: 10 })).offerId;
  const cartId = await createCart(buyer, [{ offerId, quantity: 1 }]);
  const token = status === 'PENDING' ? 'tok_decline' : 'tok_success';
  const placed = await ok<Pick<TestOrder, 'order' | 'payment'>>(
    checkout(buyer, cartId, { payment: { provider: 'test', token } }),
  );
  let order = placed.order;
  const admin = await storeAdmin(place);
  const steps: Record<OrderStatusWanted, string[]> = {
    PENDING: [],
    PAID: [],
    SHIPPED: ['PROCESSING', 'SHIPPED'],
    DELIVERED: ['PROCESSING', 'SHIPPED', 'DELIVERED'],
    CANCELLED: [],
  };
  for (const next of steps[status]) {
    order = await ok(admin.post(`/admin/orders/${order.id}/status`, { status: next }));
  }
  if (status === 'CANCELLED') order = await ok(as(buyer).post(`/orders/${order.id}/cancel`, {}));
  if (order.status !== status) throw new Error(`order is ${order.status}, not ${status}`);
  return { order, payment: placed.payment, buyer, offerId };
}

/** A coupon of the store (10 % off unless told otherwise), created through `POST /admin/coupons`. */
export async function createCoupon(
  place: Place,
  fields: {
    code?: string;
    type?: 'AMOUNT' | 'PERCENT' | 'FREE_SHIPPING';
    value?: number;
    [key: string]: unknown;
  } = {},
): Promise<{ id: string; code: string; [key: string]: unknown }> {
  const admin = await storeAdmin(place);
  return ok(
    admin.post('/admin/coupons', {
      code: `SAVE${++n}X${Date.now() % 100_000}`,
      type: 'PERCENT',
      value: 1_000,
      ...fields,
    }),
  );
}

/**
 * A payment of an order that exists only as an id, made through the payments service (the API
 * makes payments only at checkout): for tests of the payment state machine and its providers.
 */
export function createPayment(
  server: Server,
  fields: { provider: string; amount?: number; currency?: string; user?: TestUser | null },
) {
  const user = fields.user ?? null;
  return server.modules.payments.service.createPayment(serviceCtx(server, user), {
    orderId: newId(),
    userId: user?.id ?? null,
    amount: fields.amount ?? 10_000,
    currency: fields.currency ?? 'INR',
    provider: fields.provider,
  });
}
