// Checkout: a cart becomes an order in one transaction (stock reserved, coupon use and points
// recorded, order snapshots and a pending payment written), then the payment is charged outside
// it. An Idempotency-Key makes a retried checkout answer with the same order.
//
// The steps, in the order `place` runs them: convert the cart (its lock) and load it → price it →
// reserve the stock → write the order with its pending payment → redeem the coupon and points →
// record the idempotency key; then, after the commit, charge. A step that fails rolls back the
// steps before it with the transaction; the charge, which runs outside it, has its compensation
// written beside it (`charge`).

import type { CartService, CheckoutLine } from '../modules/cart/index.ts';
import type { IdentityService, UserGroupView } from '../modules/identity/index.ts';
import type { InventoryService } from '../modules/inventory/index.ts';
import {
  type DraftItem,
  type OrdersService,
  type OrderView,
  type PricingRules,
  priceOrder,
  type Totals,
  type WrittenOrder,
} from '../modules/orders/index.ts';
import type {
  PaymentMethodsService,
  PaymentsService,
  PaymentView,
  SavedMethodRef,
} from '../modules/payments/index.ts';
import { type Buyer, InsufficientPoints, type PromotionsService } from '../modules/promotions/index.ts';
import type { WithCtes } from '../platform/db/ctes.ts';
import { transaction } from '../platform/db/transaction.ts';
import { type Ctx, withDb } from '../platform/http/context.ts';
import { BadRequest, Conflict } from '../platform/http/errors.ts';
import { newId } from '../platform/ids.ts';
import type { PostalAddress } from '../platform/schemas.ts';
import { checkoutFailureReason } from './business-metrics.ts';
import type { CheckoutGuards } from './checkout-guards.ts';
import type { Admitted, LoadedCart, Priced } from './checkout-steps.ts';
import type { AcceptedTerm, CheckoutTerms } from './checkout-terms.ts';
import type { QuotedCheckout } from './quotes.ts';

export interface CheckoutInput {
  email?: string | undefined;
  shippingAddress: PostalAddress;
  billingAddress?: PostalAddress | undefined;
  couponCode?: string | undefined;
  redeemPoints?: number | undefined;
  shippingMethod?: string | undefined;
  payment: { provider: string; token?: string | undefined };
  /** One-click: a saved card of the signed-in buyer (decision 033). */
  paymentMethodId?: string | undefined;
  /** Terms the buyer accepts with the order (the store's terms of sale, when it asks). */
  acceptedTerms?: AcceptedTerm[] | undefined;
}

export interface CheckoutDeps {
  carts: CartService;
  orders: OrdersService;
  inventory: InventoryService;
  payments: PaymentsService;
  methods: PaymentMethodsService;
  promotions: PromotionsService;
  identity: IdentityService;
  guards: CheckoutGuards;
  quotes: QuotedCheckout;
  terms?: CheckoutTerms;
  /** Told the reason of each checkout that fails (the business counters). */
  failed?: (reason: string) => void;
}

export interface CheckoutResult {
  order: OrderView;
  payment: PaymentView;
}

const field = (pointer: string, detail: string) => new BadRequest(detail, [{ pointer, in: 'body', detail }]);

export class CheckoutFlow {
  constructor(private readonly deps: CheckoutDeps) {}

  /** Checks the cart out; a checkout answered with a problem is counted by its reason (`failed`). */
  async checkout(
    ctx: Ctx,
    cartId: string,
    input: CheckoutInput,
    idempotencyKey?: string,
  ): Promise<CheckoutResult> {
    try {
      return await this.checkoutOnce(ctx, cartId, input, idempotencyKey);
    } catch (error) {
      this.deps.failed?.(checkoutFailureReason(error));
      throw error;
    }
  }

