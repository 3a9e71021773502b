import { z } from 'zod';
import type { Ctx } from '../../platform/http/context.ts';
import { Forbidden } from '../../platform/http/errors.ts';
import { decodeCursor, IdCursor, type Page, toPage } from '../../platform/http/pagination.ts';
import { isUuid } from '../../platform/ids.ts';
import type { SellerScope } from './inventory.access.ts';
import { SellerNotFound, StockNotFound } from './inventory.errors.ts';
import type { MovementType, StockRow } from './inventory.repository.ts';
import * as repo from './inventory.repository.ts';
import type {
  CheckView,
  MovementView,
  OfferStockView,
  ProductStockView,
  StockView,
} from './inventory.schemas.ts';
import { requireWarehouse, unique } from './inventory.stock-writer.ts';
import { presentMovement, presentStock } from './inventory.views.ts';

/** Whether `sellerId` is a seller of the store, asked as the caller (the composition root asks identity). */
export type SellerDirectory = (ctx: Ctx, sellerId: string) => Promise<boolean>;

/** A broken ledger invariant, as the check reports it. */
export type Mismatch = CheckView['mismatches'][number];

const SellerCursor = z.object({ productId: z.uuid(), id: z.uuid() });

/** Reads of stock: per offer, product and seller, low stock, an offer's movements, the ledger check. */
export class StockReports {
  constructor(private readonly isSeller?: SellerDirectory | undefined) {}

  /** Sellable units per offer (0 for offers without stock): what the catalog shows as in stock. */
  async availability(ctx: Ctx, offerIds: string[]): Promise<Map<string, number>> {
    const ids = unique(offerIds.filter(isUuid));
    const found = await repo.sellableByOffer(ctx.db, ctx.storeId, ids);
    return new Map(offerIds.map((id) => [id, found.get(id) ?? 0]));
  }

  async offerStock(ctx: Ctx, offerId: string, scope?: SellerScope): Promise<OfferStockView> {
    if (!isUuid(offerId)) throw new StockNotFound();
    const rows = await repo.stockOfOffer(ctx.db, ctx.storeId, offerId, scope);
    if (rows.length === 0) throw new StockNotFound();
    const lots = await repo.lotsOfItems(
      ctx.db,
      rows.map((r) => r.id),
    );
    const stock = rows.map((r) => presentStock(r, lots));
    return {
      offerId,
      productId: rows[0]!.product_id,
      sellerId: rows[0]!.seller_id,
      onHand: sum(stock.map((s) => s.onHand)),
      reserved: sum(stock.map((s) => s.reserved)),
      committed: sum(stock.map((s) => s.committed)),
      damaged: sum(stock.map((s) => s.damaged)),
      available: sum(stock.map((s) => s.sellable)),
      warehouses: stock,
    };
  }

  /** Seed 004 get_product_availability: a product's sellable stock across warehouses and offers. */
  async productStock(ctx: Ctx, productId: string, scope?: SellerScope): Promise<ProductStockView> {
    if (!isUuid(productId)) throw new StockNotFound();
    const rows = await repo.stockOfProduct(ctx.db, ctx.storeId, productId, scope);
    if (rows.length === 0) throw new StockNotFound();
    return productStockOf(productId, rows);
  }

  /** Seed 000 GSI1: a seller's stock, by product. Sellers see only their own. */
  async sellerStock(
    ctx: Ctx,
    sellerId: string,
    query: { limit: number; cursor?: string | undefined },
    scope?: SellerScope,
  ): Promise<Page<StockView>> {
    if (scope && scope !== sellerId) throw new Forbidden('Sellers can list only their own stock.');
    const after = decodeCursor(query.cursor, SellerCursor);
    if (!isUuid(sellerId)) throw new SellerNotFound();
    const rows = await repo.stockOfSeller(ctx.db, ctx.storeId, sellerId, {
      limit: query.limit,
      ...(after ? { after } : {}),
    });
    if (rows.length === 0 && !(await this.knownSeller(ctx, sellerId))) throw new SellerNotFound();
    return toPage(
      rows,
      query.limit,
      (r) => presentStock(r),
      (r) => ({ productId: r.product_id, id: r.id }),
    );
  }

  async lowStock(
    ctx: Ctx,
    query: { limit: number; cursor?: string | undefined; warehouseId?: string | undefined },
    scope?: SellerScope,
  ): Promise<Page<StockView>> {
    const after = decodeCursor(query.cursor, IdCursor);
    if (query.warehouseId) await requireWarehouse(ctx.db, ctx.storeId, query.warehouseId);
    const rows = await repo.lowStock(ctx.db, ctx.storeId, {
      limit: query.limit,
      ...(after ? { afterId: after.id } : {}),
      ...(query.warehouseId ? { warehouseId: query.warehouseId } : {}),
      ...(scope ? { sellerScope: scope } : {}),
    });
    return toPage(
      rows,
      query.limit,
      (r) => presentStock(r),
      (r) => ({ id: r.id }),
    );
  }

  async movements(
    ctx: Ctx,
    offerId: string,
    query: { limit: number; cursor?: string | undefined; type?: MovementType | undefined },
    scope?: SellerScope,
  ): Promise<Page<MovementView>> {
    const owner = isUuid(offerId) ? await repo.findOfferIdentity(ctx.db, ctx.storeId, offerId) : undefined;
    if (!owner || (scope && owner.seller_id !== scope)) throw new StockNotFound();
    const before = decodeCursor(query.cursor, IdCursor);
    const rows = await repo.movementsOfOffer(ctx.db, ctx.storeId, offerId, {
      limit: query.limit,
      ...(before ? { beforeId: before.id } : {}),
      ...(query.type ? { type: query.type } : {}),
    });
    return toPage(rows, query.limit, presentMovement, (m) => ({ id: m.id }));
  }

  /** The ledger invariants of the store; an empty list when healthy. */
  async check(ctx: Ctx): Promise<Mismatch[]> {
    const rows = await repo.findMismatches(ctx.db, ctx.storeId);
    return rows.map((r) => ({
      kind: r.kind,
      itemId: r.item_id,
      lotId: r.lot_id,
      offerId: r.offer_id,
      warehouseId: r.warehouse_id,
      expected: Number(r.expected),
      actual: Number(r.actual),
    }));
  }

  /** The store itself, the caller, or a seller of the store (a seller with stock is known already). */
  private async knownSeller(ctx: Ctx, sellerId: string): Promise<boolean> {
    if (sellerId === ctx.storeId || sellerId === ctx.actor?.userId) return true;
    return this.isSeller ? this.isSeller(ctx, sellerId) : true;
  }
}

function productStockOf(productId: string, rows: StockRow[]): ProductStockView {
  const warehouses = new Map<string, ProductStockView['warehouses'][number]>();
  const offers = new Map<string, ProductStockView['offers'][number]>();
  for (const r of rows) {
    const w = warehouses.get(r.warehouse_id) ?? {
      warehouseId: r.warehouse_id,
      code: r.warehouse_code,
      name: r.warehouse_name,
      available: 0,
    };
    w.available += r.sellable;
    warehouses.set(r.warehouse_id, w);
    const o = offers.get(r.offer_id) ?? { offerId: r.offer_id, sellerId: r.seller_id, available: 0 };
    o.available += r.sellable;
    offers.set(r.offer_id, o);
  }
  return {
    productId,
    totalAvailable: sum(rows.map((r) => r.sellable)),
    warehouses: [...warehouses.values()],
    offers: [...offers.values()],
    stock: rows.map((r) => presentStock(r)),
  };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
