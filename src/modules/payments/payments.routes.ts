import { z } from 'zod';
import type { ZodApp } from '../../platform/http/app.ts';
import { requirePermission } from '../../platform/http/authorization.ts';
import { isUuid } from '../../platform/ids.ts';
import { PaymentNotFound } from './payments.errors.ts';
import {
  CollectBody,
  ConfirmBody,
  IdempotencyHeaders,
  PaymentMethodsView,
  PaymentParams,
  PaymentView,
  RefundBody,
  RefundView,
  RetryBody,
} from './payments.schemas.ts';
import type { PaymentsService } from './payments.service.ts';

const bearer = [{ bearer: [] }];

function paymentId(id: string): string {
  if (!isUuid(id)) throw new PaymentNotFound();
  return id;
}

/** `GET /admin/payments`: by the provider's reference or by the order, one of them. */
const PaymentSearch = z
  .object({ reference: z.string().trim().min(1).max(200).optional(), orderId: z.uuid().optional() })
  .refine((q) => q.reference !== undefined || q.orderId !== undefined, {
    path: ['reference'],
    message: 'Give a reference or an orderId.',
  });

export function paymentsRoutes(payments: PaymentsService) {
  return async (app: ZodApp) => {
    app.get(
      '/payment-methods',
      {
        schema: {
          tags: ['payments'],
          summary: 'The payment providers a buyer can choose at checkout in this store',
          response: { 200: PaymentMethodsView },
        },
      },
      async () => ({ items: payments.providerNames().map((provider) => ({ provider })) }),
    );
    app.get(
      '/payments/:id',
      {
        schema: {
          tags: ['payments'],
          summary: 'A payment (payer or admin)',
          // a guest's payment needs no token: the empty requirement makes it optional
          security: [...bearer, {}],
          params: PaymentParams,
          response: { 200: PaymentView },
        },
      },
      async (req) => payments.getPayment(req.ctx, paymentId(req.params.id)),
    );
    app.post(
      '/payments/:id/confirm',
      {
        schema: {
          tags: ['payments'],
          summary: 'Complete a payment that needs a confirmation step',
          params: PaymentParams,
          body: ConfirmBody,
          response: { 200: PaymentView },
        },
      },
      async (req) => payments.confirm(req.ctx, paymentId(req.params.id), req.body),
    );
    app.post(
      '/payments/:id/retry',
      {
        schema: {
          tags: ['payments'],
          summary: 'Pay a PENDING order again after a failed payment (payer, or a guest with the payment id)',
          params: PaymentParams,
          body: RetryBody,
          response: { 200: PaymentView },
        },
      },
      async (req) => payments.retry(req.ctx, paymentId(req.params.id), req.body.token),
    );
    app.post(
      '/payments/:id/collect',
      {
        schema: {
          tags: ['payments'],
          summary:
            'Record cash taken for a cash-on-delivery payment (ADMIN); agents record theirs with the delivery’s DELIVERED step',
          security: bearer,
          params: PaymentParams,
          body: CollectBody,
          response: { 200: PaymentView },
        },
      },
      async (req) => payments.collectCash(req.ctx, paymentId(req.params.id), req.body.amount),
    );
    app.get(
      '/admin/payments',
      {
        schema: {
          tags: ['admin', 'payments'],
          summary:
            'Find payments (and their orders) by the provider’s reference, or an order’s payments (ADMIN)',
          security: bearer,
          querystring: PaymentSearch,
          response: {
            200: z.object({
              items: z.array(PaymentView),
              refunds: z.array(RefundView).optional().describe("By orderId: the payments' refunds"),
            }),
          },
        },
      },
      async (req) =>
        req.query.orderId
          ? payments.findByOrder(req.ctx, req.query.orderId)
          : payments.findByReference(req.ctx, req.query.reference ?? ''),
    );
    app.post(
      '/admin/payments/:id/refunds',
      {
        schema: {
          tags: ['admin', 'payments'],
          summary: 'Refund part or all of a captured payment (ADMIN); Idempotency-Key makes retries safe',
          security: bearer,
          params: PaymentParams,
          headers: IdempotencyHeaders,
          body: RefundBody,
          response: { 201: RefundView },
        },
      },
      async (req, reply) => {
        requirePermission(req.ctx, 'orders:refund');
        const refund = await payments.refund(req.ctx, paymentId(req.params.id), {
          ...req.body,
          idempotencyKey: req.headers['idempotency-key'],
        });
        return reply.code(201).send(refund);
      },
    );
    // Webhooks need the exact bytes the provider signed, so this scope parses JSON as a string.
    await app.register(async (scope) => {
      scope.removeContentTypeParser('application/json');
      scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) =>
        done(null, body),
      );
      scope.post(
        '/payments/webhooks/:provider',
        {
          schema: { tags: ['payments'], summary: 'Provider webhook (signature verified)', hide: false },
          config: { acrossStores: true },
        },
        async (req) => {
          const { provider } = req.params as { provider: string };
          return payments.handleWebhook(req.ctx, provider, String(req.body ?? ''), req.headers);
        },
      );
    });
  };
}
