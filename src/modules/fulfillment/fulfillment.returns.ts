import type { Updateable } from 'kysely';
import { transaction } from '../../platform/db/transaction.ts';
import {
  requireActor,
  requireOwnerOr,
  requirePermission,
  requireRole,
} from '../../platform/http/authorization.ts';
import { type Ctx, withDb } from '../../platform/http/context.ts';
import { BadRequest, NotFound } from '../../platform/http/errors.ts';
import { decodeCursor, IdCursor, toPage } from '../../platform/http/pagination.ts';
import { isUuid, newId } from '../../platform/ids.ts';
import { storeSettings } from '../tenancy/index.ts';
import type { FulfillmentContext } from './fulfillment.context.ts';
import {
  CurrencyMismatch,
  ItemNotReturnable,
  ReturnNotFound,
  ReturnQuantityExceeded,
  ReturnTransitionNotAllowed,
  ReturnWindowClosed,
} from './fulfillment.errors.ts';
import { FulfillmentEvents } from './fulfillment.events.ts';
import type { ItemMove, OrderForShipping } from './fulfillment.ports.ts';
import * as repo from './fulfillment.returns.repository.ts';
import {
  type CreateReturnBody,
  type DecisionBody,
  RETURN_CONDITIONS,
  type ReceiveBody,
  type RefundBody,
  type ReturnListQuery,
  type ReturnView,
} from './fulfillment.returns.schemas.ts';
import { canReturnMove, type ReturnStatus } from './fulfillment.status.ts';
import type { ReturnItemRow, ReturnRow, ReturnsTable } from './fulfillment.tables.ts';

/** Returns that still hold their units: asked for, on the way back, back, or refunded. */
const LIVE: readonly ReturnStatus[] = ['REQUESTED', 'APPROVED', 'RECEIVED', 'REFUNDED'];
/** Returns whose units are back in the warehouse. */
const BACK: readonly ReturnStatus[] = ['RECEIVED', 'REFUNDED'];
const DAY_MS = 86_400_000;

const RETURN_EVENTS: Record<ReturnStatus, string> = {
  REQUESTED: FulfillmentEvents.returnRequested,
  APPROVED: FulfillmentEvents.returnApproved,
  REJECTED: FulfillmentEvents.returnRejected,
  RECEIVED: FulfillmentEvents.returnReceived,
  REFUNDED: FulfillmentEvents.returnRefunded,
  CANCELLED: FulfillmentEvents.returnCancelled,
};

type Apply = (ctx: Ctx, ret: ReturnRow, order: OrderForShipping) => Promise<Updateable<ReturnsTable>>;

/**
 * Returns (RMA): a buyer asks to send delivered items back within the store's window; staff
 * approve or reject, receive the units into stock (sellable or damaged) and refund what the
 * returned lines were paid. Every step takes the order's lock, then the return's.
 */
export class Returns {
  constructor(private readonly f: FulfillmentContext) {}

  /** The buyer asks to return delivered units of its order; 404 for anyone else's order. */
  async request(ctx: Ctx, orderId: string, body: CreateReturnBody): Promise<ReturnView> {
    const actor = requireActor(ctx);
    const row = await transaction(ctx.db, async (trx) => {
      const tctx = withDb(ctx, trx);
      const order = await this.f.ports.orders.lock(tctx, orderId);
      if (order.userId === null || order.userId !== actor.userId)
        throw new NotFound('order', 'order-not-found');
      await this.checkWindow(tctx, order);
      const items = await this.returnable(tctx, order, body.items);
      const chosen = body.reasonCode
        ? await this.f.ports.reasons.choose(tctx, body.reasonCode, '/reasonCode')
        : null;
      const id = newId();
      const ret = await repo.insertReturn(
        trx,
        {
          id,
          store_id: ctx.storeId,
          order_id: order.id,
          user_id: actor.userId,
          status: 'REQUESTED',
          reason: body.reason ?? chosen!.label,
          reason_code: chosen?.code ?? null,
          currency: order.currency,
        },
        items.map((i) => ({ ...i, return_id: id })),
      );
      await this.publish(tctx, ret);
      return ret;
    });
    return this.view(ctx, row);
  }

