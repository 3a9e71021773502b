/**
 * Product CSV import and export in Shopify's product CSV format: one row per variant (and per extra
 * image), grouped by Handle; the first row of a handle carries the product's fields. Import upserts
 * by handle and SKU, one product per transaction, so bad rows are reported while good ones land and
 * importing the same file twice changes nothing.
 */
import { pipeline, Readable, Transform } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { stringify } from 'csv-stringify';
import type { Db } from '../../platform/db/database.ts';
import { transaction } from '../../platform/db/transaction.ts';
import { hasRole, requireRole } from '../../platform/http/authorization.ts';
import type { Actor, Ctx } from '../../platform/http/context.ts';
import { AppError, BadRequest } from '../../platform/http/errors.ts';
import { isUuid, newId } from '../../platform/ids.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { catalogCache } from './catalog.cache.ts';
import { CsvTooLarge } from './catalog.errors.ts';
import { CatalogEvents } from './catalog.events.ts';
import type { ProductDetailRow, ProductStatus } from './catalog.repository.ts';
import * as repo from './catalog.repository.ts';
import { type CatalogService, type StockPort, sellerIdOf, slugify } from './catalog.service.ts';
import { canTransition } from './catalog.status.ts';

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
  'Status',
] as const;
type Column = (typeof CSV_COLUMNS)[number];
type Row = Partial<Record<Column, string>>;

export interface ImportError {
  line: number;
  handle: string | null;
  reason: string;
}

export interface ImportReport {
  rows: number;
  products: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  errors: ImportError[];
}

interface DraftVariant {
  line: number;
  sku: string;
  options: Record<string, string>;
  price: number;
  compareAt: number | null;
  quantity: number | null;
  grams: number | null;
  barcode: string | null;
}

interface DraftProduct {
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
  variants: DraftVariant[];
  images: Array<{ url: string; position: number; alt: string | null }>;
}

class RowError extends Error {}
/** A product none of whose rows could be used; the rows' own errors are already reported. */
class ProductSkipped extends Error {}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const DECIMAL = /^\d{1,13}(\.\d+)?$/;
const STATUS_IN: Record<string, ProductStatus> = {
  active: 'ACTIVE',
  draft: 'DRAFT',
  archived: 'ARCHIVED',
  inactive: 'INACTIVE',
};
const CATEGORY_SEPARATOR = ' > ';
const EXPORT_PAGE = 500;

function fractionDigits(currency: string): number {
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

export function formatAmount(amount: number, digits: number): string {
  if (digits === 0) return String(amount);
  const s = String(amount).padStart(digits + 1, '0');
  return `${s.slice(0, -digits)}.${s.slice(-digits)}`;
}

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
  try {
    const parsed = new URL(value);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return value;
  } catch {
    // reported below
  }
  throw new RowError(`${column} must be an http(s) URL.`);
}

interface ParsedRow {
  line: number;
  row: Row;
}

