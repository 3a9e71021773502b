import { z } from 'zod';
import { Text } from '../../platform/schemas.ts';

export const LookupType = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]{0,39}$/,
    'Lower-case letters, digits and dashes, starting with a letter (at most 40).',
  );
export const LookupCode = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'Letters, digits, dot, dash or underscore (at most 64).');
/** A language tag such as en, hi or pt-BR. */
const Language = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'A language tag such as en or pt-BR.');

export const TypeParams = z.object({ type: LookupType });
export const ValueParams = z.object({ type: LookupType, code: LookupCode });

export const LookupQuery = z.strictObject({
  /** The language of `label`; the English label, then any, when the value has none in it. */
  lang: Language.optional(),
});
export type LookupQuery = z.infer<typeof LookupQuery>;

export const ValueBody = z.strictObject({
  labels: z
    .record(Language, Text(200))
    .refine((labels) => Object.keys(labels).length >= 1, 'At least one label.')
    .refine((labels) => Object.keys(labels).length <= 20, 'At most 20 languages.'),
  position: z.number().int().min(0).max(100_000).optional(),
  active: z.boolean().optional(),
});
export type ValueBody = z.infer<typeof ValueBody>;

export const LookupValueView = z
  .object({
    code: z.string(),
    label: z.string(),
    labels: z.record(z.string(), z.string()),
    position: z.number().int(),
    active: z.boolean(),
  })
  .meta({ id: 'LookupValue' });
export type LookupValueView = z.infer<typeof LookupValueView>;

export const LookupView = z
  .object({
    type: z.string(),
    /** false while the store answers with the shipped defaults */
    customized: z.boolean(),
    values: z.array(LookupValueView),
  })
  .meta({ id: 'Lookup' });
export type LookupView = z.infer<typeof LookupView>;

export const LookupTypesView = z.object({
  items: z.array(
    z.object({
      type: z.string(),
      description: z.string().nullable(),
      builtIn: z.boolean(),
      customized: z.boolean(),
      count: z.number().int(),
    }),
  ),
});
export type LookupTypesView = z.infer<typeof LookupTypesView>;
