import { z } from 'zod';
import { requirePermission, requireRole } from '../../platform/http/authorization.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { StoreNotFound } from './tenancy.errors.ts';
import * as repo from './tenancy.repository.ts';

const LogoUrl = z
  .string()
  .max(500)
  .regex(/^(\/[^/\\]|https:\/\/)/, 'A path on this server (/...) or an https:// address.');
const AccentColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'A colour as #rrggbb.');

/**
 * A store's own rules, kept in its row (`stores.config.settings`) and read through this typed
 * accessor only. Each setting has a safe default, used as well when a stored value is unreadable.
 */
export const StoreSettings = z.object({
  /** The highest reward rate (basis points) a marketplace seller may put on its offers; staff are not capped. */
  sellerMaxRewardBp: z.number().int().min(0).max(10_000).default(0),
  /** Whether an agent must enter a one-time code the buyer was given to deliver (off by default). */
  deliveryCodes: z.boolean().default(false),
  /** Days after delivery in which a buyer may ask to return items (0: no returns). */
  returnWindowDays: z.number().int().min(0).max(365).default(14),
  /** The storefront's logo: a path on this server (an uploaded image) or an https address. */
  logoUrl: LogoUrl.nullable().default(null),
  /** The storefront's accent colour (links and buttons), `#rrggbb`; the built-in blue when null. */
  accentColor: AccentColor.nullable().default(null),
});
export type StoreSettings = z.infer<typeof StoreSettings>;

/** What an admin may change: any subset of the settings. */
export const StoreSettingsPatch = z.strictObject({
  sellerMaxRewardBp: z.number().int().min(0).max(10_000).optional(),
  deliveryCodes: z.boolean().optional(),
  returnWindowDays: z.number().int().min(0).max(365).optional(),
  logoUrl: LogoUrl.nullable().optional(),
  accentColor: AccentColor.nullable().optional(),
});
export type StoreSettingsPatch = z.infer<typeof StoreSettingsPatch>;

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

/** ADMIN: the settings of the request's store. */
export async function readSettings(ctx: Ctx): Promise<StoreSettings> {
  requireRole(ctx, 'ADMIN');
  return storeSettings(ctx);
}

/**
 * ADMIN with `settings:manage`: changes the given settings of the request's store; the others and
 * the rest of its config stay.
 */
export async function changeSettings(ctx: Ctx, patch: StoreSettingsPatch): Promise<StoreSettings> {
  requirePermission(ctx, 'settings:manage');
  const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  if (Object.keys(changes).length === 0) return storeSettings(ctx);
  const stored = await repo.mergeStoreSettings(ctx.db, ctx.storeId, changes);
  if (stored === undefined) throw new StoreNotFound();
  return fromStored(stored);
}