export interface ImportOptions {
  /** Larger files are refused (413); unset: no limit (the command line). */
  maxBytes?: number;
  /** Files of more rows are refused (413); unset: no limit. */
  maxRows?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Spreadsheets run a cell that starts with one of these as a formula. Export prefixes such cells
 * with `'` (OWASP's CSV injection advice); a cell already made of quotes and such a character gets
 * one more quote, so import can take exactly one off and every value round-trips.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

export function guardFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function unguardFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
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
async function parseFile(source: string | Readable, options: ImportOptions): Promise<ParsedRow[]> {
  const maxRows = options.maxRows ?? Number.POSITIVE_INFINITY;
  const parser = parse({
    bom: true,
    columns: (header: string[]) => header.map((h) => h.trim()),
    skip_empty_lines: true,
    relax_column_count: true,
    info: true,
  });
  const input = limitedStream(source, options.maxBytes ?? Number.POSITIVE_INFINITY);
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
function toDrafts(rows: ParsedRow[], digits: number, errors: ImportError[]): DraftProduct[] {
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
  const drafts: DraftProduct[] = [];
  for (const [handle, group] of groups) {
    const head = group[0]!;
    let draft: DraftProduct;
    try {
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
      draft = {
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
        variants: [],
        images: [],
      };
      if (draft.description.length > 100_000)
        throw new RowError('Body (HTML) is longer than 100000 characters.');
      if (draft.tags.length > 100 || draft.tags.some((t) => t.length > 100)) {
        throw new RowError('At most 100 tags of at most 100 characters.');
      }
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      errors.push({ line: head.line, handle, reason: error.message });
      for (const r of group.slice(1)) {
        errors.push({ line: r.line, handle, reason: 'Skipped: the product’s first row is invalid.' });
      }
      continue;
    }
    const optionNames = [1, 2, 3].map((n) => text(head.row, `Option${n} Name` as Column, 50));
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
        errors.push({ line: r.line, handle, reason: error.message });
      }
    }
    draft.images.sort((a, b) => a.position - b.position);
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
  const options: Record<string, string> = {};
  names.forEach((name, i) => {
    const value = text(r.row, `Option${i + 1} Value` as Column, 100);
    if (value === null) return;
    // Shopify's single-variant products carry "Title" / "Default Title": no real option.
    if (name === 'Title' && value === 'Default Title') return;
    if (!name)
      throw new RowError(`Option${i + 1} Value has no Option${i + 1} Name on the product’s first row.`);
    options[name] = value;
  });
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
    grams: wholeNumber(r.row, 'Variant Grams', 0, 10_000_000),
    barcode: text(r.row, 'Variant Barcode', 100),
  };
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export class CatalogCsv {
  constructor(
    private readonly catalog: CatalogService,
    private readonly deps: { jobs: Jobs; stock?: StockPort | undefined },
  ) {}

  async importCsv(ctx: Ctx, source: string | Readable, options: ImportOptions = {}): Promise<ImportReport> {
    const actor = requireRole(ctx, 'ADMIN', 'SELLER');
    const rows = await parseFile(source, options);
    const currency = await this.catalog.currency(ctx.db, ctx.storeId);
    const errors: ImportError[] = [];
    const drafts = toDrafts(rows, fractionDigits(currency), errors);
    const report: ImportReport = {
      rows: rows.length,
      products: drafts.length,
      created: 0,
      updated: 0,
      unchanged: 0,
      failed: 0,
      errors,
    };
    const categories = new CategoryResolver(ctx, hasRole(actor, 'ADMIN'));
    let done = 0;
    for (const draft of drafts) {
      try {
        const outcome = await this.upsert(ctx, actor, draft, currency, categories, errors);
        report[outcome]++;
      } catch (error) {
        if (!(error instanceof AppError || error instanceof RowError || error instanceof ProductSkipped))
          throw error;
        report.failed++;
        if (!(error instanceof ProductSkipped)) {
          errors.push({ line: draft.line, handle: draft.handle, reason: error.message });
        }
      }
      catalogCache.bump(ctx.storeId);
      options.onProgress?.(++done, drafts.length);
    }
    const drafted = new Set(drafts.map((d) => d.handle));
    report.failed += new Set(
      errors.filter((e) => !drafted.has(e.handle ?? '')).map((e) => e.handle ?? `#${e.line}`),
    ).size;
    errors.sort((a, b) => a.line - b.line);
    if (report.created + report.updated > 0) {
      await this.deps.jobs.publish(ctx.db, {
        name: CatalogEvents.productsImported,
        storeId: ctx.storeId,
        payload: { created: report.created, updated: report.updated },
      });
    }
    return report;
  }

  private async upsert(
    ctx: Ctx,
    actor: Actor,
    draft: DraftProduct,
    currency: string,
    categories: CategoryResolver,
    errors: ImportError[],
  ): Promise<'created' | 'updated' | 'unchanged'> {
    const category = draft.categoryPath ? await categories.resolve(draft.categoryPath) : null;
    const sellerId = sellerIdOf(ctx, actor);
    return transaction(ctx.db, async (trx) => {
      const existing = await repo.findProductBySlug(trx, ctx.storeId, draft.handle);
      const current = existing
        ? await repo.findProductDetail(trx, ctx.storeId, { id: existing.id }, false)
        : undefined;
      if (current && !hasRole(actor, 'ADMIN') && current.created_by !== actor.userId) {
        throw new RowError('This handle belongs to another seller’s product.');
      }
      // once others offer on it, the product itself (content, variants, images) changes only through staff
      const shared =
        current !== undefined &&
        !hasRole(actor, 'ADMIN') &&
        current.offers.some((o) => o.seller_id !== current.created_by);
      const productId = current?.id ?? newId();
      // Variants whose SKU another product holds are reported and left out; the rest go ahead.
      const variants: DraftVariant[] = [];
      for (const v of draft.variants) {
        const holder = await repo.findVariantBySku(trx, ctx.storeId, v.sku);
        if (holder && holder.product_id !== productId) {
          errors.push({
            line: v.line,
            handle: draft.handle,
            reason: `SKU ${v.sku} belongs to another product.`,
          });
        } else variants.push(v);
      }
      if (variants.length === 0) throw new ProductSkipped();
      if (shared && variants.some((v) => variantChanges(current, v))) throw new RowError(SHARED);
      let changed = false;
      if (!current) {
        await repo.insertProduct(trx, {
          id: productId,
          store_id: ctx.storeId,
          created_by: sellerId,
          ...productFields(draft, category),
          currency,
          published_at: draft.status === 'ACTIVE' ? new Date() : null,
          thumbnail_url: null,
          best_price_amount: null,
          best_compare_at_amount: null,
          best_offer_id: null,
          deleted_at: null,
        });
        changed = true;
      } else {
        const patch = productPatch(current, draft, category);
        if (patch && shared) throw new RowError(SHARED);
        if (patch) {
          if (patch.status && !canTransition(current.status, patch.status)) {
            throw new RowError(`Status cannot go from ${current.status} to ${patch.status}.`);
          }
          if (patch.status === 'ACTIVE' && !current.published_at) patch.published_at = new Date();
          await repo.updateProduct(trx, ctx.storeId, productId, patch);
          changed = true;
        }
      }
      for (const [position, v] of variants.entries()) {
        changed =
          (await this.upsertVariant(trx, ctx, productId, sellerId, current, v, position, currency)) ||
          changed;
      }
      const images = draft.images.map((i) => ({ url: i.url, alt_text: i.alt }));
      if (
        !sameJson(
          images,
          (current?.images ?? []).map((i) => ({ url: i.url, alt_text: i.alt_text })),
        )
      ) {
        if (shared) throw new RowError(SHARED);
        await repo.replaceImages(
          trx,
          ctx.storeId,
          productId,
          draft.images.map((img, i) => ({ id: newId(), url: img.url, altText: img.alt, primary: i === 0 })),
        );
        changed = true;
      }
      if (!changed) return 'unchanged';
      await repo.refreshProductSummary(trx, ctx.storeId, productId);
      await this.deps.jobs.publish(trx, {
        name: current ? CatalogEvents.productUpdated : CatalogEvents.productCreated,
        storeId: ctx.storeId,
        payload: { productId, source: 'import' },
      });
      return current ? 'updated' : 'created';
    });
  }

  /** Creates or updates one variant and the importer's offer on it; true when anything changed. */
  private async upsertVariant(
    trx: Db,
    ctx: Ctx,
    productId: string,
    sellerId: string,
    current: ProductDetailRow | undefined,
    v: DraftVariant,
    position: number,
    currency: string,
  ): Promise<boolean> {
    const existing = current?.variants.find((x) => x.sku === v.sku);
    let changed = false;
    let variantId = existing?.id;
    if (!existing) {
      variantId = newId();
      await repo.insertVariants(trx, [
        {
          id: variantId,
          store_id: ctx.storeId,
          product_id: productId,
          sku: v.sku,
          barcode: v.barcode,
          options: v.options,
          position: current ? await repo.nextVariantPosition(trx, productId) : position,
          weight_grams: v.grams,
          deleted_at: null,
        },
      ]);
      changed = true;
    } else if (variantChanges(current, v)) {
      await repo.updateVariant(trx, ctx.storeId, existing.id, {
        options: v.options,
        barcode: v.barcode,
        weight_grams: v.grams,
      });
      changed = true;
    }
    const offer = current?.offers.find((o) => o.variant_id === variantId && o.seller_id === sellerId);
    if (!offer) {
      const offerId = newId();
      await repo.insertOffers(trx, [
        {
          id: offerId,
          store_id: ctx.storeId,
          product_id: productId,
          variant_id: variantId!,
          seller_id: sellerId,
          seller_product_name: null,
          price_amount: v.price,
          compare_at_amount: v.compareAt,
          currency,
          reward_percent_bp: null,
          deleted_at: null,
        },
      ]);
      if (v.quantity) {
        if (this.deps.stock) {
          await this.deps.stock.receive(
            trx,
            { ...ctx, db: trx },
            { offerId, quantity: v.quantity, reason: 'import' },
          );
        } else await repo.setAvailableQuantity(trx, ctx.storeId, offerId, v.quantity);
      }
      return true;
    }
    if (
      Number(offer.price_amount) !== v.price ||
      (offer.compare_at_amount === null ? null : Number(offer.compare_at_amount)) !== v.compareAt
    ) {
      await repo.updateOffer(trx, ctx.storeId, offer.id, {
        price_amount: v.price,
        compare_at_amount: v.compareAt,
      });
      changed = true;
    }
    // With an inventory module, stock of existing offers is its business (counts, not overwrites).
    if (!this.deps.stock && v.quantity !== null && offer.available_quantity !== v.quantity) {
      await repo.setAvailableQuantity(trx, ctx.storeId, offer.id, v.quantity);
      changed = true;
    }
    return changed;
  }

  /**
   * The store's products (a seller's: only the ones it created, filtered in SQL) as a CSV stream,
   * read page by page, with formula-leading cells guarded.
   */
  async exportCsv(ctx: Ctx): Promise<Readable> {
    const actor = requireRole(ctx, 'ADMIN', 'SELLER');
    const currency = await this.catalog.currency(ctx.db, ctx.storeId);
    const digits = fractionDigits(currency);
    const createdBy = hasRole(actor, 'ADMIN') ? null : actor.userId;
    async function* rows() {
      let after: string | null = null;
      for (;;) {
        const page = await repo.productDetailPage(ctx.db, ctx.storeId, after, EXPORT_PAGE, createdBy);
        for (const p of page) for (const row of exportRows(p, digits)) yield row.map(guardFormula);
        if (page.length < EXPORT_PAGE) return;
        after = page.at(-1)!.id;
      }
    }
    return pipeline(Readable.from(rows()), stringify({ header: true, columns: [...CSV_COLUMNS] }), () => {
      // A failed page destroys the stream, which ends the response; the error handler logs it.
    });
  }
}

function sortedKeys(o: Record<string, string>): Record<string, string> {
  // jsonb orders keys (shorter first, then bytewise); compare in that order.
  return Object.fromEntries(
    Object.entries(o).sort(([a], [b]) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0)),
  );
}

function productFields(draft: DraftProduct, category: { id: string; path: string[] } | null) {
  return {
    name: draft.name,
    slug: draft.handle,
    description: draft.description,
    brand: draft.brand,
    product_type: draft.productType,
    tags: draft.tags,
    seo_title: draft.seoTitle,
    seo_description: draft.seoDescription,
    status: draft.status,
    requires_shipping: draft.requiresShipping,
    category_id: category?.id ?? null,
    category_path: category?.path ?? [],
    short_description: null,
    weight_grams: null,
    dimensions: null,
  };
}

const SHARED = 'Other sellers offer on this product, so only store staff may change it.';

/** Whether importing the variant adds it or changes its options, barcode or weight. */
function variantChanges(current: ProductDetailRow | undefined, v: DraftVariant): boolean {
  const existing = current?.variants.find((x) => x.sku === v.sku);
  return (
    !existing ||
    !sameJson(existing.options, sortedKeys(v.options)) ||
    existing.barcode !== v.barcode ||
    existing.weight_grams !== v.grams
  );
}

function productPatch(
  current: ProductDetailRow,
  draft: DraftProduct,
  category: { id: string; path: string[] } | null,
) {
  const wanted = productFields(draft, category);
  const patch: Parameters<typeof repo.updateProduct>[3] = {};
  const now: Record<string, unknown> = {
    name: current.name,
    description: current.description,
    brand: current.brand,
    product_type: current.product_type,
    tags: current.tags,
    seo_title: current.seo_title,
    seo_description: current.seo_description,
    status: current.status,
    requires_shipping: current.requires_shipping,
    category_id: current.category_id,
  };
  for (const [key, value] of Object.entries(now)) {
    const next = wanted[key as keyof typeof wanted];
    if (!sameJson(value, next)) (patch as Record<string, unknown>)[key] = next;
  }
  if ('category_id' in patch) patch.category_path = wanted.category_path;
  return Object.keys(patch).length ? patch : null;
}

/** Finds categories by their path of names ("Electronics > Phones"), creating missing ones for admins. */
class CategoryResolver {
  private byPath: Map<string, { id: string; path: string[] }> | null = null;