  private async checkoutOnce(
    ctx: Ctx,
    cartId: string,
    input: CheckoutInput,
    idempotencyKey?: string,
  ): Promise<CheckoutResult> {
    if (idempotencyKey) {
      const done = await this.replay(ctx, cartId, idempotencyKey);
      if (done) return this.resume(ctx, done, input);
    }
    const admitted = await this.admit(ctx, input, idempotencyKey);
    let placed: Awaited<ReturnType<CheckoutFlow['place']>>;
    try {
      placed = await transaction(ctx.db, (trx) => this.place(withDb(ctx, trx), cartId, admitted));
    } catch (error) {
      // A concurrent retry with the same key won (the cart is converted, or the key is taken): answer as it did.
      if (idempotencyKey) {
        const done = await this.replay(ctx, cartId, idempotencyKey).catch(() => null);
        if (done) return done;
      }
      throw error;
    }
    return this.charge(
      ctx,
      { orderId: placed.orderId, paymentId: placed.payment.id },
      input.payment.token,
      placed.payment,
      placed.saved,
      placed.written,
    );
  }

  /** Before any stock is touched: abuse limits, a known payment provider, the buyer's email, the order number. */
  private async admit(ctx: Ctx, input: CheckoutInput, idempotencyKey: string | undefined): Promise<Admitted> {
    await this.deps.guards.check(ctx, input);
    const providers = this.deps.payments.providerNames();
    if (!providers.includes(input.payment.provider as never)) {
      throw field('/payment/provider', `Unknown payment provider; use one of ${providers.join(', ')}.`);
    }
    const email = await this.buyerEmail(ctx, input);
    if ((input.redeemPoints ?? 0) > 0 && !ctx.actor)
      throw field('/redeemPoints', 'Sign in to use reward points.');
    if (input.paymentMethodId && !ctx.actor)
      throw field('/paymentMethodId', 'Sign in to pay with a saved card.');
    const buyer = { userId: ctx.actor?.userId ?? null, email };
    const terms = (await this.deps.terms?.before(ctx, buyer, input.acceptedTerms)) ?? null;
    // Taken before the transaction, so checkouts in one store never wait on each other's number.
    const number = await this.deps.orders.nextOrderNumber(ctx);
    return { input, email, number, idempotencyKey, terms };
  }

  /** The steps of checkout, in one transaction (`ctx.db`). */
  private async place(ctx: Ctx, cartId: string, admitted: Admitted) {
    const orderId = newId();
    const cart = await this.loadCart(ctx, cartId, orderId);
    if (cart.quote) await this.deps.quotes.convert(ctx, cart.quote, { id: orderId, number: admitted.number });
    const priced = await this.price(ctx, cart, admitted);
    await this.reserve(ctx, orderId, cart);
    const pending = this.pendingPayment(ctx, orderId, cart, priced, admitted);
    const written = await this.writeOrder(ctx, orderId, cart, priced, admitted, pending.with);
    const payment = pending.written(written.order.placed_at); // now(), as the payment's
    if (admitted.terms) await this.deps.terms?.record(ctx, priced.buyer, admitted.terms, orderId);
    await this.redeem(ctx, orderId, cart, priced);
    const saved = await this.savedMethod(ctx, admitted.input);
    if (admitted.idempotencyKey) {
      await this.deps.orders.recordCheckout(ctx, {
        cartId: cart.id,
        idempotencyKey: admitted.idempotencyKey,
        orderId,
        paymentId: payment.id,
      });
    }
    return { orderId, payment, saved, written };
  }

