import type { ZodApp } from '../../platform/http/app.ts';
import {
  SaveBody,
  SavedMethodList,
  SavedMethodParams,
  SavedMethodView,
  SetupBody,
  SetupView,
} from './payments.methods.schemas.ts';
import type { PaymentMethodsService } from './payments.methods.service.ts';

const bearer = [{ bearer: [] }];
const tags = ['payments', 'me'];

/** A signed-in buyer's saved cards (decision 033); each call reaches only the caller's own. */
export function paymentMethodRoutes(methods: PaymentMethodsService) {
  return async (app: ZodApp) => {
    app.post(
      '/me/payment-methods/setup',
      {
        schema: {
          tags,
          summary: 'Start adding a card: a Stripe SetupIntent or a Razorpay authorisation order',
          security: bearer,
          body: SetupBody,
          response: { 201: SetupView },
        },
      },
      async (req, reply) => reply.code(201).send(await methods.setup(req.ctx, req.body.provider)),
    );
    app.post(
      '/me/payment-methods',
      {
        schema: {
          tags,
          summary: 'Save the card a finished setup left at the provider (its token and display fields only)',
          security: bearer,
          body: SaveBody,
          response: { 201: SavedMethodView },
        },
      },
      async (req, reply) => reply.code(201).send(await methods.save(req.ctx, req.body)),
    );
    app.get(
      '/me/payment-methods',
      {
        schema: {
          tags,
          summary: 'The caller’s saved cards, the default first',
          security: bearer,
          response: { 200: SavedMethodList },
        },
      },
      async (req) => methods.list(req.ctx),
    );
    app.post(
      '/me/payment-methods/:id/default',
      {
        schema: {
          tags,
          summary: 'Make a saved card the default',
          security: bearer,
          params: SavedMethodParams,
          response: { 200: SavedMethodView },
        },
      },
      async (req) => methods.makeDefault(req.ctx, req.params.id),
    );
    app.delete(
      '/me/payment-methods/:id',
      {
        schema: {
          tags,
          summary: 'Remove a saved card (detached at the provider)',
          security: bearer,
          params: SavedMethodParams,
        },
      },
      async (req, reply) => {
        await methods.remove(req.ctx, req.params.id);
        return reply.code(204).send();
      },
    );
  };
}
