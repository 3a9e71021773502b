import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/database.ts';

export const ROLES = [
  'CUSTOMER',
  'SELLER',
  'ADMIN',
  'DELIVERY_AGENT',
  'SUPER_ADMIN',
  'BUSINESS_OWNER',
] as const;
export type Role = (typeof ROLES)[number];
/** The roles a store's own accounts hold (BUSINESS_OWNER exists only among platform accounts). */
export const STORE_ROLES = ROLES.filter((r): r is Exclude<Role, 'BUSINESS_OWNER'> => r !== 'BUSINESS_OWNER');

/**
 * The realm of platform accounts (business owners, the platform's super administrators and the
 * staff they invite): a store id no store has. Platform routes run in it; see decision 014.
 */
export const PLATFORM_REALM = '00000000-0000-0000-0000-000000000000';

/**
 * What an ADMIN may do beyond reading: each names the calls it opens (docs/security.md). A
 * SUPER_ADMIN holds all of them. Identity exports the list and keeps each admin's set.
 */
export const PERMISSIONS = [
  'orders:refund',
  'rewards:adjust',
  'users:roles',
  'settings:manage',
  'sellers:approve',
  'coupons:manage',
  'reviews:moderate',
  'quotes:manage',
  'audit:read',
  'campaigns:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export function isPermission(name: string): name is Permission {
  return (PERMISSIONS as readonly string[]).includes(name);
}

/** Who is acting: set by the identity module's authentication hook from a verified access token. */
export interface Actor {
  userId: string;
  storeId: string;
  roles: Role[];
  /** The admin permissions the account holds (read with the user on every request). */
  permissions?: readonly Permission[];
  sessionId?: string;
}

/** The request context every service call takes first. */
export interface Ctx {
  db: Db;
  storeId: string;
  tenantId: string;
  actor: Actor | null;
  requestId: string;
  /** The client's address (see TRUST_PROXY), for per-address limits; absent in jobs. */
  ip?: string;
  log: FastifyBaseLogger;
  /**
   * Where reads that may lag a little go (decision 038): a read replica's handle, set for GET
   * requests of principals who have not just written. Read it through `readDb(ctx)`.
   */
  read?: Db;
  /** The principal wrote within DATABASE_READ_STICKY_MS: reads skip replicas and process caches. */
  fresh?: boolean;
}

/** The same context bound to a transaction, for work that must commit or roll back together. */
export function withDb(ctx: Ctx, db: Db): Ctx {
  return { ...ctx, db, read: undefined };
}

/**
 * The handle for reads that may lag a little (the catalog's public reads, the dashboards): the
 * request's replica handle when it has one, else `db`. Inside a transaction always `db`.
 */
export function readDb(ctx: Ctx): Db {
  return ctx.read && !ctx.db.isTransaction ? ctx.read : ctx.db;
}

/**
 * The context of work no request started (jobs, sweeps, seeding, the CLI): the store it acts in,
 * no actor unless one is given. `reason` names the work in its log lines (`requestId`).
 */
export function systemCtx(
  db: Db,
  storeId: string,
  log: FastifyBaseLogger,
  options: { reason?: string; actor?: Actor | null; tenantId?: string } = {},
): Ctx {
  return {
    db,
    storeId,
    tenantId: options.tenantId ?? '',
    actor: options.actor ?? null,
    requestId: options.reason ?? 'system',
    log,
  };
}
