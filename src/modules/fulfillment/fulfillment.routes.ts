import { z } from 'zod';
import type { ZodApp } from '../../platform/http/app.ts';
import { IdParams, Text } from '../../platform/schemas.ts';
import { cashRoutes } from './fulfillment.cash.routes.ts';
import { returnRoutes } from './fulfillment.returns.routes.ts';
import {
  AgentEventBody,
  AgentList,
  AgentListQuery,
  AgentProfileBody,
  AgentView,
  AssignBody,
  AvailabilityBody,
  CarrierBody,
  CarrierList,
  CarrierParams,
  CarrierView,
  CreateShipmentBody,
  DeliveryList,
  DeliveryListQuery,
  LocationAccepted,
  LocationBatchBody,
  LocationBody,
  ShipmentList,
  ShipmentListQuery,
  ShipmentView,
  StaffEventBody,
  TrackingQuery,
  TrackingTokenParams,
  TrackingView,
  TrackView,
} from './fulfillment.schemas.ts';
import type { FulfillmentService } from './fulfillment.service.ts';

const bearer = [{ bearer: [] }];
const UserParams = z.object({ userId: z.string().max(100) });
const ReceiveBackBody = z
  .strictObject({
    condition: z.enum(['SELLABLE', 'DAMAGED']).default('SELLABLE'),
    note: Text(1000).optional(),
  })
  .nullish();

/** Shipments, agents, carriers and tracking (API.md "Fulfillment and delivery"). */
export function fulfillmentRoutes(f: FulfillmentService) {
  return (app: ZodApp) => {
    shipmentRoutes(app, f);
    agentRoutes(app, f);
    setupRoutes(app, f);
    cashRoutes(app, f);
    returnRoutes(app, f);
  };
}

