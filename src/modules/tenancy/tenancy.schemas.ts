import { z } from 'zod';
import { Currency, Id, Text } from '../../platform/schemas.ts';
import { StoreSettings } from './tenancy.settings.ts';

/**
 * Where a store is in its life (tenancy.lifecycle.ts): only a PUBLISHED store answers everyone; the
 * others answer their staff (and, unpublished, their preview link); a SUSPENDED one is 503 to buyers.
 */
export const StoreStatus = z.enum(['GENERATING', 'FAILED', 'DRAFT', 'PAID', 'PUBLISHED', 'SUSPENDED']);
export type StoreStatus = z.infer<typeof StoreStatus>;

/** The store a request addresses, as the API and other modules see it. */
export const StoreView = z.object({
  id: z.string().uuid(),
  name: z.string(),
  status: z.string(),
  currency: z.string(),
  language: z.string(),
  domain: z.string().nullable(),
  customDomain: z.string().nullable(),
  /** The storefront's look, from the store's settings (null: the built-in one). */
  branding: z.object({ logoUrl: z.string().nullable(), accentColor: z.string().nullable() }),
});
export type StoreView = z.infer<typeof StoreView>;

/** A store as the request hooks, `defaultStore()` and `createStore` hand it out: the view and its tenant. */
export const Store = StoreView.extend({
  status: StoreStatus,
  tenantId: Id,
  isDefault: z.boolean(),
  /** The secret of the store's preview link (null: none). */
  previewToken: z.string().nullable(),
});
export type Store = z.infer<typeof Store>;

/** A store to open: of the given tenant, or of a tenant of its own named after it. */
export const NewStore = z.object({
  name: Text(200),
  status: StoreStatus.default('DRAFT'),
  /** The subdomain label under BASE_DOMAIN. */
  domain: z.string().nullish(),
  customDomain: z.string().nullish(),
  currency: Currency.optional(),
  tenantId: Id.optional(),
  config: z.record(z.string(), z.unknown()).optional(),
});
export type NewStore = z.input<typeof NewStore>;

/** The settings as answered: every setting present, defaults filled in. */
export const SettingsView = StoreSettings.required();
