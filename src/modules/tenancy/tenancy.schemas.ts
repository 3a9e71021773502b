import { z } from 'zod';
import { StoreSettings } from './tenancy.settings.ts';

/** The store a request addresses, as the API and other modules see it. */
export const StoreView = z.object({
  id: z.string().uuid(),
  name: z.string(),
  status: z.string(),
  currency: z.string(),
  language: z.string(),
  domain: z.string().nullable(),
  customDomain: z.string().nullable(),
});
export type StoreView = z.infer<typeof StoreView>;

/** The settings as answered: every setting present, defaults filled in. */
export const SettingsView = StoreSettings.required();