function shipmentRoutes(app: ZodApp, f: FulfillmentService) {
  app.post(
    '/admin/orders/:id/shipments',
    {
      schema: {
        tags: ['fulfillment', 'admin'],
        security: bearer,
        summary:
          'Ship items of an order (ADMIN; a SELLER its own items): PENDING, or ASSIGNED with an agent; 409 for an item already shipped, a cancelled or unpaid order',
        params: IdParams,
        body: CreateShipmentBody,
        response: { 201: ShipmentView },
      },
    },
    async (req, reply) => reply.code(201).send(await f.shipments.create(req.ctx, req.params.id, req.body)),
  );
  app.get(
    '/admin/shipments',
    {
      schema: {
        tags: ['fulfillment', 'admin'],
        security: bearer,
        summary: "The store's shipments, newest first, by status, agent or order (ADMIN; a SELLER its own)",
        querystring: ShipmentListQuery,
        response: { 200: ShipmentList },
      },
    },
    async (req) => f.shipments.list(req.ctx, req.query),
  );
  app.get(
    '/admin/shipments/:id',
    {
      schema: {
        tags: ['fulfillment', 'admin'],
        security: bearer,
        summary: 'A shipment with its events (ADMIN; the SELLER that ships it)',
        params: IdParams,
        response: { 200: ShipmentView },
      },
    },
    async (req) => f.shipments.get(req.ctx, req.params.id),
  );
  app.get(
    '/admin/shipments/:id/track',
    {
      schema: {
        tags: ['fulfillment', 'admin'],
        security: bearer,
        summary: "A shipment's GPS track, oldest point first (ADMIN; the SELLER that ships it; its agent)",
        params: IdParams,
        response: { 200: TrackView },
      },
    },
    async (req) => f.shipments.track(req.ctx, req.params.id),
  );
  app.post(
    '/admin/shipments/:id/assign',
    {
      schema: {
        tags: ['fulfillment', 'admin'],
        security: bearer,
        summary:
          'Give a PENDING, ASSIGNED or FAILED shipment to an agent, or to the nearest available agent of its zone with the fewest open deliveries (ADMIN)',
        params: IdParams,
        body: AssignBody,
        response: { 200: ShipmentView },
      },
    },
    async (req) => {
      await f.agents.assign(req.ctx, req.params.id, req.body?.deliveryAgentId, req.body?.note);
      return f.shipments.view(req.ctx, req.params.id);
    },
  );
  app.post(
    '/admin/shipments/:id/events',
    {
      schema: {
        tags: ['fulfillment', 'admin'],
        security: bearer,
        summary:
          'Report a step of a shipment a courier carries (ADMIN; the SELLER that ships it); 409 for a step the state machine refuses',
        params: IdParams,
        body: StaffEventBody,
        response: { 200: ShipmentView },
      },
    },
    async (req) => f.delivery.staffEvent(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/admin/shipments/:id/receive-back',
    {
      schema: {
        tags: ['fulfillment', 'admin'],
        security: bearer,
        summary:
          'A FAILED or returned parcel is back: its units return to stock, sellable or damaged (ADMIN)',
        params: IdParams,
        body: ReceiveBackBody,
        response: { 200: ShipmentView },
      },
    },
    async (req) =>
      f.delivery.receiveBack(req.ctx, req.params.id, req.body?.condition ?? 'SELLABLE', req.body?.note),
  );
}

function agentRoutes(app: ZodApp, f: FulfillmentService) {
  app.get(
    '/agent/deliveries',
    {
      schema: {
        tags: ['fulfillment', 'agent'],
        security: bearer,
        summary: "The calling agent's deliveries (open ones unless scope=all), none of anyone else's",
        querystring: DeliveryListQuery,
        response: { 200: DeliveryList },
      },
    },
    async (req) => f.agents.deliveries(req.ctx, req.query),
  );
  app.get(
    '/agent/deliveries/:id',
    {
      schema: {
        tags: ['fulfillment', 'agent'],
        security: bearer,
        summary: 'One of the calling agent’s deliveries; 404 for anyone else’s',
        params: IdParams,
        response: { 200: ShipmentView },
      },
    },
    async (req) => f.shipments.ofAgent(req.ctx, req.params.id),
  );
  app.post(
    '/agent/deliveries/:id/events',
    {
      schema: {
        tags: ['fulfillment', 'agent'],
        security: bearer,
        summary:
          'The assigned agent reports PICKED_UP, IN_TRANSIT, DELIVERED (with the cash collected on a COD shipment, and the code where the store asks for one) or FAILED',
        params: IdParams,
        body: AgentEventBody,
        response: { 200: ShipmentView },
      },
    },
    async (req) => f.delivery.agentEvent(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/agent/deliveries/:id/location',
    {
      schema: {
        tags: ['fulfillment', 'agent'],
        security: bearer,
        summary:
          'The assigned agent reports where it is while the shipment is on the road; the newest report is the last location',
        params: IdParams,
        body: LocationBody,
        response: { 202: LocationAccepted },
      },
    },
    async (req, reply) =>
      reply.code(202).send(await f.agents.reportLocations(req.ctx, req.params.id, [req.body])),
  );
  app.post(
    '/agent/deliveries/:id/locations',
    {
      schema: {
        tags: ['fulfillment', 'agent'],
        security: bearer,
        summary:
          'The assigned agent reports up to 100 points at once (kept while offline, or batched); the newest is the last location',
        params: IdParams,
        body: LocationBatchBody,
        response: { 202: LocationAccepted },
      },
    },
    async (req, reply) =>
      reply.code(202).send(await f.agents.reportLocations(req.ctx, req.params.id, req.body.points)),
  );
  app.get(
    '/agent/profile',
    {
      schema: {
        tags: ['fulfillment', 'agent'],
        security: bearer,
        summary: "The calling agent's profile, load and last location",
        response: { 200: AgentView },
      },
    },
    async (req) => f.agents.myProfile(req.ctx),
  );
  app.put(
    '/agent/availability',
    {
      schema: {
        tags: ['fulfillment', 'agent'],
        security: bearer,
        summary: 'The calling agent goes on or off duty (the automatic assignment takes agents on duty)',
        body: AvailabilityBody,
        response: { 200: AgentView },
      },
    },
    async (req) => f.agents.setAvailability(req.ctx, req.body.available),
  );
}

function setupRoutes(app: ZodApp, f: FulfillmentService) {
  app.get(
    '/admin/delivery-agents',
    {
      schema: {
        tags: ['fulfillment', 'admin'],
        security: bearer,
        summary: "The store's delivery agents with their open deliveries (ADMIN)",
        querystring: AgentListQuery,
        response: { 200: AgentList },
      },
    },
    async (req) => f.agents.list(req.ctx, req.query),
  );
  app.put(
    '/admin/delivery-agents/:userId',
    {
      schema: {
        tags: ['fulfillment', 'admin'],
        security: bearer,
        summary:
          'Set a delivery agent’s vehicle, zone, phone and availability (ADMIN); 404 unless the user is an agent',
        params: UserParams,
        body: AgentProfileBody,
        response: { 200: AgentView },
      },
    },
    async (req) => f.agents.saveProfile(req.ctx, req.params.userId, req.body),
  );
  app.get(
    '/admin/carriers',
    {
      schema: {
        tags: ['fulfillment', 'admin'],
        security: bearer,
        summary: "The store's carriers and their tracking links (ADMIN, SELLER)",
        response: { 200: CarrierList },
      },
    },
    async (req) => f.carriers(req.ctx),
  );
  app.put(
    '/admin/carriers/:code',
    {
      schema: {
        tags: ['fulfillment', 'admin'],
        security: bearer,
        summary:
          'Add or change a carrier; its tracking link is an https template with {trackingNumber} (ADMIN)',
        params: CarrierParams,
        body: CarrierBody,
        response: { 200: CarrierView },
      },
    },
    async (req) => f.saveCarrier(req.ctx, req.params.code, req.body),
  );
  app.get(
    '/track',
    {
      schema: {
        tags: ['fulfillment'],
        summary: "Track an order by its number and the buyer's email; 404 unless both match",
        querystring: TrackingQuery,
        response: { 200: TrackingView },
      },
    },
    async (req) => f.tracking.byNumber(req.ctx, req.query.order, req.query.email),
  );
  app.get(
    '/track/:token',
    {
      schema: {
        tags: ['fulfillment'],
        summary: 'Track an order by its signed tracking token (every tracking answer carries one, for links)',
        params: TrackingTokenParams,
        response: { 200: TrackingView },
      },
    },
    async (req) => f.tracking.byToken(req.ctx, req.params.token),
  );
}
