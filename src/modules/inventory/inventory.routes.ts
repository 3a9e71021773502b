import type { ZodApp } from '../../platform/http/app.ts';
import { requireRole } from '../../platform/http/authorization.ts';
import { PageQuery } from '../../platform/http/pagination.ts';
import { stockScope } from './inventory.access.ts';
import {
  AdjustBody,
  CheckView,
  DamageBody,
  LowStockQuery,
  MovementList,
  MovementQuery,
  OfferParams,
  OfferStockView,
  OfferWarehouseParams,
  ProductParams,
  ProductStockView,
  ReceiveBody,
  ReleaseBody,
  ReservationParams,
  ReservationView,
  ReserveBody,
  ReturnBody,
  SellerParams,
  SettingsBody,
  StockList,
  StockView,
  TransferBody,
  TransferView,
  WarehouseBody,
  WarehouseList,
  WarehouseParams,
  WarehousePatch,
  WarehouseView,
} from './inventory.schemas.ts';
import type { InventoryService } from './inventory.service.ts';

const security = [{ bearer: [] }];
const tags = ['inventory'];

/**
 * Admin and seller calls. ADMIN acts on the whole store; a SELLER on the stock of its own offers
 * (another seller's stock is 404); anyone else gets 403.
 */
export function inventoryRoutes(inventory: InventoryService) {
  return (app: ZodApp) => {
    // ---------------------------------------------------------------- warehouses
    app.get(
      '/admin/warehouses',
      {
        schema: {
          tags,
          summary: 'Warehouses of the store (ADMIN, SELLER)',
          security,
          querystring: PageQuery,
          response: { 200: WarehouseList },
        },
      },
      async (req) => inventory.warehouses.list(req.ctx, req.query),
    );
    app.post(
      '/admin/warehouses',
      {
        schema: {
          tags,
          summary: 'Create a warehouse (ADMIN)',
          security,
          body: WarehouseBody,
          response: { 201: WarehouseView },
        },
      },
      async (req, reply) => reply.code(201).send(await inventory.warehouses.create(req.ctx, req.body)),
    );
    app.get(
      '/admin/warehouses/:warehouseId',
      {
        schema: {
          tags,
          summary: 'A warehouse (ADMIN, SELLER)',
          security,
          params: WarehouseParams,
          response: { 200: WarehouseView },
        },
      },
      async (req) => inventory.warehouses.get(req.ctx, req.params.warehouseId),
    );
    app.patch(
      '/admin/warehouses/:warehouseId',
      {
        schema: {
          tags,
          summary: 'Change a warehouse (ADMIN); deactivating takes its stock off sale',
          security,
          params: WarehouseParams,
          body: WarehousePatch,
          response: { 200: WarehouseView },
        },
      },
      async (req) => inventory.warehouses.update(req.ctx, req.params.warehouseId, req.body),
    );
    app.delete(
      '/admin/warehouses/:warehouseId',
      {
        schema: {
          tags,
          summary: 'Delete a warehouse that never held stock (ADMIN); 409 otherwise',
          security,
          params: WarehouseParams,
        },
      },
      async (req, reply) => {
        await inventory.warehouses.delete(req.ctx, req.params.warehouseId);
        return reply.code(204).send();
      },
    );

    // ---------------------------------------------------------------- stock changes
    app.post(
      '/admin/inventory/receipts',
      {
        schema: {
          tags,
          summary: 'Receive stock of an offer, optionally into a lot (INBOUND)',
          security,
          body: ReceiveBody,
          response: { 201: StockView },
        },
      },
      async (req, reply) => {
        const scope = stockScope(req.ctx);
        return reply.code(201).send(await inventory.stock.receive(req.ctx, req.body, scope));
      },
    );
    app.post(
      '/admin/inventory/adjustments',
      {
        schema: {
          tags,
          summary: 'Adjust on-hand stock with a reason (ADJUSTMENT)',
          security,
          body: AdjustBody,
          response: { 200: StockView },
        },
      },
      async (req) => inventory.stock.adjust(req.ctx, req.body, stockScope(req.ctx)),
    );
    app.post(
      '/admin/inventory/damages',
      {
        schema: {
          tags,
          summary: 'Mark unreserved units damaged (DAMAGE)',
          security,
          body: DamageBody,
          response: { 200: StockView },
        },
      },
      async (req) => inventory.stock.markDamaged(req.ctx, req.body, stockScope(req.ctx)),
    );
    app.post(
      '/admin/inventory/transfers',
      {
        schema: {
          tags,
          summary: 'Move unreserved units between warehouses (TRANSFER)',
          security,
          body: TransferBody,
          response: { 200: TransferView },
        },
      },
      async (req) => inventory.stock.transfer(req.ctx, req.body, stockScope(req.ctx)),
    );
    app.patch(
      '/admin/inventory/offers/:offerId/warehouses/:warehouseId',
      {
        schema: {
          tags,
          summary: 'Reorder point and quantity, maximum level, bin and shelf',
          security,
          params: OfferWarehouseParams,
          body: SettingsBody,
          response: { 200: StockView },
        },
      },
      async (req) =>
        inventory.stock.updateSettings(
          req.ctx,
          req.params.offerId,
          req.params.warehouseId,
          req.body,
          stockScope(req.ctx),
        ),
    );

    // ---------------------------------------------------------------- stock reads
    app.get(
      '/admin/inventory/offers/:offerId',
      {
        schema: {
          tags,
          summary: 'Stock of an offer per warehouse, with lots',
          security,
          params: OfferParams,
          response: { 200: OfferStockView },
        },
      },
      async (req) => inventory.reports.offerStock(req.ctx, req.params.offerId, stockScope(req.ctx)),
    );
    app.get(
      '/admin/inventory/offers/:offerId/movements',
      {
        schema: {
          tags,
          summary: 'Movements of an offer, newest first',
          security,
          params: OfferParams,
          querystring: MovementQuery,
          response: { 200: MovementList },
        },
      },
      async (req) => inventory.reports.movements(req.ctx, req.params.offerId, req.query, stockScope(req.ctx)),
    );
    app.get(
      '/admin/inventory/products/:productId',
      {
        schema: {
          tags,
          summary: 'Stock of a product across warehouses and offers',
          security,
          params: ProductParams,
          response: { 200: ProductStockView },
        },
      },
      async (req) => inventory.reports.productStock(req.ctx, req.params.productId, stockScope(req.ctx)),
    );
    app.get(
      '/admin/inventory/sellers/:sellerId/stock',
      {
        schema: {
          tags,
          summary: "A seller's stock by product (sellers: their own)",
          security,
          params: SellerParams,
          querystring: PageQuery,
          response: { 200: StockList },
        },
      },
      async (req) =>
        inventory.reports.sellerStock(req.ctx, req.params.sellerId, req.query, stockScope(req.ctx)),
    );
    app.get(
      '/admin/inventory/low-stock',
      {
        schema: {
          tags,
          summary: 'Stock at or below its reorder point',
          security,
          querystring: LowStockQuery,
          response: { 200: StockList },
        },
      },
      async (req) => inventory.reports.lowStock(req.ctx, req.query, stockScope(req.ctx)),
    );
    app.get(
      '/admin/inventory/check',
      {
        schema: {
          tags,
          summary: 'Ledger invariants (ADMIN): on-hand equals the sum of movements, and more',
          security,
          response: { 200: CheckView },
        },
      },
      async (req) => {
        requireRole(req.ctx, 'ADMIN');
        const mismatches = await inventory.reports.check(req.ctx);
        return { healthy: mismatches.length === 0, mismatches };
      },
    );

    // ---------------------------------------------------------------- manual holds (ADMIN)
    app.post(
      '/admin/inventory/reservations',
      {
        schema: {
          tags,
          summary: 'Hold stock for a reference, all lines or none (ADMIN); 409 insufficient-stock',
          security,
          body: ReserveBody,
          response: { 201: ReservationView },
        },
      },
      async (req, reply) => {
        requireRole(req.ctx, 'ADMIN');
        return reply.code(201).send(await inventory.reservations.reserve(req.ctx, req.body));
      },
    );
    app.get(
      '/admin/inventory/reservations/:reservationId',
      {
        schema: {
          tags,
          summary: 'A reservation (ADMIN)',
          security,
          params: ReservationParams,
          response: { 200: ReservationView },
        },
      },
      async (req) => {
        requireRole(req.ctx, 'ADMIN');
        return inventory.reservations.byId(req.ctx, req.params.reservationId);
      },
    );
    app.post(
      '/admin/inventory/reservations/:reservationId/confirm',
      {
        schema: {
          tags,
          summary: 'Turn a reservation into a sale (ADMIN)',
          security,
          params: ReservationParams,
          response: { 200: ReservationView },
        },
      },
      async (req) => {
        requireRole(req.ctx, 'ADMIN');
        return inventory.reservations.confirm(req.ctx, { reservationId: req.params.reservationId });
      },
    );
    app.post(
      '/admin/inventory/reservations/:reservationId/release',
      {
        schema: {
          tags,
          summary: 'Release a reservation (ADMIN)',
          security,
          params: ReservationParams,
          body: ReleaseBody,
          response: { 200: ReservationView },
        },
      },
      async (req) => {
        requireRole(req.ctx, 'ADMIN');
        const key = { reservationId: req.params.reservationId };
        return inventory.reservations.release(req.ctx, key, req.body?.reason ?? 'cancelled');
      },
    );
    app.post(
      '/admin/inventory/reservations/:reservationId/returns',
      {
        schema: {
          tags,
          summary: 'Take back units sold under a confirmed reservation (ADMIN)',
          security,
          params: ReservationParams,
          body: ReturnBody,
          response: { 200: ReservationView },
        },
      },
      async (req) => {
        requireRole(req.ctx, 'ADMIN');
        return inventory.reservations.returnStock(req.ctx, {
          reference: { reservationId: req.params.reservationId },
          lines: req.body?.lines,
          reason: req.body?.reason,
          shipped: req.body?.shipped,
          condition: req.body?.condition,
        });
      },
    );
  };
}
