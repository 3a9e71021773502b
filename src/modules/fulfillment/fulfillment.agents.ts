import { z } from 'zod';
import { coalescing } from '../../platform/db/coalesce.ts';
import type { Db } from '../../platform/db/database.ts';
import { retrying, transaction } from '../../platform/db/transaction.ts';
import { requireRole } from '../../platform/http/authorization.ts';
import { type Ctx, withDb } from '../../platform/http/context.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { isUuid, newId } from '../../platform/ids.ts';
import * as agentsRepo from './fulfillment.agents.repository.ts';
import type { FulfillmentContext } from './fulfillment.context.ts';
import {
  AgentNotFound,
  AgentUnavailable,
  ShipmentNotFound,
  ShipmentTransitionNotAllowed,
} from './fulfillment.errors.ts';
import { presentAgent, presentDelivery } from './fulfillment.presenters.ts';
import type { AgentProfileBody, LocationBody } from './fulfillment.schemas.ts';
import * as repo from './fulfillment.shipments.repository.ts';
import { canShipmentMove, OPEN_FOR_AGENT } from './fulfillment.status.ts';
import type { AgentRow, ShipmentRow } from './fulfillment.tables.ts';

const UserCursor = z.object({ userId: z.uuid() });

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const h =
    Math.sin(rad(b.lat - a.lat) / 2) ** 2 +
    Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
  return 6371 * 2 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Delivery agents: profiles, assignment (by staff or by the automatic rule), their list and location. */
export class Agents {
  /** Location reports arriving together share one statement (per database handle). */
  private readonly writers = new WeakMap<Db, (report: repo.LocationReport) => Promise<boolean>>();

  constructor(
    private readonly f: FulfillmentContext,
    private readonly isAgent: (ctx: Ctx, userId: string) => Promise<boolean>,
  ) {}

  /** ADMIN: creates or changes an agent's profile; 404 unless the user holds DELIVERY_AGENT here. */
  async saveProfile(ctx: Ctx, userId: string, body: AgentProfileBody) {
    requireRole(ctx, 'ADMIN');
    if (!isUuid(userId) || !(await this.isAgent(ctx, userId))) throw new AgentNotFound();
    const row = await agentsRepo.upsertAgent(ctx.db, ctx.storeId, userId, body);
    return this.present(ctx, row);
  }

  /** The calling agent's own profile (made on first use). */
  async myProfile(ctx: Ctx) {
    const actor = requireRole(ctx, 'DELIVERY_AGENT');
    const row =
      (await agentsRepo.findAgent(ctx.db, ctx.storeId, actor.userId)) ??
      (await agentsRepo.upsertAgent(ctx.db, ctx.storeId, actor.userId, {}));
    return this.present(ctx, row);
  }

  /** The calling agent goes on or off duty (the automatic rule assigns only agents on duty). */
  async setAvailability(ctx: Ctx, available: boolean) {
    const actor = requireRole(ctx, 'DELIVERY_AGENT');
    const row = await agentsRepo.upsertAgent(ctx.db, ctx.storeId, actor.userId, { available });
    return this.present(ctx, row);
  }

  async list(
    ctx: Ctx,
    query: {
      limit: number;
      cursor?: string | undefined;
      zone?: string | undefined;
      available?: boolean | undefined;
    },
  ) {
    requireRole(ctx, 'ADMIN');
    const after = decodeCursor(query.cursor, UserCursor);
    const rows = await agentsRepo.listAgents(
      ctx.db,
      ctx.storeId,
      { zone: query.zone, available: query.available },
      { after: after?.userId, limit: query.limit },
    );
    const loads = await repo.openLoads(
      ctx.db,
      ctx.storeId,
      rows.map((r) => r.user_id),
    );
    return toPage(
      rows,
      query.limit,
      (a) => presentAgent(a, loads.get(a.user_id) ?? 0),
      (a) => ({ userId: a.user_id }),
    );
  }

  private async present(ctx: Ctx, row: AgentRow) {
    const loads = await repo.openLoads(ctx.db, ctx.storeId, [row.user_id]);
    return presentAgent(row, loads.get(row.user_id) ?? 0);
  }

  /** ADMIN: gives a shipment to an agent, or to the one the automatic rule picks. */
  async assign(ctx: Ctx, shipmentId: string, agentId: string | undefined, note?: string) {
    requireRole(ctx, 'ADMIN');
    await transaction(ctx.db, async (trx) => {
      const tctx = withDb(ctx, trx);
      const peek = isUuid(shipmentId) ? await repo.findShipment(trx, ctx.storeId, shipmentId) : undefined;
      if (!peek) throw new ShipmentNotFound();
      await this.f.ports.orders.lock(tctx, peek.order_id);
      const shipment = (await repo.findShipment(trx, ctx.storeId, shipmentId, true))!;
      const chosen = agentId ?? (await this.nearestAvailable(tctx, shipment));
      await this.assignInTransaction(tctx, shipment, chosen, note);
    });
  }

