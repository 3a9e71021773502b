import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/database.ts';

export const ROLES = ['CUSTOMER', 'SELLER', 'ADMIN', 'DELIVERY_AGENT', 'SUPER_ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** Who is acting: set by the identity module's authentication hook from a verified access token. */
export interface Actor {
  userId: string;
  storeId: string;
  roles: Role[];
  sessionId?: string;
}

/** The request context every service call takes first. */
export interface Ctx {
  db: Db;
  storeId: string;
  tenantId: string;
  actor: Actor | null;
  requestId: string;
  log: FastifyBaseLogger;
}

/** The same context bound to a transaction, for work that must commit or roll back together. */
export function withDb(ctx: Ctx, db: Db): Ctx {
  return { ...ctx, db };
}
