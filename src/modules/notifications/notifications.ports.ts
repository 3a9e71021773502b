import type { Db } from '../../platform/db/database.ts';
import type { Ctx, Permission } from '../../platform/http/context.ts';
import type { Recipient } from './notifications.channels.ts';

/** Who a store's messages come from and where their links point (tenancy's store sender). */
export interface StoreFacts {
  name: string | null;
  origin: string | null;
  replyTo: string | null;
}

export interface OrderFacts {
  id: string;
  number: string;
  userId: string | null;
  email: string;
  name: string | null;
  currency: string;
  status: string;
  cancelReason: string | null;
  subtotal: number;
  discount: number;
  tax: number;
  taxIncluded: number;
  shipping: number;
  total: number;
  items: { name: string; sku: string; quantity: number; subtotal: number; sellerId: string | null }[];
}

/**
 * What notifications reads of other modules to turn an event (which carries ids) into messages.
 * Wired by the composition root; notifications imports no other module.
 */
export interface NotificationSources {
  store(db: Db, storeId: string): Promise<StoreFacts | null>;
  user(ctx: Ctx, userId: string): Promise<Recipient | null>;
  order(ctx: Ctx, orderId: string): Promise<OrderFacts | null>;
  /** Many accounts at once (a batch of events); an unknown or inactive one is left out. */
  users(ctx: Ctx, userIds: string[]): Promise<Map<string, Recipient>>;
  /** Many orders at once (a batch of events); an unknown one is left out. */
  orders(ctx: Ctx, orderIds: string[]): Promise<Map<string, OrderFacts>>;
  /** The store's staff who hear about stock (its ADMINs). */
  staff(ctx: Ctx): Promise<Recipient[]>;
  /** The store's staff holding an admin permission (e.g. `quotes:manage` hear of leads). */
  staffWith(ctx: Ctx, permission: Permission): Promise<Recipient[]>;
  /** Opens a secret an event carries sealed (identity's data key); null when it does not open. */
  openSecret(sealed: string, aad: string): string | null;
  /** Seals a message body that carries a secret, and opens it again to send. */
  seal(text: string, aad: string): string;
  /** The platform console's origin, for the realm's links (reset, invitations). */
  platformOrigin: string;
}
