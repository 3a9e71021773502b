import { z } from 'zod';
import { Currency, Id, Text } from '../../platform/schemas.ts';
import { POLICY_KINDS } from './tenancy.settings.schemas.ts';

/**
 * Where a store is in its life (tenancy.lifecycle.ts): only a PUBLISHED store answers everyone; the
 * others answer their staff (and, unpublished, their preview link); a SUSPENDED one is 503 to buyers.
 */
export const StoreStatus = z.enum(['GENERATING', 'FAILED', 'DRAFT', 'PAID', 'PUBLISHED', 'SUSPENDED']);
export type StoreStatus = z.infer<typeof StoreStatus>;

const AddressView = z.object({
  line1: z.string(),
  line2: z.string().optional(),
  city: z.string(),
  region: z.string().optional(),
  postalCode: z.string(),
  country: z.string(),
});

const ContactView = z.object({
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: AddressView.nullable(),
});

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
  /** The store's time zone (IANA), for the times shown to its staff. */
  timeZone: z.string(),
  /** How buyers reach the store (shown in the storefront's footer). */
  contact: ContactView,
  /** The policies the store has set, each shown at `/policies/{kind}` in the storefront. */
  policies: z.array(z.enum(POLICY_KINDS)),
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

/** The settings as answered: every setting present, defaults filled in, and the store's name, language and currency. */
export const SettingsView = z.object({
  name: z.string(),
  language: z.string(),
  currency: z.string(),
  timeZone: z.string(),
  contact: ContactView,
  policies: z.object(
    Object.fromEntries(POLICY_KINDS.map((k) => [k, z.string().nullable()])) as Record<
      (typeof POLICY_KINDS)[number],
      z.ZodNullable<z.ZodString>
    >,
  ),
  sellerMaxRewardBp: z.number().int(),
  deliveryCodes: z.boolean(),
  returnWindowDays: z.number().int(),
  logoUrl: z.string().nullable(),
  accentColor: z.string().nullable(),
  /** Whether a phone signing in with a one-time code for the first time opens a customer account. */
  phoneSignUp: z.boolean(),
});

/** One of the store's policies, as the storefront shows it at `/policies/{kind}`. */
export const PolicyView = z.object({ kind: z.enum(POLICY_KINDS), title: z.string(), text: z.string() });
export const PolicyParams = z.object({ kind: z.string().max(100) });
