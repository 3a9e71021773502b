import { PHARMACY, PRACTICE } from './clinic.ts';
import { BOUTIQUE, FOOTWEAR } from './fashion.ts';
import { ELECTRONICS, GIFTS } from './general.ts';
import { BAKERY, PRODUCE } from './grocery.ts';
import { CAFE, KITCHEN } from './restaurant.ts';
import type { ThemeTemplate } from './template.ts';

export type { CategoryTemplate, ThemeTemplate, VariantAxis } from './template.ts';

/** Every theme; within a store type, the first is the fallback when no word picks one. */
export const THEMES: readonly ThemeTemplate[] = [
  PRODUCE,
  BAKERY,
  KITCHEN,
  CAFE,
  PRACTICE,
  PHARMACY,
  BOUTIQUE,
  FOOTWEAR,
  GIFTS,
  ELECTRONICS,
];
