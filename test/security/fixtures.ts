import { PERMISSIONS } from '../../src/modules/identity/index.ts';
import { systemCtx } from '../../src/platform/http/context.ts';
import { newId } from '../../src/platform/ids.ts';
import type { TestServer } from '../harness.ts';
import {
  createAdmin,
  createOffer,
  createOffers,
  createStore,
  createUser,
  insertSavedCard,
  serviceCtx,
  type TestOffer,
  type TestUser,
} from '../kit/index.ts';
import type { Principal } from './access-policy.ts';
import { openStore, type PlatformWorld, platformFixtures } from './calls.platform.ts';

/**
 * The world the authorization matrix walks: one signed-in session per principal and real resources
 * owned by `customer` (user resources) and `seller` (seller resources), made through the API.
 */

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Headers = Record<string, string>;

export interface Caller {
  headers: Headers;
  user?: TestUser;
}

export interface CheckedOut {
  orderId: string;
  orderNumber: string;
  paymentId: string;
  amount: number;
  /** The order item of each offer bought. */
  items: Record<string, string>;
}

export interface World {
  server: TestServer;
  storeId: string;
  currency: string;
  /** The second store, where foreignAdmin is an admin. */
  foreignStoreId: string;
  callers: Record<Principal, Caller>;
  /** The current password of each signed-in principal (the password call changes it). */
  passwords: Partial<Record<Principal, string>>;
  users: {
    /** An account anyone may sign in to (the login call). */
    loginTarget: TestUser;
    /** The refresh token of loginTarget's session, rotated by each refresh call. */
    refreshToken: string;
    /** Accounts staff act on: set roles, group, reactivate; deactivate; approve; reject. */
    managed: string;
    toDeactivate: string;
    applicant: string;
    rejectedApplicant: string;
  };
  catalog: {
    category: { id: string; slug: string };
    filterId: string;
    /** Two offers of the store's own product. */
    storeOffers: [TestOffer, TestOffer];
    /** The seller's own stocked offer. */
    sellerOffer: TestOffer;
    /** A variant of an ACTIVE product with no offer yet: any seller (and the store) may offer it. */
    openVariantId: string;
  };
  inventory: {
    defaultWarehouseId: string;
    warehouseId: string;
    emptyWarehouseId: string;
    reservations: { held: string; toConfirm: string; toRelease: string; confirmed: string };
  };
  account: {
    addressId: string;
    addressToDelete: string;
    /** The customer's second session (the one revoked through /me/sessions). */
    otherSessionId: string;
    groupId: string;
    groupToDelete: string;
    /** The customer's saved cards: one to make default, one to remove. */
    savedMethodId: string;
    savedMethodToDelete: string;
  };
  couponId: string;
  taxRuleId: string;
  /** The platform's accounts and the business owner's store (calls.platform.ts). */
  platform: PlatformWorld;
  orders: { main: CheckedOut; toRefund: CheckedOut; toMove: CheckedOut };
  fulfilment: {
    /** A shipment of the seller's item, assigned to deliveryAgent and picked up (none is otherAgent's). */
    shipmentId: string;
    /** The order it ships, as the buyer tracks it. */
    orderNumber: string;
    trackingToken: string;
  };
  cart: { id: string; lineId: string; lineToDelete: string };
  wishlist: { id: string; toDelete: string; itemToDelete: string; itemToMove: string };
  /** Resources made before the walk for the calls that use them up (see makeFresh). */
  fresh: Map<string, unknown>;
}

let serial = 0;
/** A name no other call of this run used. */
export function unique(prefix: string): string {
  return `${prefix}-${++serial}-${newId().slice(-8)}`;
}

export const shippingAddress = {
  name: 'Matrix Buyer',
  line1: '1 Access Road',
  city: 'Bengaluru',
  state: 'KA',
  postalCode: '560001',
  country: 'IN',
};

/** A request made while building the world: anything but 2xx stops the setup with the answer. */
export async function send(
  server: TestServer,
  method: Method,
  url: string,
  body?: unknown,
  headers: Headers = {},
): Promise<any> {
  const res = await server.app.inject({
    method,
    url: `/api/v1${url}`,
    headers,
    ...(body !== undefined ? { payload: body as object } : {}),
  });
  if (res.statusCode < 200 || res.statusCode > 299) {
    throw new Error(`setup: ${method} ${url} answered ${res.statusCode} ${res.body}`);
  }
  return res.body ? res.json() : undefined;
}

/** A second published store with its own admin (signed in there). */
async function foreignStoreAdmin(server: TestServer): Promise<{ storeId: string; admin: TestUser }> {
  const store = await createStore(server, { name: 'Elsewhere', domain: 'elsewhere' });
  return { storeId: store.id, admin: await createAdmin(store) };
}

