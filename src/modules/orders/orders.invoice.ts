import PDFDocument from 'pdfkit';
import { formatMoney } from '../../platform/money.ts';
import type { ItemRow, OrderRow } from './orders.repository.ts';
import type { Address } from './orders.service.ts';

export interface InvoiceParty {
  name: string;
  /** The seller's items only, in a marketplace order; null for the whole order. */
  sellerId: string | null;
}

function addressLines(a: Address): string[] {
  return [a.name, a.line1, a.line2, `${a.city}, ${a.state} ${a.postalCode}`, a.country, a.phone].filter(
    (l): l is string => typeof l === 'string' && l.length > 0,
  );
}

/**
 * A PDF invoice with a line per item and the tax breakdown by rate. For a marketplace order each
 * seller gets its own invoice over its items (shipping is on the whole-order invoice).
 */
export function renderInvoice(order: OrderRow, allItems: ItemRow[], party: InvoiceParty): Promise<Buffer> {
  const items = party.sellerId ? allItems.filter((i) => i.seller_id === party.sellerId) : allItems;
  const c = order.currency;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: `Invoice ${order.number}`, Author: party.name },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc.fontSize(20).text(`Invoice ${order.number}${party.sellerId ? `-${party.sellerId.slice(-6)}` : ''}`);
  doc
    .fontSize(10)
    .text(party.name)
    .text(`Date: ${order.placed_at.toISOString().slice(0, 10)}`)
    .text(`Status: ${order.status}`);
  doc.moveDown().fontSize(11).text('Bill to:', { underline: true });
  doc.fontSize(10).text(addressLines(order.billing_address as Address).join('\n'));
  doc.moveDown().fontSize(11).text('Ship to:', { underline: true });
  doc.fontSize(10).text(addressLines(order.shipping_address as Address).join('\n'));
  doc.moveDown();

  doc
    .fontSize(11)
    .text('Item', 50, doc.y, { continued: true, width: 250 })
    .text('Qty × price', { align: 'right' });
  for (const item of items) {
    const line = `${item.quantity} × ${formatMoney(item.unit_price_amount, c)} = ${formatMoney(item.subtotal_amount, c)}`;
    doc
      .fontSize(10)
      .text(`${item.name} (${item.sku})`, 50, doc.y, { continued: true, width: 250 })
      .text(line, { align: 'right' });
  }
  doc.moveDown();

  const sum = (pick: (i: ItemRow) => number) => items.reduce((s, i) => s + pick(i), 0);
  const subtotal = sum((i) => i.subtotal_amount);
  const discount = sum((i) => i.discount_amount);
  const shipping = party.sellerId ? 0 : order.shipping_amount;
  const byRate = new Map<number, { base: number; tax: number }>();
  for (const i of items) {
    const entry = byRate.get(i.tax_rate_bp) ?? { base: 0, tax: 0 };
    entry.base += i.subtotal_amount - i.discount_amount;
    entry.tax += i.tax_amount;
    byRate.set(i.tax_rate_bp, entry);
  }
  const tax = sum((i) => i.tax_amount);
  const included = party.sellerId ? 0 : order.tax_included_amount;
  const total = party.sellerId ? subtotal - discount : order.total_amount;
  doc.fontSize(10).text(`Subtotal: ${formatMoney(subtotal, c)}`, { align: 'right' });
  if (discount > 0) doc.text(`Discount: -${formatMoney(discount, c)}`, { align: 'right' });
  doc.text('Tax breakdown:', { align: 'right' });
  for (const [rate, { base, tax: t }] of [...byRate].sort((a, b) => a[0] - b[0])) {
    doc.text(`${(rate / 100).toFixed(2)}% on ${formatMoney(base, c)}: ${formatMoney(t, c)}`, {
      align: 'right',
    });
  }
  doc.text(
    `Tax: ${formatMoney(tax, c)}${included > 0 ? ` (of which ${formatMoney(included, c)} included in prices)` : ''}`,
    { align: 'right' },
  );
  if (!party.sellerId) doc.text(`Shipping: ${formatMoney(shipping, c)}`, { align: 'right' });
  doc.fontSize(12).text(`Total: ${formatMoney(total, c)}`, { align: 'right' });
  doc.end();
  return done;
}
