// The category tree (create, rename, move, reorder, deactivate) and each category's filters.
import { isUniqueViolation } from '../../platform/db/transaction.ts';
import { requireRole } from '../../platform/http/authorization.ts';
import { type Ctx, readDb } from '../../platform/http/context.ts';
import { isUuid, newId } from '../../platform/ids.ts';
import type { CatalogCore } from './catalog.core.ts';
import { badField, CategoryNotFound, FilterKeyTaken, FilterNotFound, SlugTaken } from './catalog.errors.ts';
import {
  presentAdminCategory,
  presentCategoryNode,
  presentCategoryPage,
  presentFilter,
} from './catalog.presenters.ts';
import type { CategoryRow } from './catalog.repository.ts';
import * as repo from './catalog.repository.ts';
import { freeSlug, MAX_CATEGORY_DEPTH, slugify } from './catalog.rules.ts';
import type {
  CategoryNodeT,
  CreateCategoryInput,
  CreateFilterInput,
  ReorderCategoriesInput,
  UpdateCategoryInput,
} from './catalog.schemas.ts';

export class CategoryService {
  constructor(private readonly core: CatalogCore) {}

  /** The public tree: active categories only; a hidden parent hides its subtree. */
  async tree(ctx: Ctx): Promise<{ items: CategoryNodeT[] }> {
    const rows = await repo.listCategories(readDb(ctx), ctx.storeId);
    const nodes = new Map<string, CategoryNodeT>();
    for (const c of rows) if (c.is_active) nodes.set(c.id, presentCategoryNode(c));
    const roots: CategoryNodeT[] = [];
    for (const c of rows) {
      const node = nodes.get(c.id);
      if (!node) continue;
      if (c.parent_id === null) roots.push(node);
      else nodes.get(c.parent_id)?.children.push(node); // under an inactive parent: hidden with it
    }
    return { items: roots };
  }

  /** Every category and filter of the store, for resolving `?category=` without a query. */
  index(ctx: Ctx) {
    return this.core.cached(ctx, 'categories', async () => {
      const db = readDb(ctx);
      const [all, filters] = await Promise.all([
        repo.listCategories(db, ctx.storeId),
        repo.listAllFilters(db, ctx.storeId),
      ]);
      return { all, bySlug: new Map(all.map((c) => [c.slug, c])), filters };
    });
  }

  async get(ctx: Ctx, slug: string) {
    const c = await repo.findCategoryDetail(readDb(ctx), ctx.storeId, slug);
    if (!c?.is_active) throw new CategoryNotFound();
    return presentCategoryPage(c);
  }

  async adminList(ctx: Ctx) {
    requireRole(ctx, 'ADMIN');
    const rows = await repo.listCategories(ctx.db, ctx.storeId);
    return { items: rows.map(presentAdminCategory) };
  }

  async create(ctx: Ctx, input: CreateCategoryInput) {
    requireRole(ctx, 'ADMIN');
    return this.core.inTransaction(ctx, async (tx) => {
      await repo.lockCategoryTree(tx.db, tx.storeId);
      const parent = input.parentId ? await repo.findCategory(tx.db, tx.storeId, input.parentId) : null;
      if (input.parentId && !parent) throw badField('/parentId', 'No such category.');
      if (parent && parent.path.length >= MAX_CATEGORY_DEPTH) {
        throw badField('/parentId', `Categories nest at most ${MAX_CATEGORY_DEPTH} deep.`);
      }
      const slug = await this.slug(tx, input.slug, input.name);
      const id = newId();
      const row = await repo.insertCategory(tx.db, {
        id,
        store_id: tx.storeId,
        parent_id: parent?.id ?? null,
        path: [...(parent?.path ?? []), id],
        slug,
        name: input.name,
        description: input.description ?? null,
        image_url: input.imageUrl ?? null,
        ...(input.sortOrder !== undefined ? { sort_order: input.sortOrder } : {}),
        ...(input.isActive !== undefined ? { is_active: input.isActive } : {}),
      });
      return presentAdminCategory(row);
    });
  }