/** An account made through the identity service, not signed in (one password hash, no login). */
async function account(server: TestServer, name: string): Promise<string> {
  const user = await server.modules.identity.service.createUser(
    systemCtx(server.database.db, server.modules.tenancy.defaultStore().id, server.app.log),
    { email: `${unique(name)}@example.test`, password: 'matrix account passphrase', name },
    ['CUSTOMER'],
  );
  return user.id;
}

async function applyToSell(server: TestServer, userId: string, name: string): Promise<void> {
  await server.modules.identity.service.profiles.applyAsSeller(
    serviceCtx(server, { id: userId, roles: ['CUSTOMER'] }),
    { businessName: name },
  );
}

/** Signs every principal in once; the matrix reuses these sessions for every request. */
async function signIn(server: TestServer) {
  const [
    admin,
    customer,
    otherCustomer,
    seller,
    otherSeller,
    deliveryAgent,
    otherAgent,
    foreign,
    loginTarget,
    platform,
  ] = await Promise.all([
    createUser(server, { roles: ['ADMIN'], name: 'Matrix Admin' }),
    createUser(server, { name: 'Matrix Customer' }),
    createUser(server, { name: 'Other Customer' }),
    createUser(server, { name: 'Matrix Seller' }),
    createUser(server, { name: 'Other Seller' }),
    createUser(server, { roles: ['DELIVERY_AGENT'], name: 'Matrix Agent' }),
    createUser(server, { roles: ['DELIVERY_AGENT'], name: 'Other Agent' }),
    foreignStoreAdmin(server),
    createUser(server, { name: 'Login Target' }),
    platformFixtures(server),
  ]);
  const { profiles } = server.modules.identity.service;
  // An ADMIN made with the role holds every permission; checked here so the walk means what it says.
  const held = await profiles.getAdminProfile(serviceCtx(server, admin), admin.id);
  if ([...PERMISSIONS].some((p) => !held.permissions.includes(p)))
    throw new Error('the matrix admin lacks a permission');
  for (const user of [seller, otherSeller]) {
    await applyToSell(server, user.id, `Shop of ${user.email}`);
    await profiles.approveSeller(serviceCtx(server, admin), user.id, {});
    user.roles = ['CUSTOMER', 'SELLER'];
  }
  const foreignAdmin = foreign.admin;
  const users = {
    admin,
    customer,
    otherCustomer,
    seller,
    otherSeller,
    deliveryAgent,
    otherAgent,
    foreignAdmin,
  };
  const callers = { anonymous: { headers: {} }, businessOwner: platform.owner } as Record<Principal, Caller>;
  const passwords: Partial<Record<Principal, string>> = {};
  for (const [who, user] of Object.entries(users) as [Principal, TestUser][]) {
    callers[who] = { headers: user.headers, user };
    passwords[who] = user.password;
  }
  return { callers, passwords, loginTarget, foreignStoreId: foreign.storeId, platform: platform.platform };
}

/** A customer checkout of one unit of each offer; `token` picks the test provider's outcome. */
export async function checkout(
  w: Pick<World, 'server' | 'callers'>,
  offerIds: string[],
  payment: { provider: 'test' | 'cod'; token?: string } = { provider: 'test', token: 'tok_success' },
): Promise<CheckedOut> {
  const headers = w.callers.customer.headers;
  const cart = await send(w.server, 'POST', '/carts', undefined, headers);
  for (const offerId of offerIds) {
    await send(w.server, 'POST', `/carts/${cart.id}/items`, { offerId, quantity: 1 }, headers);
  }
  const placed = await send(
    w.server,
    'POST',
    `/carts/${cart.id}/checkout`,
    { shippingAddress, payment },
    { ...headers, 'idempotency-key': unique('matrix') },
  );
  const items: Record<string, string> = {};
  for (const item of placed.order.items as Array<{ id: string; offerId: string }>)
    items[item.offerId] = item.id;
  return {
    orderId: placed.order.id,
    orderNumber: placed.order.number,
    paymentId: placed.payment.id,
    amount: placed.payment.amount.amount,
    items,
  };
}

async function catalogFixtures(server: TestServer, callers: Record<Principal, Caller>) {
  const admin = callers.admin.headers;
  const category = await send(
    server,
    'POST',
    '/admin/categories',
    { name: unique('Matrix category') },
    admin,
  );
  const filter = await send(
    server,
    'POST',
    `/admin/categories/${category.id}/filters`,
    { key: 'colour', label: 'Colour', kind: 'ENUM', source: 'ATTRIBUTE', sourceKey: 'colour' },
    admin,
  );
  const storeOffers = (await createOffers(server, 2, { seller: callers.admin.user!, stock: 1_000 })) as [
    TestOffer,
    TestOffer,
  ];
  const sellerOffer = await createOffer(server, { seller: callers.seller.user!, stock: 1_000 });
  // The store's offer withdrawn leaves a variant nobody offers yet.
  const open = await createOffer(server, { seller: callers.admin.user! });
  await send(server, 'DELETE', `/admin/offers/${open.offerId}`, undefined, admin);
  return {
    category: { id: category.id as string, slug: category.slug as string },
    filterId: filter.id as string,
    storeOffers,
    sellerOffer,
    openVariantId: open.variantId,
  };
}

