import { z } from 'zod';
import { PageQuery } from '../../platform/http/pagination.ts';
import { Text } from '../../platform/schemas.ts';
import { TenantView } from './tenancy.platform.schemas.ts';

/** POST /platform/tenant/subscription: the plan to move to. */
export const SubscriptionBody = z.strictObject({
  plan: z.string().regex(/^[A-Z][A-Z0-9_]{1,31}$/, 'A plan code such as PRO.'),
});

export const SubscriptionChangeView = z
  .object({
    tenant: TenantView,
    /** Where the owner authorises the first charge (Razorpay), else null. */
    checkoutUrl: z.string().nullable(),
    /** The plan the tenant moves to once the provider confirms; null when it moved already. */
    pendingPlan: z.string().nullable(),
    /** When a change at the cycle's end takes effect. */
    effectiveAt: z.string().nullable(),
  })
  .meta({ id: 'SubscriptionChange' });

export const WebhookReceipt = z.object({ received: z.number().int(), outcomes: z.array(z.string()) });

/** GET /platform/tenants (SUPER_ADMIN). */
export const TenantsQuery = PageQuery;

export const TenantSummary = z
  .object({
    id: z.string().uuid(),
    businessName: z.string(),
    plan: z.string(),
    subscriptionStatus: z.string(),
    storeCount: z.number().int(),
    graceUntil: z.string().nullable(),
    suspendedAt: z.string().nullable(),
    suspendedReason: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'TenantSummary' });
export type TenantSummary = z.infer<typeof TenantSummary>;

export const TenantPage = z.object({ items: z.array(TenantSummary), nextCursor: z.string().nullable() });

export const SuspendBody = z.strictObject({ reason: Text(1000) });
export const RestoreBody = z.strictObject({ reason: Text(1000).optional() });

export const SuspensionView = z.object({ tenant: TenantSummary, stores: z.number().int() });
