/**
 * The shape of a built-in template: a theme of one store type (a bakery is a grocery theme) with
 * its categories and products. Prices are whole rupees (INR), converted to the store's currency
 * when a store is generated.
 */
import type { StoreType } from '../generation.schema.ts';

/** One choice a product is sold in, with its price as a percentage of the product's base price. */
export interface VariantAxis {
  name: string;
  values: [label: string, percent: number][];
}

export interface CategoryTemplate {
  name: string;
  /** The top-level category it sits under. */
  group: string;
  /** Words of a description that ask for this category (singular, lower case). */
  keywords: string[];
  /** Ends the sentence describing each of its products: "…, {about}." */
  about: string;
  specs: [name: string, value: string][];
  /** Overrides the theme's variant axis. */
  variant?: VariantAxis;
  /** "Name|price in rupees" or "Name|price|brand". */
  products: string[];
}

export interface ThemeTemplate {
  name: string;
  storeType: StoreType;
  /** Words of a description that point at this theme (singular, lower case). */
  keywords: string[];
  /** [primary, accent] pairs, one picked per business name. */
  palettes: [string, string][];
  /** What the shop does, for the home page: "{business} bakes …". */
  pitch: string;
  variant: VariantAxis;
  categories: CategoryTemplate[];
}

/** A single variant for products sold one way only. */
export const ONE_SIZE: VariantAxis = { name: 'Pack', values: [['Standard', 100]] };
