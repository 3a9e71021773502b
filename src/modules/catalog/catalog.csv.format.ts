/**
 * Shopify's product CSV as the catalog reads and writes it: the columns, amounts in the currency's
 * decimals and category paths. Parsing, importing and exporting (`catalog.csv.parse.ts`,
 * `.import.ts`, `.export.ts`) share these; the guard against spreadsheet formulas is
 * `platform/csv.ts`, shared with other exports.
 */
import type { WeightUnit } from './catalog.schemas.ts';

export const CSV_COLUMNS = [
  'Handle',
  'Title',
  'Body (HTML)',
  'Vendor',
  'Product Category',
  'Type',
  'Tags',
  'Published',
  'Option1 Name',
  'Option1 Value',
  'Option2 Name',
  'Option2 Value',
  'Option3 Name',
  'Option3 Value',
  'Variant SKU',
  'Variant Grams',
  'Variant Inventory Qty',
  'Variant Price',
  'Variant Compare At Price',
  'Variant Requires Shipping',
  'Variant Barcode',
  'Image Src',
  'Image Position',
  'Image Alt Text',
  'SEO Title',
  'SEO Description',
  'Variant Weight Unit',
  'Status',
] as const;
/** Read when present, never written: a weight in `Variant Weight Unit`, for files without grams. */
const IMPORT_ONLY_COLUMNS = ['Variant Weight'] as const;
export type Column = (typeof CSV_COLUMNS)[number] | (typeof IMPORT_ONLY_COLUMNS)[number];
export type Row = Partial<Record<Column, string>>;

/** A row (or a product's first row) that cannot be used; its message goes to the import report. */
export class RowError extends Error {}

/** "Electronics > Phones": a category by its path of names. */
export const CATEGORY_SEPARATOR = ' > ';

const DECIMAL = /^\d{1,13}(\.\d+)?$/;

export function fractionDigits(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/** "19.99" → 1999 in exact integer arithmetic; more decimals than the currency has is an error. */
export function parseAmount(text: string, digits: number, column: string): number {
  const value = text.trim();
  if (!DECIMAL.test(value)) throw new RowError(`${column} must be a non-negative decimal number.`);
  const [whole, fraction = ''] = value.split('.');
  if (fraction.replace(/0+$/, '').length > digits) {
    throw new RowError(`${column} has more than ${digits} decimal places.`);
  }
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0').slice(0, digits) || '0');
}

const GRAMS_PER: Record<WeightUnit, number> = { g: 1, kg: 1000, lb: 453.59237, oz: 28.349523125 };
export const isWeightUnit = (unit: string): unit is WeightUnit => Object.hasOwn(GRAMS_PER, unit);
const MAX_GRAMS = 10_000_000;

/** "1133.981" → 1134: whole grams, rounded half up on the decimal text itself (no float error). */
export function parseGrams(text: string, column: string): number {
  const value = text.trim();
  if (!DECIMAL.test(value)) throw new RowError(`${column} must be a non-negative number of grams.`);
  const [whole, fraction = ''] = value.split('.');
  const grams = Number(whole) + (fraction !== '' && fraction[0]! >= '5' ? 1 : 0);
  if (grams > MAX_GRAMS) throw new RowError(`${column} is more than ${MAX_GRAMS} grams.`);
  return grams;
}

/** A weight in a unit ("2.5" lb) → whole grams, to the nearest gram. */
export function weightToGrams(text: string, unit: WeightUnit, column: string): number {
  const value = text.trim();
  if (!DECIMAL.test(value)) throw new RowError(`${column} must be a non-negative decimal number.`);
  const grams = Math.round(Number(value) * GRAMS_PER[unit]);
  if (grams > MAX_GRAMS) throw new RowError(`${column} is more than ${MAX_GRAMS} grams.`);
  return grams;
}

export function formatAmount(amount: number, digits: number): string {
  if (digits === 0) return String(amount);
  const s = String(amount).padStart(digits + 1, '0');
  return `${s.slice(0, -digits)}.${s.slice(-digits)}`;
}