  async update(ctx: Ctx, id: string, input: UpdateCategoryInput) {
    requireRole(ctx, 'ADMIN');
    if (!isUuid(id)) throw new CategoryNotFound();
    return this.core.inTransaction(ctx, async (tx) => {
      await repo.lockCategoryTree(tx.db, tx.storeId);
      const current = await repo.findCategory(tx.db, tx.storeId, id);
      if (!current) throw new CategoryNotFound();
      if (input.parentId !== undefined && input.parentId !== current.parent_id) {
        await this.move(tx, current, input.parentId);
      }
      if (input.slug !== undefined && input.slug !== current.slug) {
        const taken = await repo.findCategoryBySlug(tx.db, tx.storeId, input.slug);
        if (taken) throw new SlugTaken(input.slug);
      }
      const row = await repo.updateCategory(tx.db, tx.storeId, id, {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.slug !== undefined ? { slug: input.slug } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.imageUrl !== undefined ? { image_url: input.imageUrl } : {}),
        ...(input.sortOrder !== undefined ? { sort_order: input.sortOrder } : {}),
        ...(input.isActive !== undefined ? { is_active: input.isActive } : {}),
      });
      return presentAdminCategory(row);
    });
  }

  /** Moves a subtree under a new parent (null: to the root); refuses cycles and over-deep trees. */
  private async move(tx: Ctx, cat: CategoryRow, parentId: string | null) {
    const parent = parentId ? await repo.findCategory(tx.db, tx.storeId, parentId) : null;
    if (parentId && !parent) throw badField('/parentId', 'No such category.');
    if (parent?.path.includes(cat.id)) {
      throw badField('/parentId', 'A category cannot move under itself or one of its descendants.');
    }
    const height = await repo.subtreeDepth(tx.db, tx.storeId, cat.id, cat.path.length);
    if ((parent?.path.length ?? 0) + height > MAX_CATEGORY_DEPTH) {
      throw badField('/parentId', `Categories nest at most ${MAX_CATEGORY_DEPTH} deep.`);
    }
    await repo.moveSubtree(tx.db, tx.storeId, cat.id, cat.path.length, parent?.path ?? []);
    await repo.updateCategory(tx.db, tx.storeId, cat.id, { parent_id: parent?.id ?? null });
  }

  async reorder(ctx: Ctx, input: ReorderCategoriesInput) {
    requireRole(ctx, 'ADMIN');
    await this.core.inTransaction(ctx, async (tx) => {
      await repo.lockCategoryTree(tx.db, tx.storeId);
      const siblings = (await repo.listCategories(tx.db, tx.storeId)).filter(
        (c) => c.parent_id === input.parentId,
      );
      const given = new Set(input.orderedIds);
      if (
        given.size !== input.orderedIds.length ||
        given.size !== siblings.length ||
        siblings.some((c) => !given.has(c.id))
      ) {
        throw badField('/orderedIds', 'List every child of the parent exactly once.');
      }
      await repo.setSortOrders(tx.db, tx.storeId, input.orderedIds);
    });
    return this.adminList(ctx);
  }

  private async slug(ctx: Ctx, wanted: string | undefined, name: string) {
    if (wanted) {
      if (await repo.findCategoryBySlug(ctx.db, ctx.storeId, wanted)) throw new SlugTaken(wanted);
      return wanted;
    }
    const base = slugify(name, 110);
    return freeSlug(base, await repo.findSlugs(ctx.db, 'categories', ctx.storeId, base));
  }

  /** The category a product is filed under, by slug (undefined: none given). */
  async fromSlug(ctx: Ctx, slug: string | undefined) {
    if (slug === undefined) return null;
    const category = await repo.findCategoryBySlug(ctx.db, ctx.storeId, slug);
    if (!category) throw badField('/categorySlug', 'No such category.');
    return category;
  }

  /** A category's own filters (not its ancestors'), in their order; hidden categories too. */
  async listFilters(ctx: Ctx, categoryId: string) {
    requireRole(ctx, 'ADMIN');
    if (!isUuid(categoryId) || !(await repo.findCategory(ctx.db, ctx.storeId, categoryId))) {
      throw new CategoryNotFound();
    }
    const rows = await repo.listAllFilters(ctx.db, ctx.storeId, categoryId);
    return { items: rows.map(presentFilter) };
  }

  async createFilter(ctx: Ctx, categoryId: string, input: CreateFilterInput) {
    requireRole(ctx, 'ADMIN');
    if (!isUuid(categoryId) || !(await repo.findCategory(ctx.db, ctx.storeId, categoryId))) {
      throw new CategoryNotFound();
    }
    try {
      const row = await repo.insertFilter(ctx.db, {
        id: newId(),
        store_id: ctx.storeId,
        category_id: categoryId,
        key: input.key,
        label: input.label,
        kind: input.kind,
        source: input.source,
        source_key: input.sourceKey,
        position: input.position ?? 0,
      });
      this.core.cache.bump(ctx.storeId);
      return presentFilter(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw new FilterKeyTaken(input.key);
      throw error;
    }
  }

  async deleteFilter(ctx: Ctx, id: string) {
    requireRole(ctx, 'ADMIN');
    if (!isUuid(id) || !(await repo.deleteFilter(ctx.db, ctx.storeId, id))) throw new FilterNotFound();
    this.core.cache.bump(ctx.storeId);
  }
}
