/**
 * Reading a product CSV: the file as a stream within its size and row limits, then its rows
 * grouped by Handle and checked into drafts, one per product. Bad rows become report lines; the
 * rest of the file goes on.
 */
import { Readable, Transform } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import type { z } from 'zod';
import { unguardFormula } from '../../platform/csv.ts';
import { BadRequest } from '../../platform/http/errors.ts';
import { mediaNameOf } from '../media/index.ts';
import {
  CATEGORY_SEPARATOR,
  type Column,
  isWeightUnit,
  parseAmount,
  parseGrams,
  type Row,
  RowError,
  weightToGrams,
} from './catalog.csv.format.ts';
import type { ImportRowError } from './catalog.csv.schemas.ts';
import { CsvTooLarge } from './catalog.errors.ts';
import { deriveOptions, type ProductOption } from './catalog.options.ts';
import type { ProductStatus } from './catalog.repository.ts';
import { slugify } from './catalog.rules.ts';
import type { WeightUnit } from './catalog.schemas.ts';

export type ImportError = z.infer<typeof ImportRowError>;

export interface DraftVariant {
  line: number;
  sku: string;
  options: Record<string, string>;
  price: number;
  compareAt: number | null;
  quantity: number | null;
  grams: number | null;
  weightUnit: WeightUnit | null;
  barcode: string | null;
}

export interface DraftProduct {
  handle: string;
  line: number;
  name: string;
  description: string;
  brand: string | null;
  categoryPath: string[] | null;
  productType: string | null;
  tags: string[];
  status: ProductStatus;
  seoTitle: string | null;
  seoDescription: string | null;
  requiresShipping: boolean;
  /** Option1–3 in column order, values in the order the rows first use them. */
  options: ProductOption[];
  variants: DraftVariant[];
  images: Array<{ url: string; position: number; alt: string | null }>;
}

export interface ParsedRow {
  line: number;
  row: Row;
}

export interface ReadLimits {
  /** Larger files are refused (413); unset: no limit (the command line). */
  maxBytes?: number;
  /** Files of more rows are refused (413); unset: no limit. */
  maxRows?: number;
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const STATUS_IN: Record<string, ProductStatus> = {
  active: 'ACTIVE',
  draft: 'DRAFT',
  archived: 'ARCHIVED',
  inactive: 'INACTIVE',
};

function text(row: Row, column: Column, max: number): string | null {
  const value = row[column]?.trim() ?? '';
  if (value.length > max) throw new RowError(`${column} is longer than ${max} characters.`);
  return value === '' ? null : value;
}

function wholeNumber(row: Row, column: Column, min: number, max: number): number | null {
  const value = row[column]?.trim() ?? '';
  if (value === '') return null;
  if (!/^-?\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new RowError(`${column} must be a whole number from ${min} to ${max}.`);
  }
  return Number(value);
}

function bool(row: Row, column: Column): boolean | null {
  const value = row[column]?.trim().toLowerCase() ?? '';
  if (value === '') return null;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new RowError(`${column} must be TRUE or FALSE.`);
}

function url(row: Row, column: Column): string | null {
  const value = text(row, column, 2000);
  if (value === null) return null;
  // an uploaded image, as the export writes it
  if (mediaNameOf(value)) return value;
  try {
    const parsed = new URL(value);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return value;
  } catch {
    // reported below
  }
  throw new RowError(`${column} must be an http(s) URL or an uploaded image's path.`);
}

/** The source as a stream, refused with 413 once it passes `maxBytes`. */
function limitedStream(source: string | Readable, maxBytes: number): Readable {
  const input = typeof source === 'string' ? Readable.from([source]) : source;
  let bytes = 0;
  const limiter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(bytes > maxBytes ? new CsvTooLarge(`The file is larger than ${maxBytes} bytes.`) : null, chunk);
    },
  });
  // Not pipeline(): it would destroy the request (and the connection) before the 413 is sent.
  input.on('error', (error) => limiter.destroy(error));
  return input.pipe(limiter);
}

