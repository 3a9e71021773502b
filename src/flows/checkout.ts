// Checkout: a cart becomes an order in one transaction (stock reserved, coupon use and points
// recorded, order snapshots and a pending payment written), then the payment is charged outside
// it. An Idempotency-Key makes a retried checkout answer with the same order.
import type { CartService, CheckoutLine } from '../modules/cart/index.ts';
import type { IdentityService } from '../modules/identity/index.ts';
import type { InventoryService } from '../modules/inventory/index.ts';
import {
  type Address,
  type DraftItem,
  type OrdersService,
  type OrderView,
  ordersRepository,
  priceOrder,
  shippingMethodFor,
  type Totals,
  taxRulesFor,
} from '../modules/orders/index.ts';
import type { PaymentsService, PaymentView } from '../modules/payments/index.ts';
import type { PromotionsService } from '../modules/promotions/index.ts';
import type { Db } from '../platform/db/database.ts';
import { transaction } from '../platform/db/transaction.ts';
import { type Ctx, withDb } from '../platform/http/context.ts';
import { BadRequest, Conflict } from '../platform/http/errors.ts';
import { newId } from '../platform/ids.ts';
import type { CheckoutGuards } from './checkout-guards.ts';

export interface CheckoutInput {
  email?: string | undefined;
  shippingAddress: Address;
  billingAddress?: Address | undefined;
  couponCode?: string | undefined;
  redeemPoints?: number | undefined;
  shippingMethod?: string | undefined;
  payment: { provider: string; token?: string | undefined };
}

export interface CheckoutDeps {
  carts: CartService;
  orders: OrdersService;
  inventory: InventoryService;
  payments: PaymentsService;
  promotions: PromotionsService;
  identity: IdentityService;
  guards: CheckoutGuards;
}

export interface CheckoutResult {
  order: OrderView;
  payment: PaymentView;
}

const field = (pointer: string, detail: string) => new BadRequest(detail, [{ pointer, in: 'body', detail }]);

export class CheckoutFlow {
  constructor(private readonly deps: CheckoutDeps) {}

  async checkout(
    ctx: Ctx,
    cartId: string,
    input: CheckoutInput,
    idempotencyKey?: string,
  ): Promise<CheckoutResult> {
    if (idempotencyKey) {
      const done = await this.replay(ctx, cartId, idempotencyKey);
      if (done) return this.resume(ctx, done, input.payment.token);
    }
    await this.deps.guards.check(ctx, input);
    if (!this.deps.payments.providerNames().includes(input.payment.provider as never)) {
      throw field(
        '/payment/provider',
        `Unknown payment provider; use one of ${this.deps.payments.providerNames().join(', ')}.`,
      );
    }
    const email = await this.buyerEmail(ctx, input);
    if ((input.redeemPoints ?? 0) > 0 && !ctx.actor)
      throw field('/redeemPoints', 'Sign in to use reward points.');
    // Taken before the transaction, so checkouts in one store never wait on each other's number.
    const number = await this.deps.orders.nextOrderNumber(ctx);
    let placed: { orderId: string; paymentId: string };
    try {
      placed = await transaction(ctx.db, (trx) =>
        this.place(trx, { ...ctx, db: trx }, cartId, { input, email, number }, idempotencyKey),
      );
    } catch (error) {
      // A concurrent retry with the same key won (the cart is converted, or the key is taken): answer as it did.
      if (idempotencyKey) {
        const done = await this.replay(ctx, cartId, idempotencyKey).catch(() => null);
        if (done) return done;
      }
      throw error;
    }
    const payment = await this.deps.payments.charge(ctx, placed.paymentId, input.payment.token);
    return { order: await this.deps.orders.view(ctx.db, ctx, placed.orderId), payment };
  }

