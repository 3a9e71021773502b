// Request and response shapes of terms: versioned documents per kind and language, and acceptances.
import { z } from 'zod';
import { Id } from '../../platform/schemas.ts';

/** A kind of document: the built-in ones, or a store's own (lower-case letters, digits, dashes). */
export const TermsKind = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]{0,39}$/,
    'Lower-case letters, digits and dashes, starting with a letter (at most 40).',
  );
export const Language = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'A language tag such as en or pt-BR.');
export const Audience = z.enum(['BUYER', 'SELLER']);

export const KindParams = z.object({ kind: TermsKind });
export const VersionParams = z.object({
  kind: TermsKind,
  version: z.coerce.number().int().min(1).max(1_000_000),
});
export const VersionIdParams = z.object({ id: Id });
export const LangQuery = z.strictObject({ lang: Language.optional() });

/** One accepted version: the kind and the version number read (GET /terms). */
export const AcceptedTerm = z.strictObject({
  kind: TermsKind,
  version: z.number().int().min(1).max(1_000_000),
});
export const AcceptedTerms = z.array(AcceptedTerm).max(20);
export type AcceptedTerms = z.infer<typeof AcceptedTerms>;
export const AcceptBody = z.strictObject({ acceptedTerms: AcceptedTerms.min(1) });

export const DraftBody = z.strictObject({
  language: Language,
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(100_000),
  /** false for a change that need not ask again (a typo fix); default true */
  requiresAcceptance: z.boolean().optional(),
  /** Who accepts a kind of the store's own (built-in kinds have theirs); default BUYER. */
  audience: Audience.optional(),
});
export type DraftBody = z.infer<typeof DraftBody>;
export const DraftPatch = z.strictObject({
  language: Language.optional(),
  title: z.string().trim().min(1).max(200).optional(),
  body: z.string().trim().min(1).max(100_000).optional(),
  requiresAcceptance: z.boolean().optional(),
});
export type DraftPatch = z.infer<typeof DraftPatch>;

/** A published version as the public reads it. */
export const TermsVersionView = z
  .object({
    kind: z.string(),
    audience: Audience,
    version: z.number().int(),
    language: z.string(),
    title: z.string(),
    body: z.string(),
    requiresAcceptance: z.boolean(),
    current: z.boolean(),
    publishedAt: z.string(),
  })
  .meta({ id: 'TermsVersion' });
export type TermsVersionView = z.infer<typeof TermsVersionView>;

export const TermsListView = z.object({
  items: z.array(
    TermsVersionView.omit({ body: true }).extend({
      /** whether readers must have accepted this kind (a version asked for it; a later typo fix may not) */
      acceptanceRequired: z.boolean(),
    }),
  ),
});

/** A draft or a version as staff see it. */
export const StaffVersionView = z
  .object({
    id: z.string(),
    kind: z.string(),
    status: z.enum(['DRAFT', 'PUBLISHED']),
    version: z.number().int().nullable(),
    language: z.string(),
    title: z.string(),
    body: z.string(),
    requiresAcceptance: z.boolean(),
    current: z.boolean(),
    publishedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'TermsStaffVersion' });
export type StaffVersionView = z.infer<typeof StaffVersionView>;

export const StaffKindView = z.object({
  kind: z.string(),
  audience: Audience,
  builtIn: z.boolean(),
  lastVersion: z.number().int(),
  /** the first version an acceptance must be of (null: nothing to accept) */
  requiredFrom: z.number().int().nullable(),
  versions: z.array(StaffVersionView.omit({ body: true })),
});
export const StaffTermsView = z.object({ items: z.array(StaffKindView) });
export type StaffTermsView = z.infer<typeof StaffTermsView>;

/** What the signed-in user accepted of each kind they are asked to, and what is pending. */
export const MyTermsView = z
  .object({
    items: z.array(
      z.object({
        kind: z.string(),
        audience: Audience,
        title: z.string(),
        /** the current version in the store's language (or the one asked for) */
        currentVersion: z.number().int(),
        language: z.string(),
        requiredFrom: z.number().int().nullable(),
        acceptedVersion: z.number().int().nullable(),
        acceptedAt: z.string().nullable(),
        pending: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'MyTerms' });
export type MyTermsView = z.infer<typeof MyTermsView>;
