import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/database.ts';
import { isUniqueViolation, transaction } from '../../platform/db/transaction.ts';
import { requireActor } from '../../platform/http/authorization.ts';
import { type Ctx, withDb } from '../../platform/http/context.ts';
import { isUuid, newId } from '../../platform/ids.ts';
import { pruneInBatches } from '../../platform/jobs/retention.ts';
import { money } from '../../platform/money.ts';
import type { OfferSnapshot } from '../catalog/index.ts';
import {
  CartItemNotFound,
  CartNotActive,
  CartNotFound,
  CartOfferNotFound,
  CartTooManyLines,
  LineQuantityTooLarge,
  NotEnoughStock,
  QuotedLineLocked,
} from './cart.errors.ts';
import type { CartItemRow, CartRow } from './cart.repository.ts';
import * as repo from './cart.repository.ts';
import type { CartItemView, CartView } from './cart.schemas.ts';

export interface CartDeps {
  offers(ctx: Ctx, offerIds: string[]): Promise<OfferSnapshot[]>;
  currency(db: Db, storeId: string): Promise<string>;
  maxLineQuantity: number;
  /** Different offers one cart may hold. */
  maxLines: number;
  ttlSeconds: number;
}

/** A cart line joined with its offer, for checkout. */
export interface CheckoutLine {
  item: CartItemRow;
  offer: OfferSnapshot;
}

export class CartService {
  constructor(private readonly deps: CartDeps) {}

  /** A Bearer token makes it the user's cart (their active one if it exists); otherwise a guest cart. */
  async create(ctx: Ctx): Promise<CartView> {
    const userId = ctx.actor?.userId ?? null;
    if (userId) {
      const existing = await repo.findActiveCartOfUser(ctx.db, ctx.storeId, userId);
      if (existing) return this.present(ctx, existing);
    }
    try {
      const cart = await repo.insertCart(ctx.db, {
        id: randomUUID(), // fully random: a guest cart's id is its only key
        store_id: ctx.storeId,
        user_id: userId,
        currency: await this.deps.currency(ctx.db, ctx.storeId),
        converted_order_id: null,
        expires_at: new Date(Date.now() + this.deps.ttlSeconds * 1000),
      });
      return this.present(ctx, cart);
    } catch (error) {
      if (userId && isUniqueViolation(error)) {
        const raced = await repo.findActiveCartOfUser(ctx.db, ctx.storeId, userId);
        if (raced) return this.present(ctx, raced);
      }
      throw error;
    }
  }

  async get(ctx: Ctx, cartId: string): Promise<CartView> {
    return this.present(ctx, await this.find(ctx, cartId));
  }

  async addItem(ctx: Ctx, cartId: string, input: { offerId: string; quantity: number }): Promise<CartView> {
    this.checkLineQuantity(input.quantity);
    const offer = await this.purchasableOffer(ctx, input.offerId);
    const cart = await transaction(ctx.db, async (trx) => {
      const cart = await this.touchWritable(withDb(ctx, trx), cartId);
      const line = { storeId: ctx.storeId, offerId: offer.offerId, unitPrice: offer.price.amount };
      await addOrBumpLine(trx, cart.id, line, {
        quantity: (current) => {
          const quantity = current + input.quantity;
          this.checkLineQuantity(quantity);
          if (quantity > offer.availableQuantity)
            throw new NotEnoughStock(offer.offerId, offer.availableQuantity);
          return quantity;
        },
        // the cart row is locked (touchWritable), so concurrent additions are counted one at a time
        beforeNewLine: () => this.assertRoomForLines(trx, cart.id, 1),
      });
      return cart;
    });
    return this.present(ctx, cart);
  }

