import { describe, expect, it } from 'vitest';
import { hasRole, requireOwnerOr, requireRole } from '../../src/platform/http/authorization.ts';
import type { Ctx, Role } from '../../src/platform/http/context.ts';
import { AppError } from '../../src/platform/http/errors.ts';

const ctx = (roles: Role[] | null, userId = 'u1'): Ctx =>
  ({ actor: roles ? { userId, storeId: 's', roles } : null, storeId: 's' }) as unknown as Ctx;

const status = (fn: () => unknown) => {
  try {
    fn();
    return 200;
  } catch (error) {
    return (error as AppError).status;
  }
};

describe('authorization toolkit', () => {
  it('requires a role: 401 without an actor, 403 without the role, SUPER_ADMIN passes every check', () => {
    expect(status(() => requireRole(ctx(null), 'ADMIN'))).toBe(401);
    expect(status(() => requireRole(ctx(['CUSTOMER', 'SELLER']), 'ADMIN'))).toBe(403);
    expect(status(() => requireRole(ctx(['ADMIN']), 'ADMIN'))).toBe(200);
    expect(status(() => requireRole(ctx(['SUPER_ADMIN']), 'ADMIN', 'DELIVERY_AGENT'))).toBe(200);
    expect(hasRole(null, 'CUSTOMER')).toBe(false);
  });

  it('requires owner or role, answering 404 to anyone else', () => {
    expect(status(() => requireOwnerOr(ctx(['CUSTOMER'], 'owner'), 'owner', ['ADMIN']))).toBe(200);
    expect(status(() => requireOwnerOr(ctx(['ADMIN'], 'staff'), 'owner', ['ADMIN']))).toBe(200);
    expect(status(() => requireOwnerOr(ctx(['CUSTOMER'], 'other'), 'owner', ['ADMIN']))).toBe(404);
    expect(status(() => requireOwnerOr(ctx(['SELLER'], 'other'), null, ['ADMIN']))).toBe(404);
    expect(status(() => requireOwnerOr(ctx(null), 'owner', ['ADMIN']))).toBe(401);
    const custom = () => new AppError(404, 'order-not-found', 'Not Found');
    expect(() => requireOwnerOr(ctx(['CUSTOMER'], 'x'), 'owner', [], custom)).toThrow(custom());
  });
});
