import { z } from 'zod';
import type { ZodApp } from '../../platform/http/app.ts';
import { PageQuery } from '../../platform/http/pagination.ts';
import { renderInvoice } from './orders.invoice.ts';
import {
  AdminOrderListQuery,
  HistoryView,
  InvoiceQuery,
  OrderList,
  OrderListQuery,
  OrderParams,
  OrderSummaryQuery,
  OrderSummaryView,
  OrderView,
  SellerItemList,
  ShippingMethodBody,
  ShippingMethodView,
  TaxRuleBody,
  TaxRuleView,
} from './orders.schemas.ts';
import type { OrdersService } from './orders.service.ts';
import * as settings from './orders.settings.ts';

const bearer = [{ bearer: [] }];

export function ordersRoutes(
  orders: OrdersService,
  store: (storeId: string) => Promise<{ name: string; currency: string }>,
) {
  return (app: ZodApp) => {
    app.get(
      '/orders',
      {
        schema: {
          tags: ['orders'],
          security: bearer,
          summary: 'The caller’s orders, newest first',
          querystring: OrderListQuery,
          response: { 200: OrderList },
        },
      },
      async (req) => orders.listMine(req.ctx, req.query),
    );
    app.get(
      '/orders/:id',
      {
        schema: {
          tags: ['orders'],
          security: bearer,
          summary: 'An order (owner, its sellers for their items, or admin)',
          params: OrderParams,
          response: { 200: OrderView },
        },
      },
      async (req) => orders.viewOrder(req.ctx, req.params.id),
    );
    app.get(
      '/orders/:id/history',
      {
        schema: {
          tags: ['orders'],
          security: bearer,
          summary: 'Status history: from, to, who and why',
          params: OrderParams,
          response: { 200: HistoryView },
        },
      },
      async (req) => orders.history(req.ctx, req.params.id),
    );
    app.get(
      '/orders/:id/invoice',
      {
        schema: {
          tags: ['orders'],
          security: bearer,
          summary: 'PDF invoice: the whole order, or one seller’s part (sellers get their own part)',
          params: OrderParams,
          querystring: InvoiceQuery,
        },
      },
      async (req, reply) => {
        const { order, items, sellerId } = await orders.invoiceOf(req.ctx, req.params.id, req.query.sellerId);
        const pdf = await renderInvoice(order, items, {
          name: (await store(req.ctx.storeId)).name,
          sellerId,
        });
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="invoice-${order.number}.pdf"`)
          .send(pdf);
      },
    );
    app.get(
      '/admin/orders',
      {
        schema: {
          tags: ['admin', 'orders'],
          security: bearer,
          summary: 'All orders, newest first, by status or number (ADMIN)',
          querystring: AdminOrderListQuery,
          response: { 200: OrderList },
        },
      },
      async (req) => orders.listAll(req.ctx, req.query),
    );
    app.get(
      '/admin/orders/summary',
      {
        schema: {
          tags: ['admin', 'orders'],
          security: bearer,
          summary: 'Orders placed between from and to: count, by status, revenue per currency (ADMIN)',
          querystring: OrderSummaryQuery,
          response: { 200: OrderSummaryView },
        },
      },
      async (req) => orders.summary(req.ctx, req.query),
    );
    app.get(
      '/seller/order-items',
      {
        schema: {
          tags: ['seller', 'orders'],
          security: bearer,
          summary: 'The seller’s order items, newest first',
          querystring: PageQuery,
          response: { 200: SellerItemList },
        },
      },
      async (req) => orders.sellerItems(req.ctx, req.query),
    );
    app.post(
      '/admin/tax-rules',
      {
        schema: {
          tags: ['admin', 'orders'],
          security: bearer,
          summary: 'Add a tax rule (ADMIN)',
          body: TaxRuleBody,
          response: { 201: TaxRuleView },
        },
      },
      async (req, reply) => {
        const rule = await settings.createTaxRule(req.ctx, req.body);
        orders.pricing?.changed(req.ctx.storeId);
        return reply.code(201).send(rule);
      },
    );
    app.get(
      '/admin/tax-rules',
      {
        schema: {
          tags: ['admin', 'orders'],
          security: bearer,
          summary: 'Tax rules (ADMIN)',
          response: { 200: z.object({ items: z.array(TaxRuleView) }) },
        },
      },
      async (req) => settings.listTaxRules(req.ctx),
    );
    app.delete(
      '/admin/tax-rules/:id',
      {
        schema: {
          tags: ['admin', 'orders'],
          security: bearer,
          summary: 'Deactivate a tax rule (ADMIN)',
          params: OrderParams,
          response: { 200: TaxRuleView },
        },
      },
      async (req) => {
        const rule = await settings.deactivateTaxRule(req.ctx, req.params.id);
        orders.pricing?.changed(req.ctx.storeId);
        return rule;
      },
    );
    app.post(
      '/admin/shipping-methods',
      {
        schema: {
          tags: ['admin', 'orders'],
          security: bearer,
          summary: 'Add a shipping method (ADMIN)',
          body: ShippingMethodBody,
          response: { 201: ShippingMethodView },
        },
      },
      async (req, reply) => {
        const currency = (await store(req.ctx.storeId)).currency;
        const method = await settings.createShippingMethod(req.ctx, currency, req.body);
        orders.pricing?.changed(req.ctx.storeId);
        return reply.code(201).send(method);
      },
    );
    app.get(
      '/shipping-methods',
      {
        schema: {
          tags: ['orders'],
          summary: 'Shipping methods of this store',
          response: { 200: z.object({ items: z.array(ShippingMethodView) }) },
        },
      },
      async (req) => settings.listShippingMethods(req.ctx),
    );
  };
}
