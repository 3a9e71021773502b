import { z } from 'zod';
import { isUniqueViolation, transaction } from '../../platform/db/transaction.ts';
import { requireRole } from '../../platform/http/authorization.ts';
import { type Ctx, withDb } from '../../platform/http/context.ts';
import { decodeCursor, type Page, toPage } from '../../platform/http/pagination.ts';
import { isUuid, newId } from '../../platform/ids.ts';
import { stockScope } from './inventory.access.ts';
import { WarehouseCodeTaken, WarehouseNotEmpty, WarehouseNotFound } from './inventory.errors.ts';
import type { WarehouseRow } from './inventory.repository.ts';
import * as repo from './inventory.repository.ts';
import type { WarehouseBody, WarehousePatch, WarehouseView } from './inventory.schemas.ts';
import { requireWarehouse, type StockWriter } from './inventory.stock-writer.ts';
import { presentWarehouse } from './inventory.views.ts';

const DEFAULT_WAREHOUSE = { code: 'DEFAULT', name: 'Default warehouse' };
const WarehouseCursor = z.object({ code: z.string() });

/** Warehouses (stock points): ADMIN changes them, ADMIN and SELLER read them. */
export class WarehouseService {
  constructor(private readonly writer: StockWriter) {}

  async create(ctx: Ctx, input: WarehouseBody): Promise<WarehouseView> {
    requireRole(ctx, 'ADMIN');
    try {
      const row = await repo.insertWarehouse(ctx.db, {
        id: newId(),
        store_id: ctx.storeId,
        code: input.code,
        name: input.name,
        ...(input.type ? { type: input.type } : {}),
        address: JSON.stringify(input.address ?? {}),
        latitude: input.latitude ?? null,
        longitude: input.longitude ?? null,
        ...(input.timezone ? { timezone: input.timezone } : {}),
        operating_hours: input.operatingHours ? JSON.stringify(input.operatingHours) : null,
        max_capacity: input.maxCapacity ?? null,
        ...(input.active !== undefined ? { is_active: input.active } : {}),
      });
      return presentWarehouse(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw new WarehouseCodeTaken(input.code);
      throw error;
    }
  }

  async list(ctx: Ctx, query: { limit: number; cursor?: string | undefined }): Promise<Page<WarehouseView>> {
    stockScope(ctx);
    const after = decodeCursor(query.cursor, WarehouseCursor);
    const rows = await repo.listWarehouses(ctx.db, ctx.storeId, {
      limit: query.limit,
      ...(after ? { afterCode: after.code } : {}),
    });
    return toPage(rows, query.limit, presentWarehouse, (w) => ({ code: w.code }));
  }

  async get(ctx: Ctx, id: string): Promise<WarehouseView> {
    stockScope(ctx);
    return presentWarehouse(await requireWarehouse(ctx.db, ctx.storeId, id));
  }

  /** Activating or deactivating changes what can be sold, so the catalog hears about every offer in it. */
  async update(ctx: Ctx, id: string, patch: WarehousePatch): Promise<WarehouseView> {
    requireRole(ctx, 'ADMIN');
    return transaction(ctx.db, async (trx) => {
      if (!isUuid(id)) throw new WarehouseNotFound();
      const current = await repo.lockWarehouse(trx, ctx.storeId, id);
      if (!current) throw new WarehouseNotFound();
      let row: WarehouseRow | undefined;
      try {
        row = await repo.updateWarehouse(trx, ctx.storeId, id, warehouseChanges(patch));
      } catch (error) {
        if (isUniqueViolation(error)) throw new WarehouseCodeTaken(patch.code ?? current.code);
        throw error;
      }
      if (!row) throw new WarehouseNotFound();
      if (row.is_active !== current.is_active) {
        const offers = await repo.offersInWarehouse(trx, ctx.storeId, id);
        await this.writer.notify(withDb(ctx, trx), offers);
      }
      return presentWarehouse(row);
    });
  }

  async delete(ctx: Ctx, id: string): Promise<void> {
    requireRole(ctx, 'ADMIN');
    await transaction(ctx.db, async (trx) => {
      if (!isUuid(id) || !(await repo.lockWarehouse(trx, ctx.storeId, id))) throw new WarehouseNotFound();
      if (await repo.warehouseHasStockRecords(trx, ctx.storeId, id)) throw new WarehouseNotEmpty();
      await repo.deleteWarehouse(trx, ctx.storeId, id);
    });
  }

  /** The store's default warehouse, created on first use. */
  async defaultWarehouse(ctx: Ctx): Promise<WarehouseRow> {
    const { db, storeId } = ctx;
    const existing = await repo.findDefaultWarehouse(db, storeId);
    if (existing) return existing;
    await repo.insertDefaultWarehouse(db, { id: newId(), store_id: storeId, ...DEFAULT_WAREHOUSE });
    let created = await repo.findDefaultWarehouse(db, storeId);
    if (!created) {
      // an admin created a warehouse with the default's code: that one becomes the default
      await repo.promoteToDefault(db, storeId, DEFAULT_WAREHOUSE.code);
      created = await repo.findDefaultWarehouse(db, storeId);
    }
    if (!created) throw new Error('default warehouse could not be created');
    return created;
  }
}

/** The columns a patch changes; a field left out stays as it is. */
function warehouseChanges(patch: WarehousePatch): Parameters<typeof repo.updateWarehouse>[3] {
  return {
    ...(patch.code !== undefined ? { code: patch.code } : {}),
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.type !== undefined ? { type: patch.type } : {}),
    ...(patch.address !== undefined ? { address: JSON.stringify(patch.address) } : {}),
    ...(patch.latitude !== undefined ? { latitude: patch.latitude } : {}),
    ...(patch.longitude !== undefined ? { longitude: patch.longitude } : {}),
    ...(patch.timezone !== undefined ? { timezone: patch.timezone } : {}),
    ...(patch.operatingHours !== undefined
      ? { operating_hours: patch.operatingHours === null ? null : JSON.stringify(patch.operatingHours) }
      : {}),
    ...(patch.maxCapacity !== undefined ? { max_capacity: patch.maxCapacity } : {}),
    ...(patch.active !== undefined ? { is_active: patch.active } : {}),
  };
}
