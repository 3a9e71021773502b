/**
 * The shapes every module shares, defined once: money, ids, text, the postal address as stored,
 * and the problem document. Modules build their request and response schemas from these.
 */
import { z } from 'zod';

/** The largest amount (minor units) a price or an entered amount may have: 10^12. */
export const MAX_AMOUNT = 1_000_000_000_000;

export const Currency = z.string().regex(/^[A-Z]{3}$/, 'Use an ISO 4217 code such as INR.');

/** Money in a response: integer minor units and the currency. */
export const MoneyView = z.object({ amount: z.number().int(), currency: z.string() }).meta({ id: 'Money' });

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
export const PostalAddress = z
  .object({
    name: z.string(),
    line1: z.string(),
    line2: z.string().optional(),
    city: z.string(),
    state: z.string(),
    postalCode: z.string(),
    country: z.string(),
    phone: z.string().optional(),
  })
  .meta({ id: 'PostalAddress' });
export type PostalAddress = z.infer<typeof PostalAddress>;

/** Where a request is wrong: a JSON Pointer into the part of the request `in` names. */
export const FieldError = z
  .object({
    pointer: z.string(),
    in: z.enum(['body', 'query', 'params', 'headers']),
    detail: z.string(),
  })
  .meta({ id: 'FieldError' });

/**
 * An RFC 9457 problem document, as every error is answered (see http/errors.ts): `type` is
 * `/problems/<code>`, stable; a validation failure lists its `errors`; some codes add members of
 * their own (a conflict's `from` and `to`, a limit's `limit`). A named component of the OpenAPI
 * document, which every error response references.
 */
export const Problem = z
  .looseObject({
    type: z.string().describe('`/problems/<code>`: the stable code of the error.'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional().describe('The path of the request that failed.'),
    errors: z.array(FieldError).optional().describe('Each invalid field, on a validation failure.'),
  })
  .meta({ id: 'Problem' });
