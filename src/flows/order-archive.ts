// What the orders archive asks of the other modules before an old final order moves (decision
// 037): fulfilment keeps hot an order with a return still open, payments one with money in motion.
import { ordersWithOpenReturns } from '../modules/fulfillment/index.ts';
import type { OrderArchive } from '../modules/orders/index.ts';
import { ordersWithMoneyInFlight } from '../modules/payments/index.ts';

/** Wires the archive's guards; called once at assembly. */
export function wireOrderArchive(archive: OrderArchive): void {
  archive.useGuard(ordersWithOpenReturns);
  archive.useGuard(ordersWithMoneyInFlight);
}
