import { Readable } from 'node:stream';
import rateLimit from '@fastify/rate-limit';
import type { ZodApp } from '../../platform/http/app.ts';
import { requireRole } from '../../platform/http/authorization.ts';
import { AppError, BadRequest, TooManyRequests } from '../../platform/http/errors.ts';
import { IdParams } from '../../platform/schemas.ts';
import { ImportReport } from './catalog.csv.schemas.ts';
import type { CatalogCsv } from './catalog.csv.ts';
import { CsvTooLarge } from './catalog.errors.ts';
import { OwnOfferList, OwnOfferListQuery } from './catalog.offers.list.ts';
import {
  AdminCategory,
  AdminCategoryList,
  AdminProductList,
  AdminProductListQuery,
  CategoryParams,
  CategoryTree,
  CategoryView,
  CreateCategoryBody,
  CreateFilterBody,
  CreateOfferBody,
  CreateProductBody,
  CreateVariantBody,
  FilterList,
  FilterView,
  ProductList,
  ProductListQuery,
  ProductParams,
  ProductView,
  ReorderCategoriesBody,
  SuggestQuery,
  SuggestView,
  UpdateCategoryBody,
  UpdateOfferBody,
  UpdateProductBody,
  UpdateVariantBody,
} from './catalog.schemas.ts';
import type { CatalogService } from './catalog.service.ts';

const bearer = [{ bearer: [] }];

export interface CsvLimits {
  maxBytes: number;
  maxRows: number;
}

/**
 * The CSV import in a scope of its own: the only place text/csv is accepted (JSON is not), and the
 * only body allowed past the JSON limit. The caller must be staff or a seller before a byte is
 * read; the file is then parsed as a stream, counted against the byte and row limits.
 */
async function csvImportRoute(app: ZodApp, csv: CatalogCsv, limits: CsvLimits) {
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('text/csv', (_req, payload, done) => done(null, payload));
    scope.addHook('onRequest', async (req) => {
      requireRole(req.ctx, 'ADMIN', 'SELLER');
      // Other media types are refused (415) when the body would be parsed, still unread.
      const isCsv = /^text\/csv\s*(;|$)/i.test(req.headers['content-type'] ?? '');
      if (isCsv && Number(req.headers['content-length']) > limits.maxBytes) {
        throw new CsvTooLarge(`The file is larger than ${limits.maxBytes} bytes.`);
      }
    });
    // A refusal mid-file leaves the rest unread: close the connection rather than read it.
    scope.addHook('onError', async (_req, reply, error) => {
      if (error instanceof AppError && error.status === 413) reply.header('connection', 'close');
    });
    scope.post(
      '/admin/products/import',
      {
        schema: {
          tags: ['catalog admin'],
          security: bearer,
          summary: `Import products from a Shopify product CSV (send the file as text/csv, up to ${limits.maxBytes} bytes and ${limits.maxRows} rows)`,
          response: { 200: ImportReport },
        },
      },
      async (req) => {
        if (!(req.body instanceof Readable)) throw new BadRequest('Send the CSV file as text/csv.');
        return csv.importCsv(req.ctx, req.body, limits);
      },
    );
  });
}