async function inventoryFixtures(server: TestServer, admin: Headers, offerId: string) {
  const warehouses = await send(server, 'GET', '/admin/warehouses?limit=100', undefined, admin);
  const defaultWarehouse = (warehouses.items as Array<{ id: string; code: string }>).find(
    (w) => w.code === 'DEFAULT',
  );
  if (!defaultWarehouse) throw new Error('setup: no default warehouse');
  const warehouse = await send(
    server,
    'POST',
    '/admin/warehouses',
    { code: unique('MX').slice(0, 20), name: 'Matrix' },
    admin,
  );
  const empty = await send(
    server,
    'POST',
    '/admin/warehouses',
    { code: unique('MY').slice(0, 20), name: 'Empty' },
    admin,
  );
  const reserve = async () =>
    (
      await send(
        server,
        'POST',
        '/admin/inventory/reservations',
        { reference: { type: 'MATRIX', id: unique('r') }, lines: [{ offerId, quantity: 1 }] },
        admin,
      )
    ).id as string;
  const [held, toConfirm, toRelease, confirmed] = [
    await reserve(),
    await reserve(),
    await reserve(),
    await reserve(),
  ];
  await send(server, 'POST', `/admin/inventory/reservations/${confirmed}/confirm`, undefined, admin);
  return {
    defaultWarehouseId: defaultWarehouse.id,
    warehouseId: warehouse.id as string,
    emptyWarehouseId: empty.id as string,
    reservations: { held, toConfirm, toRelease, confirmed },
  };
}

async function accountFixtures(server: TestServer, callers: Record<Principal, Caller>) {
  const customer = callers.customer;
  const address = () => send(server, 'POST', '/me/addresses', shippingAddress, customer.headers);
  const [kept, doomed] = [await address(), await address()];
  // a second sign-in of the customer: the session the customer revokes
  await send(server, 'POST', '/auth/login', {
    email: customer.user!.email,
    password: customer.user!.password,
  });
  const sessions = await send(server, 'GET', '/me/sessions?limit=100', undefined, customer.headers);
  const other = (sessions.items as Array<{ id: string; current: boolean }>).find((s) => !s.current);
  if (!other) throw new Error('setup: the customer has no second session');
  const group = () =>
    send(server, 'POST', '/admin/user-groups', { name: unique('Matrix group') }, callers.admin.headers);
  const [keptGroup, doomedGroup] = [await group(), await group()];
  const owner = { id: customer.user!.id, storeId: customer.user!.storeId };
  const cards = [
    await insertSavedCard(server.database.db, owner, true),
    await insertSavedCard(server.database.db, owner),
  ];
  return {
    savedMethodId: cards[0],
    savedMethodToDelete: cards[1],
    addressId: kept.id as string,
    addressToDelete: doomed.id as string,
    otherSessionId: other.id,
    groupId: keptGroup.id as string,
    groupToDelete: doomedGroup.id as string,
  };
}

/** The customer's active cart and wishlists, made after every checkout (a user has one active cart). */
async function shoppingFixtures(server: TestServer, customer: Headers, offers: [TestOffer, TestOffer]) {
  const cart = await send(server, 'POST', '/carts', undefined, customer);
  await send(
    server,
    'POST',
    `/carts/${cart.id}/items`,
    { offerId: offers[0].offerId, quantity: 1 },
    customer,
  );
  const filled = await send(
    server,
    'POST',
    `/carts/${cart.id}/items`,
    { offerId: offers[1].offerId, quantity: 1 },
    customer,
  );
  const line = (offerId: string) =>
    (filled.items as Array<{ id: string; offerId: string }>).find((i) => i.offerId === offerId)!.id;
  const list = await send(server, 'POST', '/me/wishlists', { name: unique('Matrix list') }, customer);
  await send(server, 'POST', `/me/wishlists/${list.id}/items`, { offerId: offers[0].offerId }, customer);
  const withItems = await send(
    server,
    'POST',
    `/me/wishlists/${list.id}/items`,
    { offerId: offers[1].offerId },
    customer,
  );
  const item = (offerId: string) =>
    (withItems.items as Array<{ id: string; offerId: string }>).find((i) => i.offerId === offerId)!.id;
  const doomed = await send(server, 'POST', '/me/wishlists', { name: unique('Doomed list') }, customer);
  return {
    cart: { id: cart.id as string, lineId: line(offers[0].offerId), lineToDelete: line(offers[1].offerId) },
    wishlist: {
      id: list.id as string,
      toDelete: doomed.id as string,
      itemToDelete: item(offers[0].offerId),
      itemToMove: item(offers[1].offerId),
    },
  };
}

