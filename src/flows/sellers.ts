import type { IdentityService } from '../modules/identity/index.ts';
import type { Ctx } from '../platform/http/context.ts';
import { NotFound } from '../platform/http/errors.ts';

/** Whether a user of the store holds the SELLER role, asked as the caller (an admin). */
export async function isSellerOf(identity: IdentityService, ctx: Ctx, userId: string): Promise<boolean> {
  try {
    return (await identity.admin.get(ctx, userId)).roles.includes('SELLER');
  } catch (error) {
    if (error instanceof NotFound) return false;
    throw error;
  }
}
