// What notifications reads of the other modules to turn their events into messages: the store's
// sender, a user's contact, an order's snapshot, the store's staff, and identity's sealed secrets.
import { contacts, type IdentityModule } from '../modules/identity/index.ts';
import type { NotificationSources, OrderFacts } from '../modules/notifications/index.ts';
import { OrderNotFound, type OrdersService } from '../modules/orders/index.ts';
import { originOptions, storeSender } from '../modules/tenancy/index.ts';
import type { Config } from '../platform/config.ts';
import type { Ctx } from '../platform/http/context.ts';

export interface NotificationWiring {
  config: Config;
  identity: IdentityModule;
  orders: OrdersService;
}

export function notificationSources(w: NotificationWiring): NotificationSources {
  const origins = originOptions(w.config);
  const platformOrigin = (w.config.PUBLIC_URL ?? `http://localhost:${w.config.PORT}`).replace(/\/$/, '');
  return {
    store: (db, storeId) => storeSender(db, storeId, origins),
    user: async (ctx, userId) => {
      const c = await contacts.of(ctx, userId);
      return c && { userId: c.userId, name: c.name, email: c.email, phone: c.phone };
    },
    staff: async (ctx) =>
      (await contacts.staff(ctx)).map((c) => ({
        userId: c.userId,
        name: c.name,
        email: c.email,
        phone: c.phone,
      })),
    staffWith: async (ctx, permission) =>
      (await contacts.staffWith(ctx, permission)).map((c) => ({
        userId: c.userId,
        name: c.name,
        email: c.email,
        phone: c.phone,
      })),
    users: async (ctx, userIds) => {
      const found = await contacts.many(ctx, userIds);
      return new Map(
        [...found].map(([id, c]) => [id, { userId: c.userId, name: c.name, email: c.email, phone: c.phone }]),
      );
    },
    order: (ctx, orderId) => orderFacts(w.orders, ctx, orderId),
    orders: async (ctx, orderIds) => {
      const loaded = await w.orders.loadMany(ctx, orderIds);
      return new Map([...loaded].map(([id, { order, items }]) => [id, factsOf(order, items)]));
    },
    openSecret: (sealed, aad) => w.identity.secrets.open(sealed, aad),
    seal: (text, aad) => w.identity.secrets.seal(text, aad),
    platformOrigin,
  };
}

async function orderFacts(orders: OrdersService, ctx: Ctx, orderId: string): Promise<OrderFacts | null> {
  const loaded = await orders.load(ctx, orderId).catch((error: unknown) => {
    if (error instanceof OrderNotFound) return null;
    throw error;
  });
  if (!loaded) return null;
  return factsOf(loaded.order, loaded.items);
}

type Loaded = Awaited<ReturnType<OrdersService['load']>>;

function factsOf(order: Loaded['order'], items: Loaded['items']): OrderFacts {
  const address = order.shipping_address as { name?: string } | null;
  return {
    id: order.id,
    number: order.number,
    userId: order.user_id,
    email: order.email,
    name: address?.name ?? null,
    currency: order.currency,
    status: order.status,
    cancelReason: order.cancel_reason,
    subtotal: order.subtotal_amount,
    discount: order.discount_amount,
    tax: order.tax_amount,
    taxIncluded: order.tax_included_amount,
    shipping: order.shipping_amount,
    total: order.total_amount,
    items: items.map((i) => ({
      name: i.name,
      sku: i.sku,
      quantity: i.quantity,
      subtotal: i.subtotal_amount,
      sellerId: i.seller_id,
    })),
  };
}
