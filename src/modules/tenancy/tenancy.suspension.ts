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
import { moveStore, type StoreMove } from './tenancy.lifecycle.ts';

export interface SuspensionResult {
  /** Stores whose status changed. */
  stores: number;
}

/** Suspends every store of the tenant not suspended yet and marks the tenant suspended. */
export function suspendTenant(
  db: Db,
  tenantId: string,
  reason: string,
  actorId: string | null,
): Promise<SuspensionResult> {
  return transaction(db, async (trx) => {
    const stores = await moveEach(trx, tenantId, (store) =>
      store.status === 'SUSPENDED'
        ? null
        : { storeId: store.id, to: 'SUSPENDED', actorId, reason, set: { suspended_from: store.status } },
    );
    await billingRepo.markSuspended(trx, tenantId, reason);
    return { stores };
  });
}

/** Moves every SUSPENDED store of the tenant back to the status it was suspended from. */
export function restoreTenant(
  db: Db,
  tenantId: string,
  reason: string,
  actorId: string | null,
): Promise<SuspensionResult> {
  return transaction(db, async (trx) => {
    const stores = await moveEach(trx, tenantId, (store) =>
      store.status !== 'SUSPENDED'
        ? null
        : {
            storeId: store.id,
            to: store.suspended_from ?? 'DRAFT',
            actorId,
            reason,
            set: { suspended_from: null },
          },
    );
    await billingRepo.markRestored(trx, tenantId);
    return { stores };
  });
}

type LockedStore = Awaited<ReturnType<typeof billingRepo.lockStoresOfTenant>>[number];

/** Locks the tenant's stores and makes the move `pick` names for each (none for null); counts them. */
async function moveEach(db: Db, tenantId: string, pick: (store: LockedStore) => StoreMove | null) {
  let moved = 0;
  for (const store of await billingRepo.lockStoresOfTenant(db, tenantId)) {
    const move = pick(store);
    if (!move) continue;
    await moveStore(db, move);
    moved++;
  }
  return moved;
}