  async setQuantity(ctx: Ctx, cartId: string, itemId: string, quantity: number): Promise<CartView> {
    this.checkLineQuantity(quantity);
    const cart = await transaction(ctx.db, async (trx) => {
      const cart = await this.touchWritable(withDb(ctx, trx), cartId);
      const item = isUuid(itemId) ? await repo.findItem(trx, cart.id, itemId) : undefined;
      if (!item) throw new CartItemNotFound();
      if (item.quoted) throw new QuotedLineLocked(item.offer_id);
      if (quantity > item.quantity) {
        const [offer] = await this.deps.offers({ ...ctx, db: trx }, [item.offer_id]);
        const available = offer?.purchasable ? offer.availableQuantity : 0;
        if (quantity > available) throw new NotEnoughStock(item.offer_id, available);
      }
      await repo.updateItem(trx, item.id, { quantity });
      return cart;
    });
    return this.present(ctx, cart);
  }

  async removeItem(ctx: Ctx, cartId: string, itemId: string): Promise<CartView> {
    const cart = await transaction(ctx.db, async (trx) => {
      const cart = await this.touchWritable(withDb(ctx, trx), cartId);
      const item = isUuid(itemId) ? await repo.findItem(trx, cart.id, itemId) : undefined;
      if (!item) throw new CartItemNotFound();
      // a quoted line goes with the quote (declined, or lapsed), not on its own while it holds
      if (item.quoted && quoteHolds(cart)) throw new QuotedLineLocked(item.offer_id);
      await repo.deleteItem(trx, item.id);
      return cart;
    });
    return this.present(ctx, cart);
  }

  /** Accepts the current prices of every line (after the buyer saw them flagged). */
  async acceptPrices(ctx: Ctx, cartId: string): Promise<CartView> {
    await transaction(ctx.db, async (trx) => {
      const cart = await this.findWritable(withDb(ctx, trx), cartId);
      const items = await repo.itemsOf(trx, cart.id);
      const offers = await this.offerMap({ ...ctx, db: trx }, items);
      for (const item of items) {
        const offer = offers.get(item.offer_id);
        if (offer && !item.quoted && offer.price.amount !== item.unit_price_amount)
          await repo.updateItem(trx, item.id, { unit_price_amount: offer.price.amount });
      }
      await repo.touchCart(trx, cart.id, this.deps.ttlSeconds);
    });
    return this.get(ctx, cartId);
  }

  /**
   * Moves a guest cart's lines into the signed-in user's active cart (made if absent). Quantities of
   * the same offer add up, capped by the line maximum and the stock; the guest cart becomes MERGED.
   */
  async merge(ctx: Ctx, guestCartId: string): Promise<CartView> {
    requireActor(ctx);
    const target = await this.create(ctx);
    await transaction(ctx.db, async (trx) => {
      const guest = await this.findWritable(withDb(ctx, trx), guestCartId);
      if (guest.user_id !== null) throw new CartNotFound();
      const guestItems = await repo.itemsOf(trx, guest.id);
      const offers = await this.offerMap({ ...ctx, db: trx }, guestItems);
      for (const item of guestItems) {
        const offer = offers.get(item.offer_id);
        const cap = Math.min(
          this.deps.maxLineQuantity,
          offer?.purchasable ? offer.availableQuantity : item.quantity,
        );
        const line = { storeId: ctx.storeId, offerId: item.offer_id, unitPrice: item.unit_price_amount };
        await addOrBumpLine(trx, target.id, line, {
          quantity: (current) => Math.max(1, Math.min(current + item.quantity, cap)),
          keepQuoted: true,
        });
      }
      await this.assertRoomForLines(trx, target.id, 0);
      await repo.setCartStatus(trx, guest.id, 'MERGED');
      await repo.touchCart(trx, target.id, this.deps.ttlSeconds);
    });
    return this.get(ctx, target.id);
  }