  /**
   * Load the cart, converted to the order (and so locked): not empty, every line still for sale at
   * the price it was added at.
   */
  private async loadCart(ctx: Ctx, cartId: string, orderId: string): Promise<LoadedCart> {
    const { cart, lines, missing } = await this.deps.carts.forCheckout(ctx, cartId, orderId);
    if (lines.length === 0 && missing.length === 0) throw new Conflict('The cart is empty.', 'cart-empty');
    const unavailable = [
      ...missing.map((m) => m.offer_id),
      ...lines.filter((l) => !l.offer.purchasable).map((l) => l.offer.offerId),
    ];
    if (unavailable.length > 0) {
      throw new Conflict('Some items can no longer be bought; remove them first.', 'cart-items-unavailable', {
        offers: unavailable,
      });
    }
    const changed = lines
      .filter((l) => !l.item.quoted && l.offer.price.amount !== l.item.unit_price_amount)
      .map((l) => l.offer.offerId);
    if (changed.length > 0) {
      throw new Conflict(
        'Some prices changed since they were added; review and accept them.',
        'cart-prices-changed',
        { offers: changed },
      );
    }
    // (once lapsed, a quote's lines may be removed before the sweep takes the quote off the cart)
    const held = cart.lead_id !== null && cart.quoted_until !== null && lines.some((l) => l.item.quoted);
    const quote = held ? { leadId: cart.lead_id!, until: cart.quoted_until! } : null;
    return { id: cart.id, currency: cart.currency, lines, quote };
  }

  /**
   * Price the cart: the buyer's group discount per line, shipping and tax for the destination, then
   * the coupon on what the items cost after the group discount, then the reward points asked for.
   */
  private async price(ctx: Ctx, cart: LoadedCart, { input, email }: Admitted): Promise<Priced> {
    const { promotions } = this.deps;
    const destination = { country: input.shippingAddress.country, region: input.shippingAddress.state };
    const { taxRules, shipping } = await this.rulesFor(ctx, input);
    const group = ctx.actor ? await this.deps.identity.groups.ofUser(ctx, ctx.actor.userId) : null;
    const lines = cart.lines.map((l) => ({
      key: l.item.offer_id,
      unitPrice: l.item.unit_price_amount,
      quantity: l.item.quantity,
      categoryId: l.offer.categoryId,
      weightGrams: l.offer.weightGrams,
      requiresShipping: l.offer.requiresShipping,
      // a quoted price is already the buyer's price: no group discount on top
      groupDiscountBp: l.item.quoted ? 0 : groupRate(ctx, l, group, 'discount'),
    }));
    const base = { lines, pointValue: promotions.pointsToAmount(1), destination, shipping };
    const withoutCoupon = priceOrder({ ...base, pointsToRedeem: 0, taxRules });
    const buyer: Buyer = {
      userId: ctx.actor?.userId ?? null,
      email,
      phone: input.shippingAddress.phone,
      address: input.shippingAddress,
    };
    const coupon = input.couponCode
      ? await promotions.quoteCoupon(
          ctx,
          input.couponCode,
          {
            subtotal: withoutCoupon.subtotal - withoutCoupon.groupDiscount,
            shipping: withoutCoupon.shipping,
            currency: cart.currency,
          },
          buyer,
        )
      : null;
    const points = await this.pointsToRedeem(
      ctx,
      input.redeemPoints ?? 0,
      withoutCoupon,
      coupon?.discount ?? 0,
    );
    const totals = priceOrder({
      ...base,
      taxRules,
      pointsToRedeem: points,
      coupon: coupon ? () => coupon : undefined,
    });
    return { totals, coupon, shippingCode: shipping?.code ?? null, group, buyer };
  }

  /**
   * The destination's tax rules and the shipping method asked for (or the store's default), refused
   * when it cannot serve the address.
   */
  private async rulesFor(ctx: Ctx, input: CheckoutInput) {
    const rules: PricingRules = await this.deps.orders.pricingRules(
      ctx,
      input.shippingMethod,
      input.shippingAddress.country,
    );
    const { shipping } = rules;
    if (shipping === undefined) {
      throw input.shippingMethod
        ? field('/shippingMethod', 'No such shipping method for this destination.')
        : field('/shippingAddress/country', 'This store does not ship to that country.');
    }
    return { taxRules: rules.taxRules, shipping };
  }

