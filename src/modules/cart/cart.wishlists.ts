import { isUniqueViolation, transaction } from '../../platform/db/transaction.ts';
import { requireActor } from '../../platform/http/authorization.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { decodeCursor, IdCursor, toPage } from '../../platform/http/pagination.ts';
import { isUuid, newId } from '../../platform/ids.ts';
import { money } from '../../platform/money.ts';
import {
  CartItemNotFound,
  CartOfferNotFound,
  TooManyWishlists,
  WishlistFull,
  WishlistNameTaken,
  WishlistNotFound,
} from './cart.errors.ts';
import * as repo from './cart.repository.ts';
import type { CartView } from './cart.schemas.ts';
import type { CartService } from './cart.service.ts';

/** Several named lists per user (seed 000 Wishlist), each item an offer; items move to the cart. */
export class WishlistService {
  constructor(
    private readonly carts: CartService,
    private readonly offers: CartServiceOffers,
    private readonly limits: WishlistLimits,
  ) {}

  /** The user's wishlists, oldest first, a page at a time (each with all its items, at most the cap). */
  async list(ctx: Ctx, query: { limit: number; cursor?: string | undefined }) {
    const actor = requireActor(ctx);
    const after = decodeCursor(query.cursor, IdCursor);
    const rows = await repo.wishlistsOf(ctx.db, ctx.storeId, actor.userId, query.limit, after?.id);
    const page = toPage(
      rows,
      query.limit,
      (l) => l,
      (l) => ({ id: l.id }),
    );
    return { items: await this.present(ctx, page.items), nextCursor: page.nextCursor };
  }

  async create(ctx: Ctx, input: { name: string; description?: string | undefined }) {
    const actor = requireActor(ctx);
    try {
      const row = await transaction(ctx.db, async (trx) => {
        await repo.lockUserWishlists(trx, ctx.storeId, actor.userId);
        if ((await repo.countWishlists(trx, ctx.storeId, actor.userId)) >= this.limits.maxLists)
          throw new TooManyWishlists(this.limits.maxLists);
        return repo.insertWishlist(trx, {
          id: newId(),
          store_id: ctx.storeId,
          user_id: actor.userId,
          name: input.name,
          description: input.description ?? null,
        });
      });
      return (await this.present(ctx, [row]))[0]!;
    } catch (error) {
      if (isUniqueViolation(error)) throw new WishlistNameTaken();
      throw error;
    }
  }

  async update(
    ctx: Ctx,
    id: string,
    patch: { name?: string | undefined; description?: string | null | undefined },
  ) {
    const list = await this.own(ctx, id);
    const changes = {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
    };
    // nothing to change: the list as it is (an UPDATE with no column is not SQL)
    if (Object.keys(changes).length === 0) return (await this.present(ctx, [list]))[0]!;
    try {
      const row = await repo.updateWishlist(ctx.db, list.id, changes);
      return (await this.present(ctx, [row]))[0]!;
    } catch (error) {
      if (isUniqueViolation(error)) throw new WishlistNameTaken();
      throw error;
    }
  }

  async remove(ctx: Ctx, id: string): Promise<void> {
    const list = await this.own(ctx, id);
    await repo.deleteWishlist(ctx.db, list.id);
  }

  async addItem(ctx: Ctx, id: string, input: { offerId: string; note?: string | undefined }) {
    const list = await this.own(ctx, id);
    const [offer] = await this.offers(ctx, [input.offerId]);
    if (!offer?.purchasable) throw new CartOfferNotFound();
    await transaction(ctx.db, async (trx) => {
      await repo.lockWishlist(trx, list.id);
      if (await repo.findWishlistItemByOffer(trx, list.id, offer.offerId)) return; // already on it
      if ((await repo.countWishlistItems(trx, list.id)) >= this.limits.maxItems)
        throw new WishlistFull(this.limits.maxItems);
      await repo.insertWishlistItem(trx, {
        id: newId(),
        store_id: ctx.storeId,
        wishlist_id: list.id,
        offer_id: offer.offerId,
        note: input.note ?? null,
      });
    });
    return (await this.present(ctx, [list]))[0]!;
  }

  async removeItem(ctx: Ctx, id: string, itemId: string) {
    const list = await this.own(ctx, id);
    const item = isUuid(itemId) ? await repo.findWishlistItem(ctx.db, list.id, itemId) : undefined;
    if (!item) throw new CartItemNotFound();
    await repo.deleteWishlistItem(ctx.db, item.id);
    return (await this.present(ctx, [list]))[0]!;
  }

  /** Adds the item to the user's cart (the given one, or their active cart) and takes it off the list. */
  async moveToCart(
    ctx: Ctx,
    id: string,
    itemId: string,
    input: { cartId?: string | undefined; quantity: number },
  ): Promise<CartView> {
    const list = await this.own(ctx, id);
    const item = isUuid(itemId) ? await repo.findWishlistItem(ctx.db, list.id, itemId) : undefined;
    if (!item) throw new CartItemNotFound();
    const cartId = input.cartId ?? (await this.carts.create(ctx)).id;
    const cart = await this.carts.addItem(ctx, cartId, { offerId: item.offer_id, quantity: input.quantity });
    await repo.deleteWishlistItem(ctx.db, item.id);
    return cart;
  }

  private async own(ctx: Ctx, id: string) {
    const actor = requireActor(ctx);
    const list = isUuid(id) ? await repo.findWishlist(ctx.db, ctx.storeId, actor.userId, id) : undefined;
    if (!list) throw new WishlistNotFound();
    return list;
  }

  private async present(ctx: Ctx, lists: repo.WishlistRow[]) {
    const items = await repo.wishlistItems(
      ctx.db,
      lists.map((l) => l.id),
    );
    const offers = new Map(
      (
        await this.offers(
          ctx,
          items.map((i) => i.offer_id),
        )
      ).map((o) => [o.offerId, o]),
    );
    return lists.map((list) => ({
      id: list.id,
      name: list.name,
      description: list.description,
      createdAt: list.created_at.toISOString(),
      items: items
        .filter((i) => i.wishlist_id === list.id)
        .map((i) => {
          const offer = offers.get(i.offer_id);
          return {
            id: i.id,
            offerId: i.offer_id,
            productId: offer?.productId ?? null,
            name: offer?.productName ?? 'No longer available',
            price: offer ? money(offer.price.amount, offer.price.currency) : null,
            available: Boolean(offer?.purchasable && offer.availableQuantity > 0),
            note: i.note,
            addedAt: i.added_at.toISOString(),
          };
        }),
    }));
  }
}

type CartServiceOffers = ConstructorParameters<typeof CartService>[0]['offers'];

export interface WishlistLimits {
  /** Wishlists one user may keep. */
  maxLists: number;
  /** Items one wishlist may hold. */
  maxItems: number;
}
