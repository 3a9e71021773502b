/**
 * Exporting a store's products as Shopify product CSV: one row per variant (and per extra image),
 * read page by page from the database, with formula-leading cells guarded.
 */
import { pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { guardFormula } from '../../platform/csv.ts';
import type { Db } from '../../platform/db/database.ts';
import { CATEGORY_SEPARATOR, CSV_COLUMNS, formatAmount } from './catalog.csv.format.ts';
import type { ProductDetailRow } from './catalog.repository.ts';
import * as repo from './catalog.repository.ts';

const EXPORT_PAGE = 500;

/**
 * The store's products as a CSV stream; `createdBy` keeps it to one seller's own products (in SQL).
 */
export function productsCsv(db: Db, storeId: string, createdBy: string | null, digits: number): Readable {
  async function* rows() {
    let after: string | null = null;
    for (;;) {
      const page = await repo.productDetailPage(db, storeId, after, EXPORT_PAGE, createdBy);
      for (const p of page) for (const row of exportRows(p, digits)) yield row.map(guardFormula);
      if (page.length < EXPORT_PAGE) return;
      after = page.at(-1)!.id;
    }
  }
  return pipeline(Readable.from(rows()), stringify({ header: true, columns: [...CSV_COLUMNS] }), () => {
    // A failed page destroys the stream, which ends the response; the error handler logs it.
  });
}

/** A product's rows: its fields on the first, then a variant and an image per row. */
function exportRows(p: ProductDetailRow, digits: number): string[][] {
  // The product's order, not the variants' jsonb objects (which order their keys by length).
  const optionNames = p.options.map((o) => o.name).slice(0, 3);
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
    const cells: Record<(typeof CSV_COLUMNS)[number], string> = {
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
      'Variant Weight Unit': v?.weight_unit ?? '',
      Status: first ? p.status.toLowerCase() : '',
    };
    rows.push(CSV_COLUMNS.map((c) => cells[c]));
  }
  return rows;
}
