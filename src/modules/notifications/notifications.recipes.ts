// Which messages each domain event asks for, and the data their templates get. Events carry ids;
// what a message shows is read here through the sources the composition root wired.

import type { Ctx } from '../../platform/http/context.ts';
import { FulfillmentEvents } from '../fulfillment/index.ts';
import { IdentityEvents } from '../identity/index.ts';
import { InventoryEvents, type StockLowPayload } from '../inventory/index.ts';
import { OrderEvents } from '../orders/index.ts';
import { PaymentEvents } from '../payments/index.ts';
import { ReviewEvents } from '../reviews/index.ts';
import { TenancyEvents } from '../tenancy/index.ts';
import type { Recipient } from './notifications.channels.ts';
import type { Intent, StoreData } from './notifications.dispatch.ts';
import type { NotificationSources, OrderFacts } from './notifications.ports.ts';
import { LEAD_RECIPES } from './notifications.recipes.leads.ts';
import { signInCode } from './notifications.recipes.phone.ts';
import type { NotificationType } from './notifications.types.ts';

export interface RecipeInput {
  ctx: Ctx;
  payload: Record<string, unknown>;
  store: StoreData;
  sources: NotificationSources;
}

export type Recipe = (input: RecipeInput) => Promise<Intent[]>;

interface Sealed {
  sealed: string;
  aad: string;
}

/** A secret the event carries sealed, opened; null (no message) when it does not open. */
function secret(input: RecipeInput, key: string): string | null {
  const value = input.payload[key] as Sealed | undefined;
  if (!value || typeof value.sealed !== 'string') return null;
  return input.sources.openSecret(value.sealed, value.aad);
}

const str = (value: unknown) => (typeof value === 'string' ? value : '');

function orderData(facts: OrderFacts, store: StoreData) {
  return {
    ...facts,
    // a signed-in buyer follows the order in the account, at the store's own address
    url: facts.userId && store.url ? `${store.url}/account` : '',
    cancelReason: facts.cancelReason ?? '',
  };
}

function buyerOf(facts: OrderFacts): Recipient {
  return { userId: facts.userId, name: facts.name, email: facts.email, phone: null };
}

/** A message about an order to its buyer (the order's email, and the feed of a signed-in buyer). */
function toBuyer(
  type: NotificationType,
  extra: (input: RecipeInput) => Record<string, unknown> = () => ({}),
): Recipe {
  return async (input) => {
    const facts = await input.sources.order(input.ctx, str(input.payload.orderId));
    if (!facts) return [];
    const data = { order: orderData(facts, input.store), ...extra(input) };
    return [{ type, recipient: buyerOf(facts), data }];
  };
}

/** The buyer's confirmation, and one message to each seller with their own items. */
const orderPlaced: Recipe = async (input) => {
  const facts = await input.sources.order(input.ctx, str(input.payload.orderId));
  if (!facts) return [];
  const order = orderData(facts, input.store);
  const intents: Intent[] = [{ type: 'ORDER_PLACED', recipient: buyerOf(facts), data: { order } }];
  const sellers = new Set(facts.items.map((i) => i.sellerId).filter((s): s is string => s !== null));
  for (const sellerId of sellers) {
    const seller = await input.sources.user(input.ctx, sellerId);
    if (!seller) continue; // the store's own catalog has no seller account
    const items = facts.items.filter((i) => i.sellerId === sellerId);
    intents.push({ type: 'SELLER_NEW_ORDER_ITEM', recipient: seller, data: { order, items } });
  }
  return intents;
};

/** A message to one account, by the event's `userId`. */
function toUser(
  type: NotificationType,
  data: (input: RecipeInput) => Record<string, unknown> | null,
): Recipe {
  return async (input) => {
    const user = await input.sources.user(input.ctx, str(input.payload.userId));
    const fields = data(input);
    return user && fields ? [{ type, recipient: user, data: fields }] : [];
  };
}

const link = (store: StoreData, page: string, code: string) =>
  store.url ? `${store.url}${page}?token=${code}` : '';

const verification = toUser('EMAIL_VERIFICATION', (input) => {
  const code = secret(input, 'code');
  if (!code) return null;
  return { code, hours: input.payload.hours, link: link(input.store, '/account/verify-email', code) };
});

