import type { ZodApp } from '../../platform/http/app.ts';
import type { Lookups } from './reference.lookups.ts';
import {
  LookupQuery,
  LookupTypesView,
  LookupValueView,
  LookupView,
  TypeParams,
  ValueBody,
  ValueParams,
} from './reference.schemas.ts';

const staff = { tags: ['admin', 'lookups'], security: [{ bearer: [] }] };

export function referenceRoutes(lookups: Lookups) {
  return async (app: ZodApp) => {
    app.get(
      '/lookups/:type',
      {
        schema: {
          tags: ['lookups'],
          summary: 'A list of values the store’s forms offer (return reasons, units, delivery slots…)',
          description:
            'Active values in order, each with `label` in `lang` (else English, else the first there is) and every `labels`; 404 `lookup-not-found` for a type the store does not have.',
          params: TypeParams,
          querystring: LookupQuery,
          response: { 200: LookupView },
        },
      },
      async (req) => lookups.get(req.ctx, req.params.type, { lang: req.query.lang }),
    );
    staffRoutes(app, lookups);
  };
}

function staffRoutes(app: ZodApp, lookups: Lookups) {
  app.get(
    '/admin/lookups',
    {
      schema: {
        ...staff,
        summary: 'The store’s lookup types, built-in and its own, with value counts (ADMIN)',
        response: { 200: LookupTypesView },
      },
    },
    async (req) => lookups.types(req.ctx),
  );
  app.get(
    '/admin/lookups/:type',
    {
      schema: {
        ...staff,
        summary: 'A lookup with its inactive values too (ADMIN)',
        params: TypeParams,
        querystring: LookupQuery,
        response: { 200: LookupView },
      },
    },
    async (req) => lookups.getForStaff(req.ctx, req.params.type, req.query.lang),
  );
  app.put(
    '/admin/lookups/:type/:code',
    {
      schema: {
        ...staff,
        summary: 'Add or change a value; a new type starts with it (settings:manage)',
        description:
          'The first change to a built-in type makes its list the store’s own, starting from the defaults.',
        params: ValueParams,
        body: ValueBody,
        response: { 200: LookupValueView },
      },
    },
    async (req) => lookups.put(req.ctx, req.params.type, req.params.code, req.body),
  );
  app.delete(
    '/admin/lookups/:type/:code',
    {
      schema: {
        ...staff,
        summary: 'Delete a value nothing uses (settings:manage)',
        description:
          '409 `lookup-value-in-use` naming what uses it (turn it off with `active: false` instead); 404 for an unknown value.',
        params: ValueParams,
      },
    },
    async (req, reply) => {
      await lookups.remove(req.ctx, req.params.type, req.params.code);
      return reply.code(204).send();
    },
  );
}