  /** The points the buyer asked for, checked against the redeemable share of the order and the balance. */
  private async pointsToRedeem(
    ctx: Ctx,
    requested: number,
    priced: Totals,
    couponDiscount: number,
  ): Promise<number> {
    if (requested <= 0 || !ctx.actor) return 0;
    const { promotions } = this.deps;
    const max = promotions.maxRedeemablePoints(priced.subtotal - priced.groupDiscount - couponDiscount);
    if (requested > max) throw field('/redeemPoints', `At most ${max} points can be used on this order.`);
    const balance = await promotions.balance(ctx, ctx.actor.userId);
    if (requested > balance) throw new InsufficientPoints(balance);
    return requested;
  }

  /** Reserve the stock of every line for the order (409 `insufficient-stock` when it is gone). */
  private async reserve(ctx: Ctx, orderId: string, cart: LoadedCart): Promise<void> {
    await this.deps.inventory.reserve(ctx, {
      reference: { type: 'ORDER', id: orderId },
      lines: cart.lines.map((l) => ({ offerId: l.item.offer_id, quantity: l.item.quantity })),
    });
  }

  /**
   * Write the order with its snapshots. Cash on delivery is accepted at once (CONFIRMED), so its
   * stock is sold now; an order paid online waits PENDING for the money, its stock held.
   */
  private async writeOrder(
    ctx: Ctx,
    orderId: string,
    cart: LoadedCart,
    { totals, coupon, shippingCode, group, buyer }: Priced,
    { input, email, number }: Admitted,
    payment: WithCtes,
  ): Promise<WrittenOrder> {
    const cod = input.payment.provider === 'cod';
    const written = await this.deps.orders.writeOrder(
      ctx,
      {
        id: orderId,
        number,
        userId: buyer.userId,
        email,
        currency: cart.currency,
        paymentProvider: input.payment.provider,
        status: cod ? 'CONFIRMED' : 'PENDING',
        totals,
        couponCode: coupon?.code ?? null,
        shippingMethod: shippingCode,
        shippingAddress: input.shippingAddress,
        billingAddress: input.billingAddress ?? input.shippingAddress,
        cartId: cart.id,
        items: cart.lines.map((l) => draftItem(l, groupRate(ctx, l, group, 'reward'))),
      },
      payment,
    );
    if (cod) await this.deps.inventory.confirm(ctx, { type: 'ORDER', id: orderId });
    return written;
  }

  /** Redeem the coupon (one use, under its row lock) and the reward points the order uses. */
  private async redeem(ctx: Ctx, orderId: string, cart: LoadedCart, { totals, coupon, buyer }: Priced) {
    const { promotions } = this.deps;
    if (coupon) {
      await promotions.redeemCoupon(ctx, {
        couponId: coupon.couponId,
        orderId,
        discount: totals.couponDiscount,
        buyer,
        basket: {
          subtotal: totals.subtotal - totals.groupDiscount,
          shipping: totals.shipping,
          currency: cart.currency,
        },
      });
    }
    if (totals.pointsRedeemed > 0 && buyer.userId) {
      await promotions.redeemForOrder(ctx, { userId: buyer.userId, orderId, points: totals.pointsRedeemed });
    }
  }

  /** The pending payment of the order's total, written by the order's insert, charged after the commit. */
  private pendingPayment(
    ctx: Ctx,
    orderId: string,
    cart: LoadedCart,
    { totals, buyer }: Priced,
    { input }: Admitted,
  ) {
    return this.deps.payments.pendingPayment(ctx, {
      orderId,
      userId: buyer.userId,
      amount: totals.total,
      currency: cart.currency,
      provider: input.payment.provider,
    });
  }