/** Parses the file as a stream (no synchronous parse of one big string), up to `maxRows` rows. */
export async function parseFile(source: string | Readable, limits: ReadLimits): Promise<ParsedRow[]> {
  const maxRows = limits.maxRows ?? Number.POSITIVE_INFINITY;
  const parser = parse({
    bom: true,
    columns: (header: string[]) => header.map((h) => h.trim()),
    skip_empty_lines: true,
    relax_column_count: true,
    info: true,
  });
  const input = limitedStream(source, limits.maxBytes ?? Number.POSITIVE_INFINITY);
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  const rows: ParsedRow[] = [];
  // `info.lines` is the line the record ends on; a record's first line is what an editor shows.
  let previousEnd = 1;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Row; info: { lines: number } }>) {
      if (rows.length === 0 && !('Handle' in record && 'Title' in record)) {
        throw new BadRequest(
          'The CSV header must name at least the Handle and Title columns (Shopify product CSV).',
        );
      }
      if (rows.length >= maxRows) throw new CsvTooLarge(`The file has more than ${maxRows} rows.`);
      const row = Object.fromEntries(
        Object.entries(record).map(([column, cell]) => [column, unguardFormula(cell ?? '')]),
      ) as Row;
      rows.push({ line: previousEnd + 1, row });
      previousEnd = info.lines;
    }
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw new BadRequest(`The file is not valid CSV${line ? ` (line ${line})` : ''}: ${error.message}`);
    }
    throw error;
  }
  return rows;
}

/** Groups rows by handle and validates them; bad rows go to `errors`, the rest make drafts. */
export function toDrafts(rows: ParsedRow[], digits: number, errors: ImportError[]): DraftProduct[] {
  const drafts: DraftProduct[] = [];
  for (const [handle, group] of groupByHandle(rows, errors)) {
    const head = group[0]!;
    let draft: DraftProduct;
    try {
      draft = draftHead(handle, head);
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      errors.push({ line: head.line, handle, reason: error.message });
      for (const r of group.slice(1)) {
        errors.push({ line: r.line, handle, reason: 'Skipped: the product’s first row is invalid.' });
      }
      continue;
    }
    addRows(draft, group, digits, errors);
    if (draft.variants.length === 0) {
      if (!errors.some((e) => e.handle === handle)) {
        errors.push({
          line: head.line,
          handle,
          reason: 'A product needs at least one variant row with a price.',
        });
      }
      continue;
    }
    drafts.push(draft);
  }
  return drafts;
}

/** The rows of each handle, in file order; a row without a handle is an error. */
function groupByHandle(rows: ParsedRow[], errors: ImportError[]): Map<string, ParsedRow[]> {
  const groups = new Map<string, ParsedRow[]>();
  for (const r of rows) {
    const handle = r.row.Handle?.trim() ?? '';
    if (!handle) {
      errors.push({ line: r.line, handle: null, reason: 'Handle is required.' });
      continue;
    }
    const group = groups.get(handle);
    if (group) group.push(r);
    else groups.set(handle, [r]);
  }
  return groups;
}

/** The product's own fields, from the first row of its handle. */
function draftHead(handle: string, head: ParsedRow): DraftProduct {
  if (!SLUG.test(handle) || handle.length > 200) {
    throw new RowError('Handle must be lower-case letters, digits and single dashes (at most 200).');
  }
  const name = text(head.row, 'Title', 300);
  if (!name) throw new RowError('Title is required on the first row of a product.');
  const statusText = text(head.row, 'Status', 20)?.toLowerCase();
  const published = bool(head.row, 'Published');
  const status = statusText ? STATUS_IN[statusText] : published === false ? 'DRAFT' : 'ACTIVE';
  if (!status) throw new RowError('Status must be active, draft, archived or inactive.');
  const category = text(head.row, 'Product Category', 1000);
  const draft: DraftProduct = {
    handle,
    line: head.line,
    name,
    description: head.row['Body (HTML)'] ?? '',
    brand: text(head.row, 'Vendor', 120),
    categoryPath: category ? category.split(CATEGORY_SEPARATOR.trim()).map((c) => c.trim()) : null,
    productType: text(head.row, 'Type', 120),
    tags: [
      ...new Set(
        (head.row.Tags ?? '')
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
      ),
    ],
    status,
    seoTitle: text(head.row, 'SEO Title', 300),
    seoDescription: text(head.row, 'SEO Description', 1000),
    requiresShipping: bool(head.row, 'Variant Requires Shipping') ?? true,
    options: [],
    variants: [],
    images: [],
  };
  if (draft.description.length > 100_000) throw new RowError('Body (HTML) is longer than 100000 characters.');
  if (draft.tags.length > 100 || draft.tags.some((t) => t.length > 100)) {
    throw new RowError('At most 100 tags of at most 100 characters.');
  }
  return draft;
}