export function catalogRoutes(
  catalog: CatalogService,
  csv: CatalogCsv,
  limits: CsvLimits & { searchPerMinute: number },
) {
  return async (app: ZodApp) => {
    await csvImportRoute(app, csv, limits);
    // Browse and search are the public calls that can cost real work: a per-address limit, in a
    // scope of their own so it touches nothing else.
    await app.register(async (scope) => {
      await scope.register(rateLimit, {
        global: false,
        errorResponseBuilder: (_req, context) =>
          new TooManyRequests(Math.max(1, Math.ceil(context.ttl / 1000))),
      });
      searchRoutes(scope as unknown as ZodApp, catalog, {
        rateLimit: { max: limits.searchPerMinute, timeWindow: 60_000 },
      });
    });

    // -------------------------------------------------------------- public
    app.get(
      '/categories',
      { schema: { tags: ['catalog'], summary: 'The category tree', response: { 200: CategoryTree } } },
      async (req) => catalog.categories.tree(req.ctx),
    );
    app.get(
      '/categories/:slug',
      {
        schema: {
          tags: ['catalog'],
          summary: 'A category with breadcrumbs, children and filters',
          params: CategoryParams,
          response: { 200: CategoryView },
        },
      },
      async (req) => catalog.categories.get(req.ctx, req.params.slug),
    );
    app.get(
      '/products/:idOrSlug',
      {
        schema: {
          tags: ['catalog'],
          summary: 'A product page: variants and every seller offer',
          params: ProductParams,
          response: { 200: ProductView },
        },
      },
      async (req) => catalog.browse.getPublicProduct(req.ctx, req.params.idOrSlug),
    );

    // -------------------------------------------------------------- products (ADMIN, SELLER)
    const admin = { tags: ['catalog admin'], security: bearer };
    app.post(
      '/admin/products',
      {
        schema: {
          ...admin,
          summary: 'Create a product with its variants and the creator’s offers',
          body: CreateProductBody,
          response: { 201: ProductView },
        },
      },
      async (req, reply) => reply.code(201).send(await catalog.products.create(req.ctx, req.body)),
    );
    app.get(
      '/admin/products',
      {
        schema: {
          ...admin,
          summary: 'Products by status, newest first (sellers: their own)',
          querystring: AdminProductListQuery,
          response: { 200: AdminProductList },
        },
      },
      async (req) => catalog.browse.adminList(req.ctx, req.query),
    );
    app.get(
      '/admin/products/export',
      { schema: { ...admin, summary: 'Export the store’s products as a Shopify product CSV' } },
      async (req, reply) => {
        const body = await csv.exportCsv(req.ctx);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="products.csv"')
          .send(body);
      },
    );
    app.get(
      '/admin/products/:id',
      {
        schema: {
          ...admin,
          summary: 'A product in any status',
          params: IdParams,
          response: { 200: ProductView },
        },
      },
      async (req) => catalog.browse.getManagedProduct(req.ctx, req.params.id),
    );
    app.patch(
      '/admin/products/:id',
      {
        schema: {
          ...admin,
          summary: 'Change a product (status moves follow the product life cycle)',
          params: IdParams,
          body: UpdateProductBody,
          response: { 200: ProductView },
        },
      },
      async (req) => catalog.products.update(req.ctx, req.params.id, req.body),
    );
    app.delete(
      '/admin/products/:id',
      { schema: { ...admin, summary: 'Delete a product (soft)', params: IdParams } },
      async (req, reply) => {
        await catalog.products.delete(req.ctx, req.params.id);
        return reply.code(204).send();
      },
    );
    app.post(
      '/admin/products/:id/variants',
      {
        schema: {
          ...admin,
          summary: 'Add a variant (with the creator’s offer)',
          params: IdParams,
          body: CreateVariantBody,
          response: { 201: ProductView },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await catalog.products.addVariant(req.ctx, req.params.id, req.body)),
    );
    app.patch(
      '/admin/variants/:id',
      {
        schema: {
          ...admin,
          summary: 'Change a variant',
          params: IdParams,
          body: UpdateVariantBody,
          response: { 200: ProductView },
        },
      },
      async (req) => catalog.products.updateVariant(req.ctx, req.params.id, req.body),
    );
    app.delete(
      '/admin/variants/:id',
      {
        schema: {
          ...admin,
          summary: 'Delete a variant and its offers',
          params: IdParams,
          response: { 200: ProductView },
        },
      },
      async (req) => catalog.products.deleteVariant(req.ctx, req.params.id),
    );
    app.post(
      '/admin/variants/:id/offers',
      {
        schema: {
          ...admin,
          summary: 'Offer an existing variant as this seller (or as the store, for an admin)',
          params: IdParams,
          body: CreateOfferBody,
          response: { 201: ProductView },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await catalog.offers.create(req.ctx, req.params.id, req.body)),
    );
    app.get(
      '/admin/offers',
      {
        schema: {
          ...admin,
          summary: 'The caller’s offers with their product and variant, newest first (a SELLER its own)',
          querystring: OwnOfferListQuery,
          response: { 200: OwnOfferList },
        },
      },
      async (req) => catalog.offers.own(req.ctx, req.query),
    );
    app.patch(
      '/admin/offers/:id',
      {
        schema: {
          ...admin,
          summary: 'Change an offer',
          params: IdParams,
          body: UpdateOfferBody,
          response: { 200: ProductView },
        },
      },
      async (req) => catalog.offers.update(req.ctx, req.params.id, req.body),
    );
    app.delete(
      '/admin/offers/:id',
      { schema: { ...admin, summary: 'Withdraw an offer', params: IdParams } },
      async (req, reply) => {
        await catalog.offers.delete(req.ctx, req.params.id);
        return reply.code(204).send();
      },
    );

    // -------------------------------------------------------------- categories and filters (ADMIN)
    app.get(
      '/admin/categories',
      {
        schema: { ...admin, summary: 'Every category, active or not', response: { 200: AdminCategoryList } },
      },
      async (req) => catalog.categories.adminList(req.ctx),
    );
    app.post(
      '/admin/categories',
      {
        schema: {
          ...admin,
          summary: 'Create a category',
          body: CreateCategoryBody,
          response: { 201: AdminCategory },
        },
      },
      async (req, reply) => reply.code(201).send(await catalog.categories.create(req.ctx, req.body)),
    );
    app.post(
      '/admin/categories/reorder',
      {
        schema: {
          ...admin,
          summary: 'Order the children of a parent (null: the roots)',
          body: ReorderCategoriesBody,
          response: { 200: AdminCategoryList },
        },
      },
      async (req) => catalog.categories.reorder(req.ctx, req.body),
    );
    app.patch(
      '/admin/categories/:id',
      {
        schema: {
          ...admin,
          summary: 'Rename, move (parentId), reorder or deactivate a category',
          params: IdParams,
          body: UpdateCategoryBody,
          response: { 200: AdminCategory },
        },
      },
      async (req) => catalog.categories.update(req.ctx, req.params.id, req.body),
    );
    app.get(
      '/admin/categories/:id/filters',
      {
        schema: {
          ...admin,
          summary: 'A category’s own filters, in their order',
          params: IdParams,
          response: { 200: FilterList },
        },
      },
      async (req) => catalog.categories.listFilters(req.ctx, req.params.id),
    );
    app.post(
      '/admin/categories/:id/filters',
      {
        schema: {
          ...admin,
          summary: 'Add a filter to a category page (and the ones below it)',
          params: IdParams,
          body: CreateFilterBody,
          response: { 201: FilterView },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await catalog.categories.createFilter(req.ctx, req.params.id, req.body)),
    );
    app.delete(
      '/admin/filters/:id',
      { schema: { ...admin, summary: 'Remove a category filter', params: IdParams } },
      async (req, reply) => {
        await catalog.categories.deleteFilter(req.ctx, req.params.id);
        return reply.code(204).send();
      },
    );
  };
}

function searchRoutes(
  app: ZodApp,
  catalog: CatalogService,
  limited: { rateLimit: { max: number; timeWindow: number } },
) {
  app.get(
    '/products',
    {
      config: limited,
      schema: {
        tags: ['catalog'],
        summary: 'Browse and search products',
        description:
          'Filters: category (slug, with descendants), q, minPrice/maxPrice (minor units), brand (repeat or comma-separate), seller, minRating, inStock, and the category filters as `f.<key>` (enum: values, range: `min..max`, boolean: `true`/`false`). The first page carries facet counts.',
        querystring: ProductListQuery,
        response: { 200: ProductList },
      },
    },
    async (req) => catalog.browse.list(req.ctx, req.query),
  );
  app.get(
    '/products/suggest',
    {
      config: limited,
      schema: {
        tags: ['catalog'],
        summary: 'As-you-type suggestions',
        querystring: SuggestQuery,
        response: { 200: SuggestView },
      },
    },
    async (req) => catalog.browse.suggest(req.ctx, req.query.q, req.query.limit),
  );
}
