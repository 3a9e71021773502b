import type { Actor, Ctx, Permission, Role } from './context.ts';
import { type AppError, Forbidden, NotFound, Unauthorized } from './errors.ts';

/** The authorization toolkit every module uses; see docs/security.md. */
export function requireActor(ctx: Ctx): Actor {
  if (!ctx.actor) throw new Unauthorized();
  return ctx.actor;
}

export function hasRole(actor: Actor | null, ...roles: Role[]): boolean {
  if (!actor) return false;
  if (actor.roles.includes('SUPER_ADMIN')) return true;
  return roles.some((r) => actor.roles.includes(r));
}

export function requireRole(ctx: Ctx, ...roles: Role[]): Actor {
  const actor = requireActor(ctx);
  if (!hasRole(actor, ...roles)) throw new Forbidden();
  return actor;
}

/**
 * The actor if it is an ADMIN holding `permission` (a SUPER_ADMIN holds every one); 401 without an
 * actor, 403 otherwise, naming the permission.
 */
export function requirePermission(ctx: Ctx, permission: Permission): Actor {
  const actor = requireRole(ctx, 'ADMIN');
  if (actor.roles.includes('SUPER_ADMIN') || actor.permissions?.includes(permission)) return actor;
  throw new Forbidden(`This needs the admin permission ${permission}.`, 'permission-missing');
}

/** True when the actor owns the resource or holds one of the roles (staff of the same store). */
export function isOwnerOr(ctx: Ctx, ownerId: string | null | undefined, ...roles: Role[]): boolean {
  const actor = ctx.actor;
  if (!actor) return false;
  return (ownerId != null && actor.userId === ownerId) || hasRole(actor, ...roles);
}

/**
 * Passes when the actor owns the resource or holds one of the roles. Anyone else is told the
 * resource does not exist (404, not 403), so its existence does not leak; no actor is 401.
 */
export function requireOwnerOr(
  ctx: Ctx,
  ownerId: string | null | undefined,
  roles: Role[],
  notFound: () => AppError = () => new NotFound(),
): Actor {
  const actor = requireActor(ctx);
  if (!isOwnerOr(ctx, ownerId, ...roles)) throw notFound();
  return actor;
}
