// The order lists: a buyer's and the store's orders, a seller's order items. Each reads hot and
// archived rows as one keyset list (decision 037), so paging goes on across both.
import type { Ctx } from '../../platform/http/context.ts';
import { decodeCursor, IdCursor, toPage } from '../../platform/http/pagination.ts';
import * as archive from './orders.archive.repository.ts';
import { presentOrder, presentSellerItem } from './orders.presenters.ts';
import type { ItemRow } from './orders.repository.ts';
import type { OrderShipment } from './orders.schemas.ts';
import type { OrderStatus } from './orders.status.ts';

export type ListQuery = {
  limit: number;
  cursor?: string | undefined;
  status?: OrderStatus | undefined;
};

type Shipments = (
  ctx: Ctx,
  orderIds: string[],
  buyerId: string | null,
) => Promise<Map<string, OrderShipment[]>>;

/** A page of orders, of one user or the store's; `buyerId`: the caller, when it is their buyer. */
export async function listOrders(
  ctx: Ctx,
  shipmentsOf: Shipments,
  query: ListQuery & { userId?: string | undefined },
  buyerId: string | null,
) {
  const after = decodeCursor(query.cursor, IdCursor);
  const rows = await archive.listAnyOrders(ctx.db, {
    storeId: ctx.storeId,
    userId: query.userId,
    status: query.status,
    after: after?.id,
    limit: query.limit,
  });
  const page = rows.slice(0, query.limit);
  const ids = page.map((o) => o.id);
  const items = await archive.anyItemsOf(ctx.db, ctx.storeId, ids);
  const byOrder = new Map<string, ItemRow[]>();
  for (const item of items) byOrder.set(item.order_id, [...(byOrder.get(item.order_id) ?? []), item]);
  const shipments = await shipmentsOf(ctx, ids, buyerId);
  return toPage(
    rows,
    query.limit,
    (o) => presentOrder(o, byOrder.get(o.id) ?? [], undefined, shipments.get(o.id) ?? []),
    (o) => ({ id: o.id }),
  );
}

/** The store's order of this number, hot or archived, as a one-row page. */
export async function orderByNumber(ctx: Ctx, number: string) {
  const order = await archive.findAnyOrderByNumber(ctx.db, ctx.storeId, number);
  const items = order ? await archive.anyItemsOf(ctx.db, ctx.storeId, [order.id]) : [];
  return { items: order ? [presentOrder(order, items)] : [], nextCursor: null };
}

/** A seller's order items, newest first (seed 000 OrderItems GSI1), archived ones included. */
export async function sellerItemsPage(
  ctx: Ctx,
  sellerId: string,
  query: { limit: number; cursor?: string | undefined },
) {
  const after = decodeCursor(query.cursor, IdCursor);
  const rows = await archive.anySellerItems(ctx.db, ctx.storeId, sellerId, {
    after: after?.id,
    limit: query.limit,
  });
  const orderIds = [...new Set(rows.map((row) => row.order_id))];
  const orders = new Map((await archive.findAnyOrders(ctx.db, ctx.storeId, orderIds)).map((o) => [o.id, o]));
  return toPage(
    rows,
    query.limit,
    (i) => presentSellerItem(i, orders.get(i.order_id)!),
    (i) => ({ id: i.id }),
  );
}
