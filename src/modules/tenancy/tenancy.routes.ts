import { z } from 'zod';
import type { ZodApp } from '../../platform/http/app.ts';
import { StoreNotFound } from './tenancy.errors.ts';
import * as tenancy from './tenancy.service.ts';
import { changeSettings, readSettings, StoreSettings, StoreSettingsPatch } from './tenancy.settings.ts';

const StoreView = z.object({
  id: z.string().uuid(),
  name: z.string(),
  status: z.string(),
  currency: z.string(),
  language: z.string(),
  domain: z.string().nullable(),
  customDomain: z.string().nullable(),
});

const SettingsView = StoreSettings.required();

export function tenancyRoutes(app: ZodApp) {
  app.get(
    '/admin/store/settings',
    {
      schema: {
        tags: ['store', 'admin'],
        summary: "The store's settings (ADMIN)",
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
          "Change the store's settings (ADMIN): sellerMaxRewardBp caps the reward rate sellers may set",
        security: [{ bearer: [] }],
        body: StoreSettingsPatch,
        response: { 200: SettingsView },
      },
    },
    async (req) => changeSettings(req.ctx, req.body),
  );
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
