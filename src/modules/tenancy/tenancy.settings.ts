import { pick, recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { transaction } from '../../platform/db/transaction.ts';
import { requirePermission, requireRole } from '../../platform/http/authorization.ts';
import { type Ctx, withDb } from '../../platform/http/context.ts';
import { CurrencyInUse, StoreNotFound } from './tenancy.errors.ts';
import * as repo from './tenancy.repository.ts';
import { type PolicyKind, StoreSettings, type StoreSettingsPatch } from './tenancy.settings.schemas.ts';

export {
  POLICY_KINDS,
  type PolicyKind,
  type StoreContact,
  StoreSettings,
  StoreSettingsPatch,
} from './tenancy.settings.schemas.ts';

const DEFAULTS: StoreSettings = StoreSettings.parse({});

/** Each stored setting that parses, the default for the others. */
export function fromStored(stored: unknown): StoreSettings {
  const raw = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  const settings: Record<string, unknown> = { ...DEFAULTS };
  for (const [key, schema] of Object.entries(StoreSettings.shape)) {
    const parsed = schema.safeParse(raw[key]);
    if (parsed.success) settings[key] = parsed.data;
  }
  return settings as StoreSettings;
}

/** The settings of the context's store (defaults for what was never set). */
export async function storeSettings(ctx: Pick<Ctx, 'db' | 'storeId'>): Promise<StoreSettings> {
  return fromStored(await repo.findStoreSettings(ctx.db, ctx.storeId));
}

/** The settings and the store's name, language and currency, as an admin sees and changes them. */
export type SettingsAnswer = StoreSettings & { name: string; language: string; currency: string };

/** What changing settings needs besides the request. */
export interface SettingsDeps {
  /** Whether the store has priced offers or orders (then its currency may not change). */
  moneyInUse?: ((db: Db, storeId: string) => Promise<boolean>) | undefined;
  /** Called once the store's settings changed (the store resolver holds what GET /store shows). */
  storeChanged?: (() => void) | undefined;
}

/** ADMIN: the settings of the request's store. */
export async function readSettings(ctx: Ctx): Promise<SettingsAnswer> {
  requireRole(ctx, 'ADMIN');
  return answer(ctx.db, ctx.storeId);
}

/** The text of one of the store's policies, or null when it is unset. */
export async function storePolicy(
  ctx: Pick<Ctx, 'db' | 'storeId'>,
  kind: PolicyKind,
): Promise<string | null> {
  return (await storeSettings(ctx)).policies[kind];
}

/**
 * ADMIN with `settings:manage`: changes the given settings of the request's store in one
 * transaction; the others and the rest of its config stay. A new currency is refused (409) once
 * the store has priced offers or orders, and then nothing changes.
 */
export async function changeSettings(
  ctx: Ctx,
  patch: StoreSettingsPatch,
  deps: SettingsDeps = {},
): Promise<SettingsAnswer> {
  requirePermission(ctx, 'settings:manage');
  const { name, language, currency, contact, policies, ...rest } = patch;
  const columns = defined({ name, language, currency });
  await transaction(ctx.db, async (trx) => {
    const store = await repo.lockStore(trx, ctx.storeId);
    if (!store) throw new StoreNotFound();
    if (currency && currency !== store.currency.trim() && (await deps.moneyInUse?.(trx, ctx.storeId)))
      throw new CurrencyInUse(store.currency.trim());
    const current = fromStored(store.config?.settings);
    const changes: Record<string, unknown> = defined(rest);
    if (contact) changes.contact = { ...current.contact, ...defined(contact) };
    if (policies) changes.policies = { ...current.policies, ...defined(policies) };
    if (Object.keys(changes).length > 0) await repo.mergeStoreSettings(trx, ctx.storeId, changes);
    if (Object.keys(columns).length > 0) await repo.updateStoreProfile(trx, ctx.storeId, columns);
    const was = { ...current, name: store.name, language: store.language, currency: store.currency.trim() };
    const after = { ...changes, ...columns };
    await recordAudit(withDb(ctx, trx), {
      entityType: 'store',
      entityId: ctx.storeId,
      action: 'settings.change',
      before: pick(was, Object.keys(after) as (keyof typeof was)[]),
      after,
    });
  });
  // the resolver holds each store's view (GET /store answers from it): any change reaches it
  if (Object.keys(patch).length > 0) deps.storeChanged?.();
  return answer(ctx.db, ctx.storeId);
}

async function answer(db: Db, storeId: string): Promise<SettingsAnswer> {
  const store = await repo.findStoreById(db, storeId);
  if (!store) throw new StoreNotFound();
  return {
    ...fromStored(store.config?.settings),
    name: store.name,
    language: store.language,
    currency: store.currency.trim(),
  };
}

/** The entries whose value is not undefined. */
function defined<T extends object>(values: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as never;
}
