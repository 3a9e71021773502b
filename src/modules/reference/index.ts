// Reference owns the store's reference data: lookups (seed 000 Lookups), the typed value lists
// forms offer instead of hard-coded choices.
import path from 'node:path';
import type { BazaarModule, Platform } from '../../platform/module.ts';
import { Lookups, type LookupUsage } from './reference.lookups.ts';
import { referenceRoutes } from './reference.routes.ts';

export { BUILT_IN_TYPES } from './reference.defaults.ts';
export { LookupValueInUse, UnknownLookupCode } from './reference.errors.ts';
export { Lookups, type LookupUsage, labelIn } from './reference.lookups.ts';

export interface ReferenceModule extends BazaarModule {
  lookups: Lookups;
}

export function createReferenceModule(_platform: Platform, usage: LookupUsage = {}): ReferenceModule {
  const lookups = new Lookups(usage);
  return {
    name: 'reference',
    migrations: path.join(import.meta.dirname, 'migrations'),
    lookups,
    routes: referenceRoutes(lookups),
  };
}
