import { z } from 'zod';
import { AddressInput } from '../modules/identity/index.ts';
import {
  FULFILMENT_STATUSES,
  ORDER_STATUSES,
  type OrdersService,
  OrderViewSchema,
} from '../modules/orders/index.ts';
import { PaymentView } from '../modules/payments/index.ts';
import { transaction } from '../platform/db/transaction.ts';
import type { ZodApp } from '../platform/http/app.ts';
import type { CheckoutFlow } from './checkout.ts';
import type { OrderLifecycle } from './order-lifecycle.ts';

const bearer = [{ bearer: [] }];
const Id = z.string().max(100);

const CheckoutBody = z.object({
  email: z.string().trim().max(254).email().optional(),
  shippingAddress: AddressInput,
  billingAddress: AddressInput.optional(),
  couponCode: z.string().trim().min(1).max(40).optional(),
  redeemPoints: z.number().int().min(0).max(1_000_000_000).optional(),
  shippingMethod: z.string().trim().min(1).max(40).optional(),
  payment: z.object({ provider: z.string().trim().min(1).max(40), token: z.string().max(500).optional() }),
});

const IdempotencyHeaders = z.object({ 'idempotency-key': z.string().min(1).max(200).optional() });

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
          params: z.object({ id: Id }),
          headers: IdempotencyHeaders,
          body: CheckoutBody,
          response: { 201: z.object({ order: OrderViewSchema, payment: PaymentView }) },
        },
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
          params: z.object({ id: Id }),
          body: z.object({ reason: z.string().trim().min(1).max(1000).optional() }).optional(),
          response: { 200: OrderViewSchema },
        },
      },
      async (req) => lifecycle.cancel(req.ctx, req.params.id, req.body?.reason),
    );
    app.post(
      '/admin/orders/:id/status',
      {
        schema: {
          tags: ['admin', 'orders'],
          security: bearer,
          summary: 'Move an order along its state machine (ADMIN); 409 for a transition not allowed',
          params: z.object({ id: Id }),
          body: z.object({
            status: z.enum(ORDER_STATUSES),
            reason: z.string().trim().min(1).max(1000).optional(),
          }),
          response: { 200: OrderViewSchema },
        },
      },
      async (req) => lifecycle.setStatus(req.ctx, req.params.id, req.body.status, req.body.reason),
    );
    app.patch(
      '/seller/orders/:id/items/:itemId',
      {
        schema: {
          tags: ['seller', 'orders'],
          security: bearer,
          summary:
            'A seller moves its own item along fulfilment (PROCESSING, SHIPPED, DELIVERED); 409 before the order is paid (cash on delivery: not DELIVERED before the cash is collected)',
          params: z.object({ id: Id, itemId: Id }),
          body: z.object({ status: z.enum(FULFILMENT_STATUSES) }),
          response: { 200: OrderViewSchema },
        },
      },
      async (req) => {
        await transaction(req.ctx.db, (trx) =>
          orders.updateItemStatus(
            trx,
            { ...req.ctx, db: trx },
            req.params.id,
            req.params.itemId,
            req.body.status,
          ),
        );
        return orders.viewOrder(req.ctx, req.params.id);
      },
    );
  };
}
