import { z } from 'zod';
import type { ZodApp } from '../../platform/http/app.ts';
import { StoreNotFound } from './tenancy.errors.ts';
import * as tenancy from './tenancy.service.ts';

const StoreView = z.object({
  id: z.string().uuid(),
  name: z.string(),
  status: z.string(),
  currency: z.string(),
  language: z.string(),
  domain: z.string().nullable(),
  customDomain: z.string().nullable(),
});

export function tenancyRoutes(app: ZodApp) {
  app.get(
    '/store',
    {
      schema: { tags: ['store'], summary: 'The store this request addresses', response: { 200: StoreView } },
    },
    async (req) => {
      const store = await tenancy.findStore(req.ctx.db, req.ctx.storeId);
      if (!store) throw new StoreNotFound();
      return {
        id: store.id,
        name: store.name,
        status: store.status,
        currency: store.currency,
        language: store.language,
        domain: store.domain,
        customDomain: store.custom_domain,
      };
    },
  );
}