const passwordReset = toUser('PASSWORD_RESET', (input) => {
  const code = secret(input, 'code');
  if (!code) return null;
  // a platform account resets on the platform console, the code in the fragment
  const page = input.payload.platform
    ? `${input.sources.platformOrigin}/platform/reset#token=${code}`
    : link(input.store, '/account/reset-password', code);
  return { code, minutes: input.payload.minutes, link: page };
});

const invitation: Recipe = async (input) => {
  const token = secret(input, 'token');
  if (!token) return [];
  const email = str(input.payload.email);
  const role = str(input.payload.role).toLowerCase().replace('_', ' ');
  const url = `${input.sources.platformOrigin}/platform/invitations#invitation=${token}`;
  const data = { invitation: { storeName: str(input.payload.storeName), role, link: url } };
  return [{ type: 'STAFF_INVITATION', recipient: { userId: null, name: null, email, phone: null }, data }];
};

const lowStock: Recipe = async (input) => {
  const p = input.payload as unknown as StockLowPayload;
  const stock = {
    productId: p.productId,
    offerId: p.offerId,
    available: p.available,
    reorderPoint: p.reorderPoint,
    reorderQuantity: p.reorderQuantity,
  };
  const staff = await input.sources.staff(input.ctx);
  const seller = p.sellerId ? await input.sources.user(input.ctx, p.sellerId) : null;
  const people = seller && !staff.some((s) => s.userId === seller.userId) ? [...staff, seller] : staff;
  return people.map((recipient) => ({ type: 'LOW_STOCK' as const, recipient, data: { stock } }));
};

const RETURN_TEXT: Record<string, string> = {
  REQUESTED: 'requested',
  APPROVED: 'approved',
  REJECTED: 'rejected',
  RECEIVED: 'received',
  REFUNDED: 'refunded',
  CANCELLED: 'cancelled',
};

const returnUpdated = toBuyer('RETURN_UPDATED', (input) => ({
  return: { status: str(input.payload.status), statusText: RETURN_TEXT[str(input.payload.status)] ?? '' },
}));

const sellerDecided = (approved: boolean) =>
  toUser('SELLER_APPLICATION_DECIDED', (input) => ({ approved, reason: str(input.payload.reason) }));

/** A reply to the author's review: the product, the reply, and where the review shows. */
const reviewReply = toUser('REVIEW_REPLY', (input) => {
  const slug = str(input.payload.productSlug);
  return {
    review: {
      productName: str(input.payload.productName),
      reply: str(input.payload.reply),
      url: input.store.url && slug ? `${input.store.url}/products/${encodeURIComponent(slug)}#reviews` : '',
    },
  };
});

/** Every event notifications listens to, and what it makes of it. */
export const RECIPES: Record<string, Recipe> = {
  [OrderEvents.placed]: orderPlaced,
  [OrderEvents.paid]: toBuyer('ORDER_PAID'),
  [OrderEvents.cancelled]: toBuyer('ORDER_CANCELLED'),
  [OrderEvents.refunded]: toBuyer('ORDER_REFUNDED'),
  [OrderEvents.shipped]: toBuyer('ORDER_SHIPPED'),
  [OrderEvents.delivered]: toBuyer('ORDER_DELIVERED'),
  [FulfillmentEvents.deliveryCodeIssued]: toBuyer('ORDER_OUT_FOR_DELIVERY', (input) => ({
    code: secret(input, 'code') ?? '',
  })),
  [FulfillmentEvents.returnRequested]: returnUpdated,
  [FulfillmentEvents.returnApproved]: returnUpdated,
  [FulfillmentEvents.returnRejected]: returnUpdated,
  [FulfillmentEvents.returnReceived]: returnUpdated,
  [FulfillmentEvents.returnRefunded]: returnUpdated,
  [FulfillmentEvents.returnCancelled]: returnUpdated,
  [PaymentEvents.failed]: toBuyer('PAYMENT_FAILED'),
  [InventoryEvents.stockLow]: lowStock,
  [IdentityEvents.sellerApproved]: sellerDecided(true),
  [IdentityEvents.sellerRejected]: sellerDecided(false),
  [IdentityEvents.emailVerified]: toUser('ACCOUNT_WELCOME', (input) => ({
    accountUrl: input.store.url ? `${input.store.url}/account` : '',
  })),
  [IdentityEvents.verificationRequested]: verification,
  [IdentityEvents.passwordResetRequested]: passwordReset,
  [TenancyEvents.staffInvited]: invitation,
  [IdentityEvents.signInCodeRequested]: signInCode,
  [ReviewEvents.replied]: reviewReply,
  ...LEAD_RECIPES,
};