  /** What uses a return reason code ("a return"), or null: the lookup's delete asks before removing it. */
  async reasonUsedBy(ctx: Ctx, code: string): Promise<string | null> {
    return (await repo.returnWithReason(ctx.db, ctx.storeId, code)) ? 'a return' : null;
  }

  /** Returns are open `returnWindowDays` after the order was delivered (0: never). */
  private async checkWindow(ctx: Ctx, order: OrderForShipping): Promise<void> {
    const { returnWindowDays: days } = await storeSettings(ctx);
    // an order not wholly delivered yet has not started its window
    const closesAt = order.deliveredAt ? new Date(order.deliveredAt).getTime() + days * DAY_MS : Infinity;
    if (days === 0 || Date.now() > closesAt) throw new ReturnWindowClosed(days);
  }

  /** The lines asked for, each a delivered item with that many units not already in a live return. */
  private async returnable(ctx: Ctx, order: OrderForShipping, asked: CreateReturnBody['items']) {
    const taken = await repo.returnedItemsOfOrder(ctx.db, ctx.storeId, order.id, LIVE);
    return asked.map((line, index) => {
      const item = order.items.find((i) => i.id === line.orderItemId);
      if (!item || asked.findIndex((l) => l.orderItemId === line.orderItemId) !== index) {
        throw new BadRequest('Each item is an item of this order, named once.', [
          { pointer: `/items/${index}/orderItemId`, in: 'body', detail: 'An item of this order, once.' },
        ]);
      }
      if (item.status !== 'DELIVERED') throw new ItemNotReturnable(item.id, item.status);
      const left =
        item.quantity - taken.filter((t) => t.order_item_id === item.id).reduce((s, t) => s + t.quantity, 0);
      if (line.quantity > left) throw new ReturnQuantityExceeded(item.id, Math.max(left, 0));
      return {
        store_id: ctx.storeId,
        order_item_id: item.id,
        offer_id: item.offerId,
        quantity: line.quantity,
        condition: null,
      };
    });
  }

  /** ADMIN with orders:refund: approves or rejects a REQUESTED return, with a note. */
  async decide(ctx: Ctx, returnId: string, to: 'APPROVED' | 'REJECTED', body: DecisionBody) {
    const actor = requirePermission(ctx, 'orders:refund');
    return this.step(ctx, await this.peek(ctx, returnId), to, async () => ({
      decided_by: actor.userId,
      decided_at: new Date(),
      decision_note: body?.note ?? null,
    }));
  }

  /** The buyer withdraws a REQUESTED return; staff may also call off an APPROVED one never sent. */
  async cancel(ctx: Ctx, returnId: string): Promise<ReturnView> {
    requireActor(ctx);
    const peek = await this.peek(ctx, returnId);
    const actor = requireOwnerOr(ctx, peek.user_id, ['ADMIN'], () => new ReturnNotFound());
    const staff = actor.roles.includes('ADMIN') || actor.roles.includes('SUPER_ADMIN');
    return this.step(ctx, peek, 'CANCELLED', async (_ctx, ret) => {
      if (!staff && ret.status !== 'REQUESTED') throw new ReturnTransitionNotAllowed(ret.status, 'CANCELLED');
      return {};
    });
  }

  /**
   * ADMIN: the parcel is back. Its units return to stock (RETURN movements; damaged ones into
   * quarantine) and items wholly returned become RETURNED, the order following.
   */
  async receive(ctx: Ctx, returnId: string, body: ReceiveBody): Promise<ReturnView> {
    requireRole(ctx, 'ADMIN');
    return this.step(ctx, await this.peek(ctx, returnId), 'RECEIVED', async (tctx, ret, order) => {
      const items = await repo.itemsOfReturns(tctx.db, ctx.storeId, [ret.id]);
      const conditions = conditionsOf(items, body?.items);
      for (const condition of RETURN_CONDITIONS) {
        const lines = items
          .filter((i) => conditions.get(i.order_item_id) === condition)
          .map((i) => ({ offerId: i.offer_id, quantity: i.quantity }));
        if (lines.length === 0) continue;
        await this.f.ports.stock.receiveBack(tctx, {
          orderId: order.id,
          lines,
          condition,
          reason: `return ${ret.id}`,
        });
      }
      await repo.setConditions(
        tctx.db,
        ctx.storeId,
        ret.id,
        items.map((i) => ({ order_item_id: i.order_item_id, condition: conditions.get(i.order_item_id)! })),
      );
      await this.itemsBack(tctx, order, items);
      return { received_at: new Date() };
    });
  }