  private async place(
    trx: Db,
    ctx: Ctx,
    cartId: string,
    { input, email, number }: { input: CheckoutInput; email: string; number: string },
    idempotencyKey?: string,
  ) {
    const { carts, orders, inventory, payments, promotions } = this.deps;
    const { cart, lines, missing } = await carts.forCheckout(trx, ctx, cartId);
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
      .filter((l) => l.offer.price.amount !== l.item.unit_price_amount)
      .map((l) => l.offer.offerId);
    if (changed.length > 0) {
      throw new Conflict(
        'Some prices changed since they were added; review and accept them.',
        'cart-prices-changed',
        { offers: changed },
      );
    }
    const destination = { country: input.shippingAddress.country, region: input.shippingAddress.state };
    const shipping = await shippingMethodFor(trx, ctx.storeId, input.shippingMethod, destination.country);
    if (shipping === undefined) {
      throw input.shippingMethod
        ? field('/shippingMethod', 'No such shipping method for this destination.')
        : field('/shippingAddress/country', 'This store does not ship to that country.');
    }
    const group = ctx.actor
      ? await this.deps.identity.groups.ofUser(withDb(ctx, trx), ctx.actor.userId)
      : null;
    const ownItem = (l: CheckoutLine) => l.offer.sellerId === ctx.storeId;
    const pricingLines = lines.map((l) => ({
      key: l.item.offer_id,
      unitPrice: l.item.unit_price_amount,
      quantity: l.item.quantity,
      categoryId: l.offer.categoryId,
      weightGrams: l.offer.weightGrams,
      requiresShipping: l.offer.requiresShipping,
      groupDiscountBp: group ? (ownItem(l) ? group.adminDiscountBps : group.sellerDiscountBps) : 0,
    }));
    const base = { lines: pricingLines, pointValue: promotions.pointsToAmount(1), destination, shipping };
    const taxRules = await taxRulesFor(trx, ctx.storeId, destination.country);
    const withoutCoupon = priceOrder({ ...base, pointsToRedeem: 0, taxRules });
    const buyer = {
      userId: ctx.actor?.userId ?? null,
      email,
      phone: input.shippingAddress.phone,
      address: input.shippingAddress,
    };
    const coupon = input.couponCode
      ? await promotions.quoteCoupon(
          trx,
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
      trx,
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

    const orderId = newId();
    await inventory.reserve(withDb(ctx, trx), {
      reference: { type: 'ORDER', id: orderId },
      lines: lines.map((l) => ({ offerId: l.item.offer_id, quantity: l.item.quantity })),
    });
    const cod = input.payment.provider === 'cod';
    const order = await orders.createOrder(trx, ctx, {
      id: orderId,
      number,
      userId: buyer.userId,
      email,
      currency: cart.currency,
      paymentProvider: input.payment.provider,
      status: cod ? 'CONFIRMED' : 'PENDING',
      totals,
      couponCode: coupon?.code ?? null,
      shippingMethod: shipping?.code ?? null,
      shippingAddress: input.shippingAddress,
      billingAddress: input.billingAddress ?? input.shippingAddress,
      cartId: cart.id,
      items: lines.map((l) =>
        draftItem(l, group ? (ownItem(l) ? group.adminRewardBps : group.sellerRewardBps) : 0),
      ),
    });
    // Cash on delivery: the order is accepted now, so its stock is sold now.
    if (cod) await inventory.confirm(withDb(ctx, trx), { type: 'ORDER', id: orderId });
    if (coupon) {
      await promotions.redeemCoupon(trx, ctx, {
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
      await promotions.redeemForOrder(trx, ctx, {
        userId: buyer.userId,
        orderId,
        points: totals.pointsRedeemed,
      });
    }
    const payment = await payments.createPayment(trx, ctx, {
      orderId,
      userId: buyer.userId,
      amount: totals.total,
      currency: cart.currency,
      provider: input.payment.provider,
    });
    await carts.markConverted(trx, cart.id, orderId);
    if (idempotencyKey) {
      await ordersRepository.insertCheckoutRequest(trx, {
        store_id: ctx.storeId,
        scope: `cart:${cart.id}`,
        idempotency_key: idempotencyKey,
        order_id: order.id,
        payment_id: payment.id,
      });
    }
    return { orderId: order.id, paymentId: payment.id };
  }

  /** The points the buyer asked for, checked against the redeemable share of the order and the balance. */
  private async pointsToRedeem(
    trx: Db,
    ctx: Ctx,
    requested: number,
    priced: Totals,
    couponDiscount: number,
  ): Promise<number> {
    if (requested <= 0 || !ctx.actor) return 0;
    const { promotions } = this.deps;
    const max = promotions.maxRedeemablePoints(priced.subtotal - priced.groupDiscount - couponDiscount);
    if (requested > max) throw field('/redeemPoints', `At most ${max} points can be used on this order.`);
    const balance = await promotions.balance(trx, ctx, ctx.actor.userId);
    if (requested > balance)
      throw new Conflict(`Only ${balance} reward points are available.`, 'insufficient-reward-points', {
        balance,
      });
    return requested;
  }

  private async buyerEmail(ctx: Ctx, input: CheckoutInput): Promise<string> {
    if (ctx.actor) return input.email ?? (await this.deps.identity.me(ctx)).email;
    if (!input.email) throw field('/email', 'An email address is needed to check out as a guest.');
    return input.email;
  }

  /**
   * A replay whose charge never ran (the process stopped between the commit and the charge) or
   * got no answer resumes it with the retry's token; the attempt key is the same, so the provider
   * cannot charge twice. Anything else answers as it is.
   */
  private async resume(ctx: Ctx, done: CheckoutResult, token: string | undefined): Promise<CheckoutResult> {
    if (
      done.payment.status !== 'PENDING' ||
      done.payment.provider === 'cod' ||
      done.order.status !== 'PENDING'
    )
      return done;
    const payment = await this.deps.payments.charge(ctx, done.payment.id, token);
    return { order: await this.deps.orders.view(ctx.db, ctx, done.order.id), payment };
  }

  /** A checkout already made with this key answers with the same order and its payment now. */
  private async replay(ctx: Ctx, cartId: string, key: string): Promise<CheckoutResult | null> {
    const done = await ordersRepository.findCheckoutRequest(ctx.db, ctx.storeId, `cart:${cartId}`, key);
    if (!done?.payment_id) return null;
    await this.deps.carts.find(ctx.db, ctx, cartId); // the same access rule as the first call
    return {
      order: await this.deps.orders.view(ctx.db, ctx, done.order_id),
      payment: await this.deps.payments.getPayment(ctx, done.payment_id),
    };
  }
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