  constructor(
    private readonly ctx: Ctx,
    private readonly mayCreate: boolean,
  ) {}

  async resolve(names: string[]) {
    if (!this.byPath) {
      const rows = await repo.listCategories(this.ctx.db, this.ctx.storeId);
      const byId = new Map(rows.map((r) => [r.id, r]));
      this.byPath = new Map(
        rows.map((r) => [r.path.map((id) => byId.get(id)?.name ?? '').join(CATEGORY_SEPARATOR), r]),
      );
    }
    let parent: { id: string; path: string[] } | null = null;
    for (let depth = 1; depth <= names.length; depth++) {
      const key = names.slice(0, depth).join(CATEGORY_SEPARATOR);
      let found = this.byPath.get(key);
      if (!found) {
        if (!this.mayCreate) throw new RowError(`No category ${key}.`);
        const name = names[depth - 1]!;
        if (!name || name.length > 200) throw new RowError('Product Category has an empty or too long name.');
        const taken = await repo.findSlugs(this.ctx.db, 'categories', this.ctx.storeId, slugify(name, 110));
        let slug = slugify(name, 110);
        for (let n = 2; taken.has(slug); n++) slug = `${slugify(name, 110)}-${n}`;
        const id = newId();
        found = await repo.insertCategory(this.ctx.db, {
          id,
          store_id: this.ctx.storeId,
          parent_id: parent?.id ?? null,
          path: [...(parent?.path ?? []), id],
          slug,
          name,
          description: null,
          image_url: null,
        });
        this.byPath.set(key, found);
      }
      parent = found;
    }
    return parent;
  }
}

function exportRows(p: ProductDetailRow, digits: number): string[][] {
  const optionNames = [...new Set(p.variants.flatMap((v) => Object.keys(v.options)))].slice(0, 3);
  const rows: string[][] = [];
  const count = Math.max(p.variants.length, p.images.length, 1);
  for (let i = 0; i < count; i++) {
    const v = p.variants[i];
    const img = p.images[i];
    const offer = v
      ? (p.offers.find((o) => o.variant_id === v.id && o.seller_id === p.created_by) ??
        p.offers.find((o) => o.variant_id === v.id))
      : undefined;
    const first = i === 0;
    const cells: Record<Column, string> = {
      Handle: p.slug,
      Title: first ? p.name : '',
      'Body (HTML)': first ? p.description : '',
      Vendor: first ? (p.brand ?? '') : '',
      'Product Category': first ? (p.breadcrumbs ?? []).map((c) => c.name).join(CATEGORY_SEPARATOR) : '',
      Type: first ? (p.product_type ?? '') : '',
      Tags: first ? p.tags.join(', ') : '',
      Published: first ? (p.status === 'ACTIVE' ? 'TRUE' : 'FALSE') : '',
      'Option1 Name': first ? (optionNames[0] ?? '') : '',
      'Option1 Value': v && optionNames[0] ? (v.options[optionNames[0]] ?? '') : '',
      'Option2 Name': first ? (optionNames[1] ?? '') : '',
      'Option2 Value': v && optionNames[1] ? (v.options[optionNames[1]] ?? '') : '',
      'Option3 Name': first ? (optionNames[2] ?? '') : '',
      'Option3 Value': v && optionNames[2] ? (v.options[optionNames[2]] ?? '') : '',
      'Variant SKU': v?.sku ?? '',
      'Variant Grams': v?.weight_grams != null ? String(v.weight_grams) : '',
      'Variant Inventory Qty': offer ? String(offer.available_quantity) : '',
      'Variant Price': offer ? formatAmount(Number(offer.price_amount), digits) : '',
      'Variant Compare At Price':
        offer?.compare_at_amount != null ? formatAmount(Number(offer.compare_at_amount), digits) : '',
      'Variant Requires Shipping': v ? (p.requires_shipping ? 'TRUE' : 'FALSE') : '',
      'Variant Barcode': v?.barcode ?? '',
      'Image Src': img?.url ?? '',
      'Image Position': img ? String(img.position) : '',
      'Image Alt Text': img?.alt_text ?? '',
      'SEO Title': first ? (p.seo_title ?? '') : '',
      'SEO Description': first ? (p.seo_description ?? '') : '',
      Status: first ? p.status.toLowerCase() : '',
    };
    rows.push(CSV_COLUMNS.map((c) => cells[c]));
  }
  return rows;
}

/** The acting context of a command-line import: the store's own administrator. */
export function operatorContext(ctx: Omit<Ctx, 'actor'>): Ctx {
  if (!isUuid(ctx.storeId)) throw new Error('Unknown store');
  return { ...ctx, actor: { userId: ctx.storeId, storeId: ctx.storeId, roles: ['ADMIN'] } };
}
