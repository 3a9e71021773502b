import { hasRole, requireRole } from '../../platform/http/authorization.ts';
import type { Ctx } from '../../platform/http/context.ts';

/** Sellers act only on stock they own; undefined = the whole store (ADMIN). */
export type SellerScope = string | undefined;

/** The caller's reach over stock: ADMIN the whole store, SELLER its own offers, anyone else 403. */
export function stockScope(ctx: Ctx): SellerScope {
  const actor = requireRole(ctx, 'ADMIN', 'SELLER');
  return hasRole(actor, 'ADMIN') ? undefined : actor.userId;
}
