import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ZodApp } from '../../platform/http/app.ts';
import { PolicyParams, PolicyView, SettingsView, type Store, StoreView } from './tenancy.schemas.ts';
import { currentStore, policyOf, storeViewOf } from './tenancy.service.ts';
import { changeSettings, readSettings, type SettingsDeps, StoreSettingsPatch } from './tenancy.settings.ts';

export interface TenancyRouteDeps extends SettingsDeps {
  /** The store the request was resolved to (held in memory by the resolver). */
  resolvedStore?: ((req: FastifyRequest) => Store | undefined) | undefined;
}

/**
 * Each resolved store's `GET /store` answer, encoded by its schema once per store object: the
 * resolver replaces the object when the store changes, so a change is never served stale.
 */
const storeBodies = new WeakMap<Store, string>();

function storeBody(store: Store): string {
  let body = storeBodies.get(store);
  if (body === undefined) {
    body = JSON.stringify(z.encode(StoreView, storeViewOf(store)));
    storeBodies.set(store, body);
  }
  return body;
}

export function tenancyRoutes(app: ZodApp, deps: TenancyRouteDeps) {
  app.get(
    '/admin/store/settings',
    {
      schema: {
        tags: ['store', 'admin'],
        summary: "The store's settings, name, language and currency (ADMIN)",
        security: [{ bearer: [] }],
        response: { 200: SettingsView },
      },
    },
    async (req) => readSettings(req.ctx),
  );
  app.patch(
    '/admin/store/settings',
    {
      schema: {
        tags: ['store', 'admin'],
        summary:
          "Change the store's settings (ADMIN): name, language, currency (409 once it has priced offers or orders), time zone, contact, policies, rewards, returns, branding",
        security: [{ bearer: [] }],
        body: StoreSettingsPatch,
        response: { 200: SettingsView },
      },
    },
    async (req) => changeSettings(req.ctx, req.body, deps),
  );
  app.get(
    '/store',
    {
      schema: { tags: ['store'], summary: 'The store this request addresses', response: { 200: StoreView } },
    },
    // the resolver holds the store already: its answer, with no query (currentStore reads it again)
    async (req, reply) => {
      const store = deps.resolvedStore?.(req);
      if (!store) return currentStore(req.ctx);
      return reply.header('content-type', 'application/json; charset=utf-8').send(storeBody(store) as never);
    },
  );
  app.get(
    '/store/policies/:kind',
    {
      schema: {
        tags: ['store'],
        summary: 'One of the store’s policies (terms, privacy, returns, shipping); 404 when it has none',
        params: PolicyParams,
        response: { 200: PolicyView },
      },
    },
    async (req) => policyOf(req.ctx, req.params.kind),
  );
}
