import type { ZodApp } from '../../platform/http/app.ts';
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
import { type InventoryService, requireRole, stockScope } from './inventory.service.ts';

const security = [{ bearer: [] }];
const tags = ['inventory'];
const PageQuery = MovementQuery.pick({ limit: true, cursor: true });

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
      async (req) => inventory.listWarehouses(req.ctx.db, req.ctx, req.query),
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
      async (req, reply) =>
        reply.code(201).send(await inventory.createWarehouse(req.ctx.db, req.ctx, req.body)),
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
      async (req) => inventory.getWarehouse(req.ctx.db, req.ctx, req.params.warehouseId),
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
      async (req) => inventory.updateWarehouse(req.ctx.db, req.ctx, req.params.warehouseId, req.body),
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
        await inventory.deleteWarehouse(req.ctx.db, req.ctx, req.params.warehouseId);
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
        return reply.code(201).send(await inventory.receive(req.ctx.db, req.ctx, req.body, scope));
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
      async (req) => inventory.adjust(req.ctx.db, req.ctx, req.body, stockScope(req.ctx)),
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
      async (req) => inventory.markDamaged(req.ctx.db, req.ctx, req.body, stockScope(req.ctx)),
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
      async (req) => inventory.transfer(req.ctx.db, req.ctx, req.body, stockScope(req.ctx)),
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
        inventory.updateSettings(
          req.ctx.db,
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
      async (req) => inventory.offerStock(req.ctx.db, req.ctx, req.params.offerId, stockScope(req.ctx)),
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
      async (req) =>
        inventory.movements(req.ctx.db, req.ctx, req.params.offerId, req.query, stockScope(req.ctx)),
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
      async (req) => inventory.productStock(req.ctx.db, req.ctx, req.params.productId, stockScope(req.ctx)),
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
        inventory.sellerStock(req.ctx.db, req.ctx, req.params.sellerId, req.query, stockScope(req.ctx)),
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
      async (req) => inventory.lowStock(req.ctx.db, req.ctx, req.query, stockScope(req.ctx)),
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
        const mismatches = await inventory.check(req.ctx.db, req.ctx.storeId);
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
        return reply.code(201).send(await inventory.reserve(req.ctx.db, req.ctx, req.body));
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
        return inventory.reservationById(req.ctx.db, req.ctx, req.params.reservationId);
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
        return inventory.confirm(req.ctx.db, req.ctx, { reservationId: req.params.reservationId });
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
        return inventory.release(req.ctx.db, req.ctx, key, req.body?.reason ?? 'cancelled');
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
        return inventory.returnStock(req.ctx.db, req.ctx, {
          reference: { reservationId: req.params.reservationId },
          lines: req.body?.lines,
          reason: req.body?.reason,
        });
      },
    );
  };
}
