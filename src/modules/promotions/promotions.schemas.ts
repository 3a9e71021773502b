import { z } from 'zod';
import { PageQuery } from '../../platform/http/pagination.ts';
import { Currency, MoneyView, Text } from '../../platform/schemas.ts';

const Amount = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const Instant = z.string().datetime({ offset: true });

/** What a coupon is made of; the create body requires its identity, a change may name any of the rest. */
const CouponFields = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{3,40}$/, 'Use 3–40 letters, digits, - or _.'),
  description: z.string().trim().max(500).optional(),
  type: z.enum(['AMOUNT', 'PERCENT', 'FREE_SHIPPING']),
  value: Amount.default(0),
  currency: Currency.optional(),
  minOrderAmount: Amount.optional(),
  maxDiscountAmount: Amount.min(1).nullable().optional(),
  startsAt: Instant.nullable().optional(),
  expiresAt: Instant.nullable().optional(),
  usageLimit: z.number().int().min(1).max(100_000_000).nullable().optional(),
  perUserLimit: z.number().int().min(1).max(1_000_000).nullable().optional(),
  active: z.boolean().optional(),
});

export const CouponBody = CouponFields.superRefine((c, issue) => {
  if (c.type === 'PERCENT' && (c.value < 1 || c.value > 10_000)) {
    issue.addIssue({
      code: 'custom',
      path: ['value'],
      message: 'A percentage is given in basis points, 1–10000.',
    });
  }
  if (c.type === 'AMOUNT' && c.value < 1)
    issue.addIssue({ code: 'custom', path: ['value'], message: 'Give an amount ≥ 1.' });
  if (c.startsAt && c.expiresAt && c.expiresAt <= c.startsAt) {
    issue.addIssue({ code: 'custom', path: ['expiresAt'], message: 'Must be after startsAt.' });
  }
});
export type CouponInput = z.output<typeof CouponBody>;

/** A change: code, type and currency are fixed once made; an absent value stays as it is. */
export const CouponPatch = CouponFields.omit({ code: true, type: true, currency: true })
  .extend({ value: Amount.optional() })
  .partial();
export type CouponPatch = z.output<typeof CouponPatch>;

export const CouponView = z.object({
  id: z.string().uuid(),
  code: z.string(),
  description: z.string().nullable(),
  type: z.enum(['AMOUNT', 'PERCENT', 'FREE_SHIPPING']),
  value: z.number().int(),
  currency: z.string(),
  minOrderAmount: MoneyView,
  maxDiscountAmount: MoneyView.nullable(),
  startsAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  usageLimit: z.number().int().nullable(),
  usedCount: z.number().int(),
  perUserLimit: z.number().int().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
});

export const CouponList = z.object({ items: z.array(CouponView), nextCursor: z.string().nullable() });

export const LedgerEntry = z.object({
  id: z.string().uuid(),
  type: z.enum(['EARN', 'REDEEM', 'EXPIRE', 'ADJUST']),
  reason: z.string(),
  points: z.number().int(),
  orderId: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export const RewardsView = z.object({
  balance: z.number().int(),
  pointValue: MoneyView,
  items: z.array(LedgerEntry),
  nextCursor: z.string().nullable(),
});
export const AdjustBody = z.object({
  points: z
    .number()
    .int()
    .min(-1_000_000_000)
    .max(1_000_000_000)
    .refine((p) => p !== 0, 'Must not be zero.'),
  note: Text(500),
});
export { PageQuery };
