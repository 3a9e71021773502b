import { z } from 'zod';
import { Currency, Text } from '../../platform/schemas.ts';
import { StoreType } from './generation/generation.schema.ts';

/** POST /platform/stores. */
export const OpenStoreBody = z.strictObject({
  name: Text(200),
  /** The label of `{subdomain}.{PLATFORM_DOMAIN}`: letters, digits and hyphens. */
  subdomain: z.string().max(253),
  storeType: StoreType.optional(),
  /** A description of the business: the store is generated from it (GENERATING, then DRAFT). */
  description: Text(2000).optional(),
  currency: Currency.optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'A language tag such as en or hi-IN.')
    .optional(),
});
export type OpenStoreBody = z.infer<typeof OpenStoreBody>;

export const RegenerateBody = z.strictObject({ description: Text(2000).optional() });

export const PlatformStoreView = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    status: z.string(),
    storeType: z.string(),
    /** The store's whole address, `{subdomain}.{PLATFORM_DOMAIN}`. */
    domain: z.string().nullable(),
    subdomain: z.string().nullable(),
    customDomain: z.string().nullable(),
    currency: z.string(),
    language: z.string(),
    /** The signed link that shows the store before it is published. */
    previewUrl: z.string().nullable(),
    liveUrl: z.string().nullable(),
    /** Where the store is reached (its verified custom domain, else its subdomain): links to it start here. */
    origin: z.string().nullable(),
    publishedAt: z.string().nullable(),
    /** Why generation failed (FAILED), or how the draft was made. */
    statusReason: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'PlatformStore' });
export type PlatformStoreView = z.infer<typeof PlatformStoreView>;

export const StoreHistoryView = z.array(
  z.object({
    from: z.string().nullable(),
    to: z.string(),
    actorId: z.string().nullable(),
    reason: z.string().nullable(),
    at: z.string(),
  }),
);

export const TenantView = z
  .object({
    id: z.string().uuid(),
    businessName: z.string(),
    plan: z.string(),
    /** The plan's store limit (null: unlimited). */
    maxStores: z.number().int().nullable(),
    storeCount: z.number().int(),
    subscriptionStatus: z.string(),
    /** While PAST_DUE: when the stores are suspended unless the subscription is paid. */
    graceUntil: z.string().nullable(),
    /** A plan change waiting for the billing provider (a first payment, or the cycle's end). */
    pendingPlan: z.string().nullable(),
    /** When the tenant's stores were suspended (billing or an operator), else null. */
    suspendedAt: z.string().nullable(),
    /** The platform's domain: the tenant's stores live at `{subdomain}.{platformDomain}`. */
    platformDomain: z.string(),
  })
  .meta({ id: 'Tenant' });
export type TenantView = z.infer<typeof TenantView>;

export const PlanView = z
  .object({
    code: z.string(),
    name: z.string(),
    price: z.object({ amount: z.number().int(), currency: z.string() }),
    period: z.string(),
    limits: z.object({
      stores: z.number().int().nullable(),
      productsPerStore: z.number().int().nullable(),
      staffPerStore: z.number().int().nullable(),
      customDomains: z.number().int().nullable(),
    }),
    transactionFeeBp: z.number().int(),
    active: z.boolean(),
  })
  .meta({ id: 'Plan' });
export type PlanView = z.infer<typeof PlanView>;

const Limit = z.number().int().min(0).max(1_000_000).nullable();

/** PUT /platform/plans/{code} (SUPER_ADMIN): the whole plan. */
export const PlanBody = z.strictObject({
  name: Text(100),
  price: z.object({ amount: z.number().int().min(0).max(2_000_000_000), currency: Currency }),
  period: z.enum(['monthly', 'yearly']),
  limits: z.strictObject({
    stores: Limit,
    productsPerStore: Limit,
    staffPerStore: Limit,
    customDomains: Limit,
  }),
  transactionFeeBp: z.number().int().min(0).max(10_000),
  active: z.boolean().default(true),
});
export type PlanBody = z.infer<typeof PlanBody>;

export const PlanParams = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9_]{1,31}$/, 'Upper-case letters, digits, _.'),
});
