// Reference owns the store's reference data: lookups (seed 000 Lookups), the typed value lists
// forms offer instead of hard-coded choices, and terms (seed 000 Terms), versioned documents per
// kind and language with who accepted which version.
import path from 'node:path';
import type { Ctx } from '../../platform/http/context.ts';
import type { BazaarModule, Platform } from '../../platform/module.ts';
import { TermsAcceptance } from './reference.acceptance.ts';
import { Lookups, type LookupUsage } from './reference.lookups.ts';
import { referenceRoutes } from './reference.routes.ts';
import { TermsCache } from './reference.terms.cache.ts';
import { termsRoutes } from './reference.terms.routes.ts';
import { TermsDocuments } from './reference.terms.ts';

export {
  type AcceptanceClient,
  CHECKOUT_KIND,
  type Holder,
  TermsAcceptance,
} from './reference.acceptance.ts';
export { BUILT_IN_TYPES } from './reference.defaults.ts';
export {
  LookupValueInUse,
  TermsAcceptanceRequired,
  TermsVersionNotCurrent,
  UnknownLookupCode,
} from './reference.errors.ts';
export { Lookups, type LookupUsage, labelIn } from './reference.lookups.ts';
export { AcceptedTerms } from './reference.terms.schemas.ts';
export { BUILT_IN_KINDS, TermsDocuments } from './reference.terms.ts';

export interface ReferenceModule extends BazaarModule {
  lookups: Lookups;
  terms: { documents: TermsDocuments; acceptance: TermsAcceptance };
}

export interface ReferenceOptions {
  /** Who refers to a lookup type's values (wired from the modules that store codes). */
  usage?: LookupUsage;
  /** The store's language: what `?lang=` falls back to (tenancy knows it). */
  storeLanguage?: (ctx: Ctx) => Promise<string>;
}

export function createReferenceModule(platform: Platform, options: ReferenceOptions = {}): ReferenceModule {
  const lookups = new Lookups(options.usage ?? {});
  const deps = {
    cache: new TermsCache(platform.invalidations),
    storeLanguage: options.storeLanguage ?? (async () => 'en'),
  };
  const documents = new TermsDocuments(deps);
  const acceptance = new TermsAcceptance(deps);
  return {
    name: 'reference',
    migrations: path.join(import.meta.dirname, 'migrations'),
    lookups,
    terms: { documents, acceptance },
    async routes(app) {
      await referenceRoutes(lookups)(app);
      await termsRoutes(documents, acceptance)(app);
    },
  };
}
