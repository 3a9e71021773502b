import type { ZodApp } from '../../platform/http/app.ts';
import { SettingsView, StoreView } from './tenancy.schemas.ts';
import { currentStore } from './tenancy.service.ts';
import { changeSettings, readSettings, StoreSettingsPatch } from './tenancy.settings.ts';

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
    async (req) => currentStore(req.ctx),
  );
}
