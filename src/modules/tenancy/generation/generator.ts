/**
 * The store generator's port: a business's own words in, a whole store out. The built-in adapter
 * (`builtin.ts`) needs no network; a model-backed one can take its place behind the same call.
 */
import type { GeneratedStore, StoreGenerationInput } from './generation.schema.ts';

export interface StoreGenerator {
  /** A store for the business, valid against `GeneratedStore`. */
  generate(input: StoreGenerationInput): Promise<GeneratedStore>;
}