  /**
   * Inside checkout's transaction: the active cart converted to `orderId` (its row locked, so a
   * concurrent checkout or add of it waits; undone if the checkout fails), then its lines with fresh
   * offers, read after the lock.
   */
  async forCheckout(
    ctx: Ctx,
    cartId: string,
    orderId: string,
  ): Promise<{ cart: CartRow; lines: CheckoutLine[]; missing: CartItemRow[] }> {
    const cart = await this.firstWrite(ctx, cartId, (ref) =>
      repo.convertActiveCart(ctx.db, ctx.storeId, { ...ref, orderId }),
    );
    const items = await repo.itemsOf(ctx.db, cart.id);
    const offers = await this.offerMap(ctx, items);
    const lines: CheckoutLine[] = [];
    const missing: CartItemRow[] = [];
    for (const item of items) {
      const offer = offers.get(item.offer_id);
      if (offer) lines.push({ item, offer });
      else missing.push(item);
    }
    return { cart, lines, missing };
  }

  /** The scheduled sweep: carts untouched past their expiry become ABANDONED. */
  async expireCarts(db: Db): Promise<number> {
    let total = 0;
    for (let round = 0; round < 100; round++) {
      const n = await repo.abandonExpired(db, 500);
      total += n;
      if (n < 500) break;
    }
    return total;
  }

  async present(ctx: Ctx, cart: CartRow): Promise<CartView> {
    const items = await repo.itemsOf(ctx.db, cart.id);
    const offers = await this.offerMap(ctx, items);
    const views = items.map((item) => presentItem(item, offers.get(item.offer_id), cart.currency));
    const subtotal = views.reduce((s, i) => s + i.total.amount, 0);
    const zero = money(0, cart.currency);
    return {
      id: cart.id,
      status: cart.status,
      userId: cart.user_id,
      currency: cart.currency,
      items: views,
      totals: {
        subtotal: money(subtotal, cart.currency),
        discount: zero,
        tax: zero,
        shipping: zero,
        total: money(subtotal, cart.currency),
      },
      needsAttention: views.some((i) => i.priceChanged || !i.available),
      quote:
        cart.lead_id && cart.quoted_until
          ? { leadId: cart.lead_id, validUntil: cart.quoted_until.toISOString() }
          : null,
      updatedAt: cart.updated_at.toISOString(),
    };
  }

  /** Guest carts are reachable by their unguessable id; a user's cart only by that user. */
  async find(ctx: Ctx, cartId: string, lock = false): Promise<CartRow> {
    const cart = isUuid(cartId) ? await repo.findCart(ctx.db, ctx.storeId, cartId, lock) : undefined;
    if (!cart || (cart.user_id !== null && cart.user_id !== ctx.actor?.userId)) throw new CartNotFound();
    return cart;
  }

  /**
   * A write's first statement, in the caller's transaction: the active cart touched, which locks it
   * (a concurrent write of it waits) and is undone with the transaction if the write fails; the row
   * as touched.
   */
  private touchWritable(ctx: Ctx, cartId: string): Promise<CartRow> {
    return this.firstWrite(ctx, cartId, (ref) =>
      repo.touchActiveCart(ctx.db, ctx.storeId, ref, this.deps.ttlSeconds),
    );
  }

  /**
   * The row `write` changed, conditional on the cart being the caller's (or a guest's) and ACTIVE;
   * when it changed none, the cart is read for its own answer (404, or 409 not active).
   */
  private async firstWrite(
    ctx: Ctx,
    cartId: string,
    write: (ref: { id: string; userId: string | null }) => Promise<CartRow | undefined>,
  ): Promise<CartRow> {
    const cart = isUuid(cartId) ? await write({ id: cartId, userId: ctx.actor?.userId ?? null }) : undefined;
    if (cart) return cart;
    await this.findWritable(ctx, cartId, false);
    throw new CartNotFound();
  }

  private async findWritable(ctx: Ctx, cartId: string, lock = true): Promise<CartRow> {
    const cart = await this.find(ctx, cartId, lock);
    if (cart.status !== 'ACTIVE') throw new CartNotActive(cart.status);
    return cart;
  }

