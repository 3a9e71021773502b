import { z } from 'zod';
import { IdParams } from '../../platform/schemas.ts';

/** The providers that keep saved cards (decision 033). */
export const VAULT_PROVIDERS = ['stripe', 'razorpay'] as const;

export const SetupBody = z.object({ provider: z.enum(VAULT_PROVIDERS) }).strict();

export const SetupView = z.object({
  provider: z.enum(VAULT_PROVIDERS),
  setupId: z.string().describe('The SetupIntent (Stripe) or the authorisation order (Razorpay)'),
  clientSecret: z.string().nullable().describe('For Stripe.js to confirm the SetupIntent'),
  nextAction: z.record(z.string(), z.unknown()),
});

const Ref = z.string().trim().min(1).max(200);

export const SaveBody = z
  .object({
    provider: z.enum(VAULT_PROVIDERS),
    setupId: Ref.optional().describe('Stripe: the SetupIntent the client confirmed'),
    token: Ref.optional().describe('Razorpay: the token the authorisation payment created'),
    testCard: z
      .string()
      .regex(/^pm_card_[A-Za-z0-9_]{1,40}$/)
      .optional()
      .describe('Development and tests only: confirm the SetupIntent with this Stripe test card'),
  })
  .strict()
  .refine((b) => (b.provider === 'stripe' ? b.setupId : b.token) !== undefined, {
    path: ['setupId'],
    message: 'Give the setupId (Stripe) or the token (Razorpay).',
  });
export type SaveBody = z.infer<typeof SaveBody>;

/** A saved card as its owner sees it: display fields only, never the provider's token. */
export const SavedMethodView = z.object({
  id: z.uuid(),
  provider: z.string(),
  type: z.string(),
  brand: z.string(),
  last4: z.string(),
  expMonth: z.number().int(),
  expYear: z.number().int(),
  isDefault: z.boolean(),
  createdAt: z.string(),
});
export type SavedMethodView = z.infer<typeof SavedMethodView>;

export const SavedMethodList = z.object({ items: z.array(SavedMethodView), nextCursor: z.null() });

export const SavedMethodParams = IdParams;