/**
 * A shipment of a fresh paid order of the seller's offer, made by staff: given to `deliveryAgent`
 * with `agent`, picked up and failed at the door (as staff report it) with `failed`.
 */
export async function shipOrder(
  w: Pick<World, 'server' | 'callers' | 'catalog'>,
  options: { agent?: boolean; failed?: boolean } = {},
): Promise<{ shipmentId: string; order: CheckedOut }> {
  const admin = w.callers.admin.headers;
  const order = await checkout(w, [w.catalog.sellerOffer.offerId]);
  const agentId = options.agent ? { deliveryAgentId: w.callers.deliveryAgent.user!.id } : {};
  const shipment = await send(w.server, 'POST', `/admin/orders/${order.orderId}/shipments`, agentId, admin);
  for (const status of options.failed ? ['PICKED_UP', 'FAILED'] : []) {
    await send(w.server, 'POST', `/admin/shipments/${shipment.id}/events`, { status }, admin);
  }
  return { shipmentId: shipment.id as string, order };
}

async function fulfilmentFixtures(w: World): Promise<World['fulfilment']> {
  const { shipmentId, order } = await shipOrder(w, { agent: true });
  const agent = w.callers.deliveryAgent.headers;
  await send(w.server, 'POST', `/agent/deliveries/${shipmentId}/events`, { status: 'PICKED_UP' }, agent);
  const query = new URLSearchParams({ order: order.orderNumber, email: w.callers.customer.user!.email });
  const tracked = await send(w.server, 'GET', `/track?${query}`);
  return { shipmentId, orderNumber: order.orderNumber, trackingToken: tracked.trackingToken };
}

/**
 * Builds the world. `makeFresh` runs before the customer's cart exists, because every checkout
 * (the fresh orders among them) converts the customer's active cart.
 */
export async function buildWorld(server: TestServer, makeFresh: (w: World) => Promise<void>): Promise<World> {
  const storeId = server.modules.tenancy.defaultStore().id;
  const { callers, passwords, loginTarget, foreignStoreId, platform } = await signIn(server);
  const admin = callers.admin.headers;
  const store = await send(server, 'GET', '/store');
  const currency = (store.currency as string).trim();
  const catalog = await catalogFixtures(server, callers);
  const inventory = await inventoryFixtures(server, admin, catalog.storeOffers[0].offerId);
  // every stocked offer gets its forecast of the day (none yet: no sales history)
  await server.modules.inventory.forecasts.run(systemCtx(server.database.db, storeId, server.log));
  const accountIds = await accountFixtures(server, callers);
  const [managed, toDeactivate, applicant, rejectedApplicant] = [
    await account(server, 'Managed'),
    await account(server, 'Deactivated'),
    await account(server, 'Applicant'),
    await account(server, 'Rejected'),
  ];
  await applyToSell(server, applicant, 'Applicant Traders');
  await applyToSell(server, rejectedApplicant, 'Rejected Traders');
  const coupon = await send(
    server,
    'POST',
    '/admin/coupons',
    { code: unique('MATRIX'), type: 'AMOUNT', value: 100 },
    admin,
  );
  const taxRule = await send(
    server,
    'POST',
    '/admin/tax-rules',
    { name: 'Matrix tax', country: 'IN', rateBp: 0 },
    admin,
  );
  const w = {
    server,
    storeId,
    currency,
    foreignStoreId,
    callers,
    passwords,
    users: {
      loginTarget,
      refreshToken: loginTarget.refreshToken,
      managed,
      toDeactivate,
      applicant,
      rejectedApplicant,
    },
    catalog,
    inventory,
    account: accountIds,
    couponId: coupon.id as string,
    taxRuleId: taxRule.id as string,
    platform: { ...platform, ownStoreId: await openStore({ server, callers }) },
    fresh: new Map(),
  } as Omit<World, 'orders' | 'fulfilment' | 'cart' | 'wishlist'> as World;
  const { sellerOffer, storeOffers } = catalog;
  w.orders = {
    main: await checkout(w, [sellerOffer.offerId, storeOffers[0].offerId]),
    toRefund: await checkout(w, [storeOffers[0].offerId]),
    toMove: await checkout(w, [storeOffers[0].offerId]),
  };
  w.fulfilment = await fulfilmentFixtures(w);
  await makeFresh(w);
  Object.assign(w, await shoppingFixtures(server, callers.customer.headers, storeOffers));
  return w;
}