/** Each row of the handle may add an image and a variant; a bad row is reported and left out. */
function addRows(draft: DraftProduct, group: ParsedRow[], digits: number, errors: ImportError[]) {
  const optionNames = [1, 2, 3].map((n) => text(group[0]!.row, `Option${n} Name` as Column, 50));
  const skus = new Set<string>();
  for (const r of group) {
    try {
      const image = url(r.row, 'Image Src');
      if (image) {
        const position = wholeNumber(r.row, 'Image Position', 1, 1000) ?? draft.images.length + 1;
        draft.images.push({ url: image, position, alt: text(r.row, 'Image Alt Text', 500) });
      }
      const variant = toVariant(r, draft, optionNames, digits);
      if (!variant) continue;
      if (skus.has(variant.sku)) throw new RowError(`SKU ${variant.sku} appears twice for this product.`);
      skus.add(variant.sku);
      draft.variants.push(variant);
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      errors.push({ line: r.line, handle: draft.handle, reason: error.message });
    }
  }
  draft.images.sort((a, b) => a.position - b.position);
  // Each variant names every option in column order, so the first one gives the options' order.
  draft.options = deriveOptions(draft.variants.map((v) => v.options));
}

function toVariant(
  r: ParsedRow,
  draft: DraftProduct,
  names: (string | null)[],
  digits: number,
): DraftVariant | null {
  const priceText = r.row['Variant Price']?.trim() ?? '';
  const hasVariant =
    priceText !== '' ||
    (r.row['Variant SKU']?.trim() ?? '') !== '' ||
    (r.row['Option1 Value']?.trim() ?? '') !== '';
  if (!hasVariant) return null;
  if (priceText === '') throw new RowError('Variant Price is required on a variant row.');
  const options = variantOptions(r, names);
  const sku =
    text(r.row, 'Variant SKU', 100) ??
    [draft.handle, ...Object.values(options).map((v) => slugify(v, 30))].join('-').slice(0, 100);
  const compareText = r.row['Variant Compare At Price']?.trim() ?? '';
  return {
    line: r.line,
    sku,
    options,
    price: parseAmount(priceText, digits, 'Variant Price'),
    compareAt: compareText ? parseAmount(compareText, digits, 'Variant Compare At Price') : null,
    quantity: wholeNumber(r.row, 'Variant Inventory Qty', 0, 1_000_000_000),
    ...weight(r.row),
    barcode: text(r.row, 'Variant Barcode', 100),
  };
}

/** The row's value of each option the product names (Option1–3 in that order); none may be left out. */
function variantOptions(r: ParsedRow, names: (string | null)[]): Record<string, string> {
  const options: Record<string, string> = {};
  names.forEach((name, i) => {
    const value = text(r.row, `Option${i + 1} Value` as Column, 100);
    // Shopify's single-variant products carry "Title" / "Default Title": no real option.
    if (name === 'Title' && value === 'Default Title') return;
    if (value === null) {
      if (name) throw new RowError(`Option${i + 1} Value is required: the product has the option ${name}.`);
      return;
    }
    if (!name)
      throw new RowError(`Option${i + 1} Value has no Option${i + 1} Name on the product’s first row.`);
    options[name] = value;
  });
  return options;
}

/**
 * Whole grams and the unit they are shown in. `Variant Grams` (Shopify's own weight, in grams,
 * decimals rounded half up) wins; only without it is `Variant Weight` read in `Variant Weight Unit`.
 */
function weight(row: Row): { grams: number | null; weightUnit: WeightUnit | null } {
  const unitText = text(row, 'Variant Weight Unit', 10)?.toLowerCase() ?? null;
  if (unitText !== null && !isWeightUnit(unitText)) {
    throw new RowError('Variant Weight Unit must be g, kg, lb or oz.');
  }
  const unit = unitText;
  const grams = text(row, 'Variant Grams', 30);
  if (grams !== null) return { grams: parseGrams(grams, 'Variant Grams'), weightUnit: unit };
  const inUnit = text(row, 'Variant Weight', 30);
  if (inUnit === null) return { grams: null, weightUnit: unit };
  if (unit === null) throw new RowError('Variant Weight needs a Variant Weight Unit (g, kg, lb or oz).');
  return { grams: weightToGrams(inUnit, unit, 'Variant Weight'), weightUnit: unit };
}
