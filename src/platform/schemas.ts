/**
 * The shapes every module shares, defined once: money, ids, text, the postal address as stored,
 * and the problem document. Modules build their request and response schemas from these.
 */
import { z } from 'zod';

/** The largest amount (minor units) a price or an entered amount may have: 10^12. */
export const MAX_AMOUNT = 1_000_000_000_000;

export const Currency = z.string().regex(/^[A-Z]{3}$/, 'Use an ISO 4217 code such as INR.');

/** Money in a response: integer minor units and the currency. */
export const MoneyView = z.object({ amount: z.number().int(), currency: z.string() });

/** Money in a request: whole minor units from 0 to MAX_AMOUNT, with an ISO 4217 currency. */
export const MoneyInput = z.object({
  amount: z.number().int().min(0).max(MAX_AMOUNT),
  currency: Currency,
});
export type MoneyInput = z.infer<typeof MoneyInput>;

/**
 * An id in a path or a body. Any string up to 100 characters: an id that names nothing is 404, not
 * 400, whatever its format (API.md).
 */
export const Id = z.string().max(100);
export const IdParams = z.object({ id: Id });

/** Free text of at most `max` characters, trimmed, not empty. */
export const Text = (max: number) => z.string().trim().min(1).max(max);

/** A postal address as stored on an order or a profile (the input shape is identity's AddressInput). */
export const PostalAddress = z.object({
  name: z.string(),
  line1: z.string(),
  line2: z.string().optional(),
  city: z.string(),
  state: z.string(),
  postalCode: z.string(),
  country: z.string(),
  phone: z.string().optional(),
});
export type PostalAddress = z.infer<typeof PostalAddress>;

/** An RFC 9457 problem document, as every error is answered (see http/errors.ts). */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z
      .array(
        z.object({
          pointer: z.string(),
          in: z.enum(['body', 'query', 'params', 'headers']),
          detail: z.string(),
        }),
      )
      .optional(),
  })
  .passthrough();
