/**
 * Product CSV import and export in Shopify's product CSV format: one row per variant (and per extra
 * image), grouped by Handle; the first row of a handle carries the product's fields. Import upserts
 * by handle and SKU, one product per transaction, so bad rows are reported while good ones land and
 * importing the same file twice changes nothing. The format is in `catalog.csv.format.ts`, reading
 * and checking rows in `.parse.ts`, writing them in `.import.ts`, the export in `.export.ts`.
 */
import type { Readable } from 'node:stream';
import { hasRole, requireRole } from '../../platform/http/authorization.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { isUuid } from '../../platform/ids.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { productsCsv } from './catalog.csv.export.ts';
import { fractionDigits } from './catalog.csv.format.ts';
import { CategoryResolver, type ImportRun, importDraft } from './catalog.csv.import.ts';
import {
  type DraftProduct,
  type ImportError,
  parseFile,
  type ReadLimits,
  toDrafts,
} from './catalog.csv.parse.ts';
import type { ImportReport } from './catalog.csv.schemas.ts';
import { CatalogEvents } from './catalog.events.ts';
import { sellerIdOf } from './catalog.rules.ts';
import type { CatalogService, StockPort } from './catalog.service.ts';

export { formatAmount, parseAmount } from './catalog.csv.format.ts';

export interface ImportOptions extends ReadLimits {
  onProgress?: (done: number, total: number) => void;
}

export class CatalogCsv {
  constructor(
    private readonly catalog: CatalogService,
    private readonly deps: { jobs: Jobs; stock?: StockPort | undefined },
  ) {}

  async importCsv(ctx: Ctx, source: string | Readable, options: ImportOptions = {}): Promise<ImportReport> {
    const actor = requireRole(ctx, 'ADMIN', 'SELLER');
    const rows = await parseFile(source, options);
    const currency = await this.catalog.currency(ctx);
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
    const run: ImportRun = {
      ctx,
      actor,
      sellerId: sellerIdOf(ctx, actor),
      currency,
      categories: new CategoryResolver(ctx, hasRole(actor, 'ADMIN')),
      errors,
      jobs: this.deps.jobs,
      stock: this.deps.stock,
      replaceImages: (tx, productId, images) => this.catalog.images.replace(tx, productId, images),
    };
    let done = 0;
    for (const draft of drafts) {
      await importDraft(run, draft, report);
      this.catalog.cache.bump(ctx.storeId);
      options.onProgress?.(++done, drafts.length);
    }
    report.failed += undraftedProducts(drafts, errors);
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

  /**
   * The store's products (a seller's: only the ones it created, filtered in SQL) as a CSV stream,
   * read page by page, with formula-leading cells guarded.
   */
  async exportCsv(ctx: Ctx): Promise<Readable> {
    const actor = requireRole(ctx, 'ADMIN', 'SELLER');
    const currency = await this.catalog.currency(ctx);
    const createdBy = hasRole(actor, 'ADMIN') ? null : actor.userId;
    return productsCsv(ctx.db, ctx.storeId, createdBy, fractionDigits(currency));
  }
}

/** Products whose rows all failed before a draft was made: each handle (or handless row) counts once. */
function undraftedProducts(drafts: DraftProduct[], errors: ImportError[]): number {
  const drafted = new Set(drafts.map((d) => d.handle));
  return new Set(errors.filter((e) => !drafted.has(e.handle ?? '')).map((e) => e.handle ?? `#${e.line}`))
    .size;
}

/**
 * The acting context of a command-line import: a system context (`systemCtx`) of the store, acting
 * as the store's own administrator.
 */
export function operatorContext(ctx: Ctx): Ctx {
  if (!isUuid(ctx.storeId)) throw new Error('Unknown store');
  return { ...ctx, actor: { userId: ctx.storeId, storeId: ctx.storeId, roles: ['ADMIN'] } };
}
