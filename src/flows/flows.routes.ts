import type { OrdersService } from '../modules/orders/index.ts';
import { OrderView } from '../modules/orders/index.ts';
import { transaction } from '../platform/db/transaction.ts';
import type { ZodApp } from '../platform/http/app.ts';
import { withDb } from '../platform/http/context.ts';
import { IdParams } from '../platform/schemas.ts';
import type { CheckoutFlow } from './checkout.ts';
import {
  CancelBody,
  CheckoutBody,
  CheckoutView,
  IdempotencyHeaders,
  ItemStatusBody,
  OrderItemParams,
  StatusBody,
} from './flows.schemas.ts';
import type { OrderLifecycle } from './order-lifecycle.ts';

const bearer = [{ bearer: [] }];

/** Routes whose work spans modules: checkout, cancellation, staff status changes, seller fulfilment. */
export function flowRoutes(checkout: CheckoutFlow, lifecycle: OrderLifecycle, orders: OrdersService) {
  return (app: ZodApp) => {
    app.post(
      '/carts/:id/checkout',
      {
        schema: {
          tags: ['cart', 'orders'],
          summary:
            'Place the order: reserve stock, apply coupon and points, charge; Idempotency-Key makes retries safe',
          params: IdParams,
          headers: IdempotencyHeaders,
          body: CheckoutBody,
          response: { 201: CheckoutView },
        },
        // no orders in a store that is not published yet, not even through its preview link
        config: { ownLimit: true, publishedOnly: true },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(await checkout.checkout(req.ctx, req.params.id, req.body, req.headers['idempotency-key'])),
    );
    app.post(
      '/orders/:id/cancel',
      {
        schema: {
          tags: ['orders'],
          security: bearer,
          summary: 'Cancel until the order ships: stock returned, captured payment refunded',
          params: IdParams,
          body: CancelBody,
          response: { 200: OrderView },
        },
      },
      async (req) => lifecycle.cancel(req.ctx, req.params.id, req.body ?? {}),
    );
    app.post(
      '/admin/orders/:id/status',
      {
        schema: {
          tags: ['admin', 'orders'],
          security: bearer,
          summary: 'Move an order along its state machine (ADMIN); 409 for a transition not allowed',
          params: IdParams,
          body: StatusBody,
          response: { 200: OrderView },
        },
      },
      async (req) => lifecycle.setStatus(req.ctx, req.params.id, req.body.status, req.body),
    );
    app.patch(
      '/seller/orders/:id/items/:itemId',
      {
        schema: {
          tags: ['seller', 'orders'],
          security: bearer,
          summary:
            'A seller moves its own item along fulfilment (PROCESSING, SHIPPED, DELIVERED); 409 before the order is paid (cash on delivery: not DELIVERED before the cash is collected)',
          params: OrderItemParams,
          body: ItemStatusBody,
          response: { 200: OrderView },
        },
      },
      async (req) => {
        await transaction(req.ctx.db, (trx) =>
          orders.updateItemStatus(withDb(req.ctx, trx), req.params.id, req.params.itemId, req.body.status),
        );
        return orders.viewOrder(req.ctx, req.params.id);
      },
    );
  };
}
