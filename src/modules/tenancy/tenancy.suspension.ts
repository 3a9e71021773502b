/**
 * Suspending a tenant: every store it has that is not SUSPENDED already becomes SUSPENDED, keeping
 * the status it had (`suspended_from`), and restoring moves each back there. Both are idempotent
 * and run in the caller's transaction; the caller invalidates the store resolver after commit.
 * A suspended store answers 503 to buyers and still lets its staff in (index.ts hooks), so carts,
 * orders and settings are untouched.
 */
import type { Db } from '../../platform/db/database.ts';
import { transaction } from '../../platform/db/transaction.ts';
import * as billingRepo from './tenancy.billing.repository.ts';
import { moveStore } from './tenancy.lifecycle.ts';

export interface SuspensionResult {
  /** Stores whose status changed. */
  stores: number;
}

/** Suspends every store of the tenant not suspended yet and marks the tenant suspended. */
export async function suspendTenant(
  db: Db,
  tenantId: string,
  reason: string,
  actorId: string | null,
): Promise<SuspensionResult> {
  return transaction(db, async (trx) => {
    const stores = await billingRepo.lockStoresOfTenant(trx, tenantId);
    let moved = 0;
    for (const store of stores) {
      if (store.status === 'SUSPENDED') continue;
      await moveStore(trx, {
        storeId: store.id,
        to: 'SUSPENDED',
        actorId,
        reason,
        set: { suspended_from: store.status },
      });
      moved++;
    }
    await billingRepo.markSuspended(trx, tenantId, reason);
    return { stores: moved };
  });
}

/** Moves every SUSPENDED store of the tenant back to the status it was suspended from. */
export async function restoreTenant(
  db: Db,
  tenantId: string,
  reason: string,
  actorId: string | null,
): Promise<SuspensionResult> {
  return transaction(db, async (trx) => {
    const stores = await billingRepo.lockStoresOfTenant(trx, tenantId);
    let moved = 0;
    for (const store of stores) {
      if (store.status !== 'SUSPENDED') continue;
      await moveStore(trx, {
        storeId: store.id,
        to: store.suspended_from ?? 'DRAFT',
        actorId,
        reason,
        set: { suspended_from: null },
      });
      moved++;
    }
    await billingRepo.markRestored(trx, tenantId);
    return { stores: moved };
  });
}
