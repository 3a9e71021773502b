// Checkout's first step: abuse limits before any stock is touched. A client address gets a few
// checkouts a minute, and guests paying cash on delivery (which sells the stock at once, with
// nothing paid and nothing verified) get a few open orders per mailbox, phone and address.
import { LRUCache } from 'lru-cache';
import type { OrdersService } from '../modules/orders/index.ts';
import type { Config } from '../platform/config.ts';
import { contactKeys } from '../platform/contact-keys.ts';
import type { Ctx } from '../platform/http/context.ts';
import { Conflict, TooManyRequests } from '../platform/http/errors.ts';
import type { CheckoutInput } from './checkout.ts';

export type GuardConfig = Pick<
  Config,
  'CHECKOUT_RATE_LIMIT_PER_MINUTE' | 'COD_GUEST_MAX_OPEN_ORDERS' | 'COD_GUEST_MAX_OPEN_ORDERS_PER_IP'
>;

const WINDOW_MS = 60_000;

export class GuestCodLimit extends Conflict {
  constructor(by: 'email' | 'phone' | 'ip', limit: number) {
    const what = { email: 'this email address', phone: 'this phone number', ip: 'your network address' }[by];
    super(
      `There are already ${limit} open cash-on-delivery orders for ${what}. Pay online, sign in, or wait until one is delivered.`,
      'guest-cod-limit',
      { limit, by },
    );
  }
}

export class CheckoutGuards {
  /** Checkouts per client address in the current minute; per process, bounded. */
  private readonly windows = new LRUCache<string, { count: number; endsAt: number }>({ max: 50_000 });

  constructor(
    private readonly config: GuardConfig,
    private readonly orders: OrdersService,
  ) {}

  async check(ctx: Ctx, input: CheckoutInput): Promise<void> {
    this.countCheckout(ctx.ip);
    if (!ctx.actor && input.payment.provider === 'cod') await this.guestCod(ctx, input);
  }

  private countCheckout(ip: string | undefined): void {
    if (!ip) return;
    const now = Date.now();
    const current = this.windows.get(ip);
    const window = current && current.endsAt > now ? current : { count: 0, endsAt: now + WINDOW_MS };
    window.count++;
    this.windows.set(ip, window);
    if (window.count > this.config.CHECKOUT_RATE_LIMIT_PER_MINUTE)
      throw new TooManyRequests(Math.max(1, Math.ceil((window.endsAt - now) / 1000)));
  }

  private async guestCod(ctx: Ctx, input: CheckoutInput): Promise<void> {
    const keys = contactKeys({ email: input.email, phone: input.shippingAddress.phone });
    const ip = ctx.ip ?? null;
    const open = await this.orders.openGuestCodOrders(ctx, { ...keys, ip });
    const perBuyer = this.config.COD_GUEST_MAX_OPEN_ORDERS;
    if (keys.email && open.email >= perBuyer) throw new GuestCodLimit('email', perBuyer);
    if (keys.phone && open.phone >= perBuyer) throw new GuestCodLimit('phone', perBuyer);
    const perIp = this.config.COD_GUEST_MAX_OPEN_ORDERS_PER_IP;
    if (ip && open.ip >= perIp) throw new GuestCodLimit('ip', perIp);
  }
}
