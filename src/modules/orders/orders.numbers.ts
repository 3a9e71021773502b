// Order numbers: each store's own sequence from 100001, taken in blocks per process.
import type { Db } from '../../platform/db/database.ts';
import { takeOrderNumbers } from './orders.repository.ts';

/** How many numbers a process takes from a store's counter at a time. */
export const ORDER_NUMBER_BLOCK = 20;

/**
 * Hands out a store's order numbers from blocks taken from its counter row, one statement of its
 * own (never inside an order's transaction, so checkouts never queue on the counter's lock) per
 * block rather than per order. Numbers are never given twice; a process that stops leaves the rest
 * of its block unused (gaps, as a failed checkout leaves one), and numbers of orders placed in
 * two processes at once need not follow the order they were placed in.
 */
export class OrderNumbers {
  private readonly blocks = new Map<string, { next: number; last: number }>();
  private readonly refills = new Map<string, Promise<void>>();

  constructor(private readonly blockSize = ORDER_NUMBER_BLOCK) {}

  async next(db: Db, storeId: string): Promise<string> {
    // inside a transaction, a block could be rolled back after its numbers were handed out
    if (db.isTransaction) return String(await takeOrderNumbers(db, storeId, 1));
    for (;;) {
      const block = this.blocks.get(storeId);
      if (block && block.next <= block.last) return String(block.next++);
      let refill = this.refills.get(storeId);
      if (!refill) {
        refill = takeOrderNumbers(db, storeId, this.blockSize)
          .then((last) => {
            this.blocks.set(storeId, { next: last - this.blockSize + 1, last });
          })
          .finally(() => this.refills.delete(storeId));
        this.refills.set(storeId, refill);
      }
      await refill;
    }
  }
}
