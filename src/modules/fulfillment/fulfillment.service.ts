import { requireRole } from '../../platform/http/authorization.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { BadRequest } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { listCarriers, upsertCarrier } from './fulfillment.agents.repository.ts';
import { Agents } from './fulfillment.agents.ts';
import { Cash } from './fulfillment.cash.ts';
import { Cod } from './fulfillment.cod.ts';
import { FulfillmentContext } from './fulfillment.context.ts';
import { Delivery } from './fulfillment.delivery.ts';
import type { FulfillmentPorts } from './fulfillment.ports.ts';
import { presentCarrier } from './fulfillment.presenters.ts';
import { Returns } from './fulfillment.returns.ts';
import type { CarrierBody } from './fulfillment.schemas.ts';
import { Shipments } from './fulfillment.shipments.ts';
import { Tracking } from './fulfillment.tracking.ts';

/** Who holds the DELIVERY_AGENT role in the store (identity answers). */
export type AgentDirectory = (ctx: Ctx, userId: string) => Promise<boolean>;

/**
 * The fulfilment module's one service: its parts are shipments, delivery (the steps), agents,
 * cash on delivery and tracking.
 */
export class FulfillmentService {
  readonly context: FulfillmentContext;
  readonly shipments: Shipments;
  readonly agents: Agents;
  readonly cod: Cod;
  readonly delivery: Delivery;
  readonly tracking: Tracking;
  readonly cash: Cash;
  readonly returns: Returns;

  constructor(jobs: Jobs, isAgent: AgentDirectory) {
    this.context = new FulfillmentContext(jobs);
    this.agents = new Agents(this.context, isAgent);
    this.shipments = new Shipments(this.context, this.agents);
    this.cod = new Cod(this.context);
    this.delivery = new Delivery(this.context, this.shipments, this.cod);
    this.tracking = new Tracking(this.context, this.shipments);
    this.cash = new Cash(this.context, isAgent);
    this.returns = new Returns(this.context);
  }

  /** Wires orders, stock, payments and secrets; called once at assembly. */
  usePorts(ports: FulfillmentPorts): void {
    this.context.usePorts(ports);
  }

  async carriers(ctx: Ctx) {
    requireRole(ctx, 'ADMIN', 'SELLER');
    return { items: (await listCarriers(ctx.db, ctx.storeId)).map(presentCarrier) };
  }

  /** ADMIN: adds a carrier, or changes the one with this code. */
  async saveCarrier(ctx: Ctx, code: string, body: CarrierBody) {
    requireRole(ctx, 'ADMIN');
    if (!/^[a-z0-9][a-z0-9_-]{0,39}$/.test(code)) {
      throw new BadRequest('A carrier code is lower-case letters, digits, _ and -.', [
        { pointer: '/code', in: 'params', detail: 'Such as bluedart or dhl-express.' },
      ]);
    }
    const row = await upsertCarrier(ctx.db, {
      id: newId(),
      store_id: ctx.storeId,
      code,
      name: body.name,
      tracking_url_template: body.trackingUrlTemplate ?? null,
      ...(body.active !== undefined ? { active: body.active } : {}),
    });
    return presentCarrier(row);
  }
}