  /** Items whose every unit is back become RETURNED; the order becomes RETURNED once all are. */
  private async itemsBack(ctx: Ctx, order: OrderForShipping, now: ReturnItemRow[]): Promise<void> {
    const back = [...(await repo.returnedItemsOfOrder(ctx.db, ctx.storeId, order.id, BACK)), ...now];
    const moves: ItemMove[] = order.items
      .filter((item) => item.status === 'DELIVERED')
      .filter(
        (item) =>
          back.filter((b) => b.order_item_id === item.id).reduce((s, b) => s + b.quantity, 0) >=
          item.quantity,
      )
      .map((item) => ({ itemId: item.id, to: 'RETURNED' }));
    if (moves.length > 0) await this.f.ports.orders.itemsMoved(ctx, order.id, moves);
  }

  /**
   * ADMIN with orders:refund: refunds a RECEIVED return, by default what its lines were paid
   * (never more). The money moves outside the step's transaction, as payments sends refunds to
   * providers outside any, under a key per return: a retry, or a race, refunds once.
   */
  async refund(ctx: Ctx, returnId: string, body: RefundBody): Promise<ReturnView> {
    requirePermission(ctx, 'orders:refund');
    const peek = await this.peek(ctx, returnId);
    const amount = await transaction(ctx.db, async (trx) => {
      const { order, ret } = await this.lock(withDb(ctx, trx), peek);
      if (!canReturnMove(ret.status, 'REFUNDED'))
        throw new ReturnTransitionNotAllowed(ret.status, 'REFUNDED');
      const most = await this.refundable(withDb(ctx, trx), order, ret);
      if (!body?.amount) return most;
      if (body.amount.currency !== ret.currency) throw new CurrencyMismatch('amount', ret.currency);
      if (body.amount.amount > most) {
        throw new BadRequest(`At most ${most} may be refunded for this return.`, [
          { pointer: '/amount/amount', in: 'body', detail: `At most ${most}.` },
        ]);
      }
      return body.amount.amount;
    });
    if (amount > 0) {
      await this.f.ports.payments.refund(ctx, peek.order_id, {
        amount,
        reason: `return ${peek.id}`,
        key: `return:${peek.id}`,
      });
    }
    return this.step(ctx, peek, 'REFUNDED', async () => ({ refund_amount: amount, refunded_at: new Date() }));
  }

  /**
   * What the return's units were paid: each line's share of its item's paid amount, counted after
   * the units refunded by earlier returns so that the shares of an item add up to what it was paid.
   */
  private async refundable(ctx: Ctx, order: OrderForShipping, ret: ReturnRow): Promise<number> {
    const items = await repo.itemsOfReturns(ctx.db, ctx.storeId, [ret.id]);
    const refunded = await repo.returnedItemsOfOrder(ctx.db, ctx.storeId, order.id, ['REFUNDED']);
    let total = 0;
    for (const line of items) {
      const item = order.items.find((i) => i.id === line.order_item_id);
      if (!item) continue;
      const share = (units: number) => Math.round((item.paidAmount * units) / item.quantity);
      const before = refunded
        .filter((r) => r.order_item_id === line.order_item_id)
        .reduce((s, r) => s + r.quantity, 0);
      total +=
        share(Math.min(before + line.quantity, item.quantity)) - share(Math.min(before, item.quantity));
    }
    return total;
  }

  /** The buyer's own return, or any for staff; 404 for anyone else. */
  async get(ctx: Ctx, returnId: string): Promise<ReturnView> {
    requireActor(ctx);
    const ret = await this.peek(ctx, returnId);
    requireOwnerOr(ctx, ret.user_id, ['ADMIN'], () => new ReturnNotFound());
    return this.view(ctx, ret);
  }

  /** The caller's returns, newest first. */
  async mine(ctx: Ctx, query: ReturnListQuery) {
    const actor = requireActor(ctx);
    return this.page(ctx, { userId: actor.userId, status: query.status }, query);
  }

  /** ADMIN: the store's returns, newest first, by status. */
  async list(ctx: Ctx, query: ReturnListQuery) {
    requireRole(ctx, 'ADMIN');
    return this.page(ctx, { status: query.status, orderId: query.orderId }, query);
  }