  /**
   * The automatic rule: available agents of the shipment's zone (its postal code or city; agents
   * with no zone cover every zone), nearest to the pickup warehouse when both places are known,
   * then with the fewest open deliveries.
   */
  async nearestAvailable(ctx: Ctx, shipment: ShipmentRow): Promise<string> {
    const address = shipment.address as { postalCode?: string; city?: string };
    const zones = [address.postalCode, address.city]
      .filter((z): z is string => !!z)
      .map((z) => z.toLowerCase());
    const candidates = (await agentsRepo.availableAgents(ctx.db, ctx.storeId, null)).filter(
      (a) => a.zone === null || zones.includes(a.zone.toLowerCase()),
    );
    if (candidates.length === 0) throw new AgentUnavailable();
    const loads = await repo.openLoads(
      ctx.db,
      ctx.storeId,
      candidates.map((a) => a.user_id),
    );
    const origin = shipment.warehouse_id
      ? await this.f.ports.stock.warehouseLocation(ctx, shipment.warehouse_id)
      : null;
    const away = (a: AgentRow) =>
      origin && a.last_lat !== null && a.last_lng !== null
        ? distanceKm(origin, { lat: a.last_lat, lng: a.last_lng })
        : Number.POSITIVE_INFINITY;
    const zoned = (a: AgentRow) => (a.zone === null ? 1 : 0);
    const ranked = [...candidates].sort(
      (a, b) =>
        zoned(a) - zoned(b) ||
        away(a) - away(b) ||
        (loads.get(a.user_id) ?? 0) - (loads.get(b.user_id) ?? 0) ||
        (a.user_id < b.user_id ? -1 : 1),
    );
    return ranked[0]!.user_id;
  }

  /** Assigns under the order's and shipment's locks: PENDING, ASSIGNED (re-assigned) or FAILED only. */
  async assignInTransaction(ctx: Ctx, shipment: ShipmentRow, agentId: string, note?: string) {
    if (!canShipmentMove(shipment.status, 'ASSIGNED'))
      throw new ShipmentTransitionNotAllowed(shipment.status, 'ASSIGNED');
    if (!isUuid(agentId) || !(await this.isAgent(ctx, agentId))) throw new AgentNotFound();
    if (!(await agentsRepo.findAgent(ctx.db, ctx.storeId, agentId)))
      await agentsRepo.upsertAgent(ctx.db, ctx.storeId, agentId, {});
    const assigned = await repo.updateShipment(ctx.db, ctx.storeId, shipment.id, {
      status: 'ASSIGNED',
      delivery_agent_id: agentId,
      assigned_at: new Date(),
      // a new attempt starts with a fresh count of wrong codes
      delivery_code_attempts: 0,
    });
    await this.f.recordStep(ctx, assigned, 'ASSIGNED', { note });
    return assigned;
  }

  /** The calling agent's deliveries (open ones by default), newest first; nobody else's. */
  async deliveries(ctx: Ctx, query: { limit: number; cursor?: string | undefined; scope: 'open' | 'all' }) {
    const actor = requireRole(ctx, 'DELIVERY_AGENT');
    const after = decodeCursor(query.cursor, z.object({ id: z.uuid() }));
    const rows = await repo.listShipments(
      ctx.db,
      ctx.storeId,
      { agentId: actor.userId, ...(query.scope === 'open' ? { statuses: OPEN_FOR_AGENT } : {}) },
      { after: after?.id, limit: query.limit },
    );
    return toPage(rows, query.limit, presentDelivery, (s) => ({ id: s.id }));
  }

  /**
   * Location reports of the assigned agent while the shipment is on the road (one, or a batch the
   * app kept while offline): they join the track, and the newest becomes the shipment's (and
   * agent's) last location unless a newer one is held. One statement, shared with the reports
   * that arrive at the same time.
   */
  async reportLocations(ctx: Ctx, shipmentId: string, points: LocationBody[]): Promise<{ accepted: number }> {
    const actor = requireRole(ctx, 'DELIVERY_AGENT');
    if (!isUuid(shipmentId)) throw new ShipmentNotFound();
    const now = new Date();
    const report: repo.LocationReport = {
      storeId: ctx.storeId,
      shipmentId,
      agentId: actor.userId,
      points: points.map((p) => ({
        id: newId(),
        lat: p.lat,
        lng: p.lng,
        accuracy: p.accuracy ?? null,
        at: p.at ? new Date(p.at) : now,
      })),
    };
    const accepted = (await this.writeReport(ctx.db, report)) ? points.length : 0;
    if (accepted > 0) return { accepted };
    const s = await repo.findShipment(ctx.db, ctx.storeId, shipmentId);
    if (!s || s.delivery_agent_id !== actor.userId) throw new ShipmentNotFound();
    throw new ShipmentTransitionNotAllowed(s.status, 'located');
  }

  /** Writes a report with the others arriving at the same time, or alone inside a transaction. */
  private writeReport(db: Db, report: repo.LocationReport): Promise<boolean> {
    if (db.isTransaction) return repo.recordReports(db, [report]).then(([taken]) => taken === true);
    let write = this.writers.get(db);
    if (!write) {
      write = coalescing((reports) => retrying(() => repo.recordReports(db, reports)));
      this.writers.set(db, write);
    }
    return write(report);
  }
}
