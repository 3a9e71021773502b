// Lookups: the store's typed value lists (seed 000 Lookups). A built-in type answers with its
// defaults until the store changes it; the first change makes the list the store's own.
import { transaction } from '../../platform/db/transaction.ts';
import { requirePermission, requireRole } from '../../platform/http/authorization.ts';
import { type Ctx, withDb } from '../../platform/http/context.ts';
import { BUILT_IN_TYPES, type DefaultValue, isBuiltIn } from './reference.defaults.ts';
import {
  LookupNotFound,
  LookupValueInUse,
  LookupValueNotFound,
  UnknownLookupCode,
} from './reference.errors.ts';
import * as repo from './reference.repository.ts';
import type { LookupTypesView, LookupValueView, LookupView, ValueBody } from './reference.schemas.ts';

/**
 * Who refers to a type's values: for each type, a check naming what uses a code (null when
 * nothing does). Wired by the composition root from the modules that store codes.
 */
export type LookupUsage = Record<string, (ctx: Ctx, code: string) => Promise<string | null>>;

type ValueLike = Pick<repo.LookupValueRow, 'code' | 'labels' | 'position' | 'active'>;

/** The label in the language asked, else English, else the first there is. */
export function labelIn(labels: Record<string, string>, lang: string | undefined): string {
  const base = lang?.split('-')[0];
  return (lang && labels[lang]) || (base && labels[base]) || labels.en || Object.values(labels)[0] || '';
}

function present(value: ValueLike, lang: string | undefined): LookupValueView {
  return {
    code: value.code,
    label: labelIn(value.labels, lang),
    labels: value.labels,
    position: value.position,
    active: value.active,
  };
}

const defaultsOf = (type: string): DefaultValue[] => BUILT_IN_TYPES[type]?.values ?? [];

const defaultRows = (type: string): ValueLike[] =>
  defaultsOf(type).map((d, i) => ({ code: d.code, labels: d.labels, position: (i + 1) * 10, active: true }));

export class Lookups {
  constructor(private readonly usage: LookupUsage = {}) {}

  /** A type's values in order (active ones only unless `all`); 404 for a type the store lacks. */
  async get(ctx: Ctx, type: string, options: { lang?: string; all?: boolean } = {}): Promise<LookupView> {
    const customized = await repo.ownsType(ctx.db, ctx.storeId, type);
    if (!customized && !isBuiltIn(type)) throw new LookupNotFound();
    const rows = customized ? await repo.values(ctx.db, ctx.storeId, type, !options.all) : defaultRows(type);
    return { type, customized, values: rows.map((r) => present(r, options.lang)) };
  }

  /** A type with its inactive values too, for staff. */
  async getForStaff(ctx: Ctx, type: string, lang: string | undefined): Promise<LookupView> {
    requireRole(ctx, 'ADMIN');
    return this.get(ctx, type, { lang, all: true });
  }

  /** Every type the store has: the built-in ones and those it made, with their value counts. */
  async types(ctx: Ctx): Promise<LookupTypesView> {
    requireRole(ctx, 'ADMIN');
    const own = new Map((await repo.ownTypes(ctx.db, ctx.storeId)).map((r) => [r.type, r.count]));
    const names = [...new Set([...Object.keys(BUILT_IN_TYPES), ...own.keys()])].sort();
    return {
      items: names.map((type) => ({
        type,
        description: BUILT_IN_TYPES[type]?.description ?? null,
        builtIn: isBuiltIn(type),
        customized: own.has(type),
        count: own.get(type) ?? defaultsOf(type).length,
      })),
    };
  }

  /** Adds or changes a value (a new type starts with it); the type becomes the store's own. */
  async put(ctx: Ctx, type: string, code: string, body: ValueBody): Promise<LookupValueView> {
    requirePermission(ctx, 'settings:manage');
    const row = await transaction(ctx.db, async (trx) => {
      await repo.claimType(trx, ctx.storeId, type, defaultsOf(type));
      const before = await repo.lockValue(trx, ctx.storeId, type, code, 'update');
      return repo.upsertValue(trx, {
        store_id: ctx.storeId,
        type,
        code,
        labels: body.labels,
        position: body.position ?? before?.position ?? 0,
        active: body.active ?? before?.active ?? true,
      });
    });
    return present(row, undefined);
  }

  /**
   * Deletes a value nothing refers to; 409 `lookup-value-in-use` otherwise (turning it off keeps it
   * for what uses it). The value is locked first, so a form choosing it at the same time either
   * commits before the check sees it, or waits and then finds it gone.
   */
  async remove(ctx: Ctx, type: string, code: string): Promise<void> {
    requirePermission(ctx, 'settings:manage');
    if (!isBuiltIn(type) && !(await repo.ownsType(ctx.db, ctx.storeId, type))) throw new LookupNotFound();
    await transaction(ctx.db, async (trx) => {
      await repo.claimType(trx, ctx.storeId, type, defaultsOf(type));
      if (!(await repo.lockValue(trx, ctx.storeId, type, code, 'update'))) throw new LookupValueNotFound();
      const usedBy = await this.usage[type]?.(withDb(ctx, trx), code);
      if (usedBy) throw new LookupValueInUse(type, code, usedBy);
      await repo.deleteValue(trx, ctx.storeId, type, code);
    });
  }

  /**
   * An active value of the type, for a form that stores its code; 400 `unknown-lookup-code` at
   * `pointer` otherwise. Called inside the form's transaction, it holds the value against removal.
   */
  async choose(ctx: Ctx, type: string, code: string, pointer: string): Promise<LookupValueView> {
    const own = await repo.ownsType(ctx.db, ctx.storeId, type);
    const row = own
      ? await repo.lockValue(ctx.db, ctx.storeId, type, code, 'share')
      : defaultRows(type).find((d) => d.code === code);
    if (!row?.active) throw new UnknownLookupCode(type, pointer);
    return present(row, undefined);
  }
}