  private async page(ctx: Ctx, filter: repo.ReturnFilter, query: ReturnListQuery) {
    const after = decodeCursor(query.cursor, IdCursor);
    const rows = await repo.listReturns(ctx.db, ctx.storeId, filter, {
      after: after?.id,
      limit: query.limit,
    });
    const page = rows.slice(0, query.limit);
    const items = await repo.itemsOfReturns(
      ctx.db,
      ctx.storeId,
      page.map((r) => r.id),
    );
    return toPage(
      rows,
      query.limit,
      (r) => presentReturn(r, items),
      (r) => ({ id: r.id }),
    );
  }

  private async peek(ctx: Ctx, returnId: string): Promise<ReturnRow> {
    const ret = isUuid(returnId) ? await repo.findReturn(ctx.db, ctx.storeId, returnId) : undefined;
    if (!ret) throw new ReturnNotFound();
    return ret;
  }

  /** The order's lock first, then the return's row. */
  private async lock(ctx: Ctx, peek: ReturnRow) {
    const order = await this.f.ports.orders.lock(ctx, peek.order_id);
    const ret = (await repo.findReturn(ctx.db, ctx.storeId, peek.id, true))!;
    return { order, ret };
  }

  /** A move along RETURN_TRANSITIONS under the locks, with its effects and its outbox event. */
  private async step(ctx: Ctx, peek: ReturnRow, to: ReturnStatus, apply: Apply): Promise<ReturnView> {
    const after = await transaction(ctx.db, async (trx) => {
      const tctx = withDb(ctx, trx);
      const { order, ret } = await this.lock(tctx, peek);
      if (!canReturnMove(ret.status, to)) throw new ReturnTransitionNotAllowed(ret.status, to);
      const changes = await apply(tctx, ret, order);
      const row = await repo.updateReturn(trx, ctx.storeId, ret.id, { ...changes, status: to });
      await this.publish(tctx, row);
      return row;
    });
    return this.view(ctx, after);
  }

  private async publish(ctx: Ctx, ret: ReturnRow): Promise<void> {
    await this.f.jobs.publish(ctx.db, {
      name: RETURN_EVENTS[ret.status],
      storeId: ctx.storeId,
      payload: {
        returnId: ret.id,
        orderId: ret.order_id,
        userId: ret.user_id,
        status: ret.status,
        ...(ret.refund_amount !== null ? { refundAmount: ret.refund_amount, currency: ret.currency } : {}),
      },
    });
  }

  private async view(ctx: Ctx, ret: ReturnRow): Promise<ReturnView> {
    return presentReturn(ret, await repo.itemsOfReturns(ctx.db, ctx.storeId, [ret.id]));
  }
}

/** Each item's condition: as staff named it, SELLABLE otherwise; naming an item not returned is a 400. */
function conditionsOf(items: ReturnItemRow[], named: NonNullable<ReceiveBody>['items']) {
  const conditions = new Map(items.map((i) => [i.order_item_id, 'SELLABLE' as 'SELLABLE' | 'DAMAGED']));
  (named ?? []).forEach((n, index) => {
    if (!conditions.has(n.orderItemId)) {
      throw new BadRequest('Name only items of this return.', [
        { pointer: `/items/${index}/orderItemId`, in: 'body', detail: 'An item of this return.' },
      ]);
    }
    conditions.set(n.orderItemId, n.condition);
  });
  return conditions;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentReturn(r: ReturnRow, items: ReturnItemRow[]): ReturnView {
  return {
    id: r.id,
    orderId: r.order_id,
    status: r.status,
    items: items
      .filter((i) => i.return_id === r.id)
      .map((i) => ({
        orderItemId: i.order_item_id,
        offerId: i.offer_id,
        quantity: i.quantity,
        condition: i.condition,
      })),
    reason: r.reason,
    reasonCode: r.reason_code,
    decisionNote: r.decision_note,
    refundAmount: r.refund_amount !== null ? { amount: r.refund_amount, currency: r.currency.trim() } : null,
    createdAt: r.created_at.toISOString(),
    decidedAt: iso(r.decided_at),
    receivedAt: iso(r.received_at),
    refundedAt: iso(r.refunded_at),
  };
}