  private async purchasableOffer(ctx: Ctx, offerId: string): Promise<OfferSnapshot> {
    const [offer] = await this.deps.offers(ctx, [offerId]);
    if (!offer?.purchasable) throw new CartOfferNotFound();
    return offer;
  }

  private async offerMap(ctx: Ctx, items: CartItemRow[]): Promise<Map<string, OfferSnapshot>> {
    if (items.length === 0) return new Map();
    const offers = await this.deps.offers(
      ctx,
      items.map((i) => i.offer_id),
    );
    return new Map(offers.map((o) => [o.offerId, o]));
  }

  /** 409 when the cart would hold more than the line cap with `adding` more lines. */
  private async assertRoomForLines(trx: Db, cartId: string, adding: number): Promise<void> {
    if ((await repo.countItems(trx, cartId)) + adding > this.deps.maxLines)
      throw new CartTooManyLines(this.deps.maxLines);
  }

  /** The scheduled prune: guest carts abandoned or merged more than `days` ago go, lines first. */
  async pruneGuestCarts(db: Db, days: number): Promise<number> {
    return pruneInBatches((batch) => transaction(db, (trx) => repo.pruneGuestCarts(trx, days, batch)));
  }

  private checkLineQuantity(quantity: number) {
    if (quantity > this.deps.maxLineQuantity) throw new LineQuantityTooLarge(this.deps.maxLineQuantity);
  }
}

/**
 * The one rule for putting an offer in a cart: a line already holding the offer is set to
 * `quantity(current)`; otherwise a new line is added at `unitPrice` (after `beforeNewLine`, which
 * may refuse it).
 */
async function addOrBumpLine(
  trx: Db,
  cartId: string,
  line: { storeId: string; offerId: string; unitPrice: number },
  rule: {
    quantity: (current: number) => number;
    beforeNewLine?: () => Promise<void>;
    /** Leave a quoted line of the offer as it is (a merge) instead of refusing (409). */
    keepQuoted?: boolean;
  },
): Promise<void> {
  const existing = await repo.findItemByOffer(trx, cartId, line.offerId);
  if (existing?.quoted) {
    if (rule.keepQuoted) return;
    throw new QuotedLineLocked(line.offerId);
  }
  const quantity = rule.quantity(existing?.quantity ?? 0);
  if (existing) return repo.updateItem(trx, existing.id, { quantity });
  await rule.beforeNewLine?.();
  await repo.insertItem(trx, {
    id: newId(),
    store_id: line.storeId,
    cart_id: cartId,
    offer_id: line.offerId,
    quantity,
    unit_price_amount: line.unitPrice,
  });
}

/** Whether the cart's accepted quote still holds (its lines locked, its stock held). */
export function quoteHolds(cart: CartRow): boolean {
  return cart.quoted_until !== null && cart.quoted_until.getTime() > Date.now();
}

function presentItem(item: CartItemRow, offer: OfferSnapshot | undefined, currency: string): CartItemView {
  const currentPrice = offer ? money(offer.price.amount, offer.price.currency) : null;
  // a quoted line's units are held for it, so they are not in the offer's available quantity
  const held = item.quoted && offer?.purchasable ? item.quantity : 0;
  const availableQuantity = offer?.purchasable ? offer.availableQuantity + held : 0;
  return {
    id: item.id,
    offerId: item.offer_id,
    productId: offer?.productId ?? null,
    sellerId: offer?.sellerId ?? null,
    name: offer?.productName ?? 'No longer available',
    sku: offer?.sku ?? null,
    options: offer?.options ?? {},
    imageUrl: offer?.imageUrl ?? null,
    quantity: item.quantity,
    unitPrice: money(item.unit_price_amount, currency),
    currentPrice,
    total: money(item.unit_price_amount * item.quantity, currency),
    priceChanged: !item.quoted && currentPrice !== null && currentPrice.amount !== item.unit_price_amount,
    quoted: item.quoted,
    available: availableQuantity >= item.quantity,
    availableQuantity,
  };
}