  /**
   * Charge the payment, outside the transaction. Its compensation is the order's life, not a
   * rollback: a charge that fails or gets no answer leaves the order PENDING with its stock held,
   * so the buyer can pay again (payments' retry, or a checkout replayed with the same key:
   * `resume`); an order never paid expires and gives back its stock, coupon use and points, and a
   * capture that arrives after that is refunded (order-lifecycle.ts).
   */
  private async charge(
    ctx: Ctx,
    placed: { orderId: string; paymentId: string },
    token: string | undefined,
    /** The payment as this request made it (then it is not read again). */
    created?: PaymentView,
    saved?: SavedMethodRef,
    written?: WrittenOrder, // the order as placed: with the row the charge left, not read again
  ): Promise<CheckoutResult> {
    let after: unknown;
    const payment = await this.deps.payments.charge(ctx, placed.paymentId, token, created, saved, (order) => {
      after = order;
    });
    const known = written && after ? { ...written, order: after as WrittenOrder['order'] } : undefined;
    return { order: await this.deps.orders.placedView(ctx, placed.orderId, known), payment };
  }

  /**
   * The saved card to charge (one-click), held against removal until the order commits: the
   * signed-in buyer's own, else 404 and nothing is charged. No statement without one.
   */
  private async savedMethod(ctx: Ctx, input: CheckoutInput, lock = true) {
    if (!input.paymentMethodId) return undefined;
    return this.deps.methods.forCheckout(ctx, input.paymentMethodId, input.payment.provider, lock);
  }

  private async buyerEmail(ctx: Ctx, input: CheckoutInput): Promise<string> {
    if (ctx.actor) {
      // an account opened by phone sign-in has no email until it adds one
      const email = input.email ?? (await this.deps.identity.me(ctx)).email;
      if (!email) throw field('/email', 'An email address is needed for the order receipt.');
      return email;
    }
    if (!input.email) throw field('/email', 'An email address is needed to check out as a guest.');
    return input.email;
  }

  /**
   * A replay whose charge never ran (the process stopped between the commit and the charge) or
   * got no answer resumes it with the retry's token; the attempt key is the same, so the provider
   * cannot charge twice. Anything else answers as it is.
   */
  private async resume(ctx: Ctx, done: CheckoutResult, input: CheckoutInput): Promise<CheckoutResult> {
    if (
      done.payment.status !== 'PENDING' ||
      done.payment.provider === 'cod' ||
      done.order.status !== 'PENDING'
    )
      return done;
    const placed = { orderId: done.order.id, paymentId: done.payment.id };
    const saved = await this.savedMethod(ctx, input, false);
    return this.charge(ctx, placed, input.payment.token, undefined, saved);
  }

  /** A checkout already made with this key answers with the same order and its payment now. */
  private async replay(ctx: Ctx, cartId: string, key: string): Promise<CheckoutResult | null> {
    const done = await this.deps.orders.findCheckout(ctx, cartId, key);
    if (!done) return null;
    await this.deps.carts.find(ctx, cartId); // the same access rule as the first call
    return {
      order: await this.deps.orders.view(ctx, done.orderId),
      payment: await this.deps.payments.getPayment(ctx, done.paymentId),
    };
  }
}

/**
 * The buyer's user-group rate for a line, in basis points: one for the store's own items, one for
 * sellers' (seed 000); 0 without a group.
 */
function groupRate(ctx: Ctx, line: CheckoutLine, group: UserGroupView | null, kind: 'discount' | 'reward') {
  if (!group) return 0;
  const own = line.offer.sellerId === ctx.storeId;
  if (kind === 'discount') return own ? group.adminDiscountBps : group.sellerDiscountBps;
  return own ? group.adminRewardBps : group.sellerRewardBps;
}

function draftItem(line: CheckoutLine, groupRewardBp: number): DraftItem {
  const o = line.offer;
  return {
    offerId: o.offerId,
    productId: o.productId,
    variantId: o.variantId,
    sellerId: o.sellerId,
    name: o.productName,
    sku: o.sku,
    options: o.options,
    imageUrl: o.imageUrl,
    categoryId: o.categoryId,
    unitPrice: line.item.unit_price_amount,
    quantity: line.item.quantity,
    rewardPercentBp: o.rewardPercentBp + groupRewardBp,
    weightGrams: o.weightGrams,
  };
}
