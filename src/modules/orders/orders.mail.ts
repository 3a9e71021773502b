import type { Jobs } from '../../platform/jobs/jobs.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { formatMoney } from '../../platform/money.ts';
import type { StoreSender } from '../tenancy/index.ts';
import { OrderEvents } from './orders.events.ts';
import * as repo from './orders.repository.ts';

export const CONFIRMATION_QUEUE = 'orders.confirmation-mail';

/** The order confirmation to the buyer, sent by the worker from the `orders.order.placed` event. */
export function registerConfirmationMail(
  jobs: Jobs,
  mailer: Mailer,
  senderOf: (storeId: string) => Promise<StoreSender | null>,
) {
  jobs.subscribe<{ orderId: string }>(OrderEvents.placed, CONFIRMATION_QUEUE, async (job) => {
    const order = await repo.findOrder(job.db, job.storeId!, job.payload.orderId);
    if (!order) return;
    const items = await repo.itemsOf(job.db, order.store_id, [order.id]);
    const sender = await senderOf(order.store_id);
    const shop = sender?.name ?? 'Bazaar';
    const lines = items.map(
      (i) => `  ${i.quantity} × ${i.name} (${i.sku})  ${formatMoney(i.subtotal_amount, order.currency)}`,
    );
    const text = [
      `Thank you for your order ${order.number} at ${shop}.`,
      '',
      ...lines,
      '',
      `Subtotal: ${formatMoney(order.subtotal_amount, order.currency)}`,
      ...(order.discount_amount > 0
        ? [`Discount: -${formatMoney(order.discount_amount, order.currency)}`]
        : []),
      `Tax: ${formatMoney(order.tax_amount, order.currency)}${order.tax_included_amount > 0 ? ' (included in prices)' : ''}`,
      `Shipping: ${formatMoney(order.shipping_amount, order.currency)}`,
      `Total: ${formatMoney(order.total_amount, order.currency)}`,
      // a signed-in buyer follows the order in the account, at the store's own address
      ...(order.user_id && sender?.origin ? ['', `Follow your order: ${sender.origin}/account`] : []),
      ...(sender?.replyTo ? ['', `Questions? Reply to this mail or write to ${sender.replyTo}.`] : []),
    ].join('\n');
    await mailer.send({
      to: order.email,
      subject: `${shop}: order ${order.number} received`,
      text,
      senderName: shop,
      ...(sender?.replyTo ? { replyTo: sender.replyTo } : {}),
      messageId: `<${job.id}@bazaar>`,
    });
  });
}
