import type { Ctx } from '../../platform/http/context.ts';
import { NotFound } from '../../platform/http/errors.ts';
import { isUuid } from '../../platform/ids.ts';
import type { FulfillmentContext } from './fulfillment.context.ts';
import type { Shipments } from './fulfillment.shipments.ts';

class TrackingNotFound extends NotFound {
  constructor() {
    super('order', 'tracking-not-found');
  }
}

const binding = (storeId: string) => `tracking:${storeId}`;

/**
 * Public tracking: by order number and the buyer's email, or by a signed token (sealed with the
 * data key and bound to the store) that every tracking answer carries, for links to share or
 * mail. Either answer says nothing of an order unless both halves match; a wrong pair and an
 * unknown order are the same 404.
 */
export class Tracking {
  constructor(
    private readonly f: FulfillmentContext,
    private readonly shipments: Shipments,
  ) {}

  async byNumber(ctx: Ctx, number: string, email: string) {
    const order = await this.f.ports.orders.findByNumber(ctx, number);
    if (!order || order.email.toLowerCase() !== email.trim().toLowerCase()) throw new TrackingNotFound();
    return this.present(ctx, order.id);
  }

  async byToken(ctx: Ctx, token: string) {
    const orderId = this.f.ports.secrets.open(token, binding(ctx.storeId));
    if (!orderId || !isUuid(orderId)) throw new TrackingNotFound();
    return this.present(ctx, orderId);
  }

  /** The signed tracking link's token for an order (mail puts it in a link). */
  tokenFor(ctx: Pick<Ctx, 'storeId'>, orderId: string): string {
    return this.f.ports.secrets.seal(orderId, binding(ctx.storeId));
  }

  private async present(ctx: Ctx, orderId: string) {
    const order = await this.f.ports.orders.peek(ctx, orderId);
    if (!order) throw new TrackingNotFound();
    const shipments = (await this.shipments.forOrders(ctx, [orderId], null)).get(orderId) ?? [];
    return {
      orderNumber: order.number,
      orderStatus: order.status,
      shipments,
      trackingToken: this.tokenFor(ctx, orderId),
    };
  }
}
