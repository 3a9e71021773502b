import PDFDocument from 'pdfkit';
import { formatMoney } from '../../platform/money.ts';
import type { PostalAddress } from '../../platform/schemas.ts';
import type { ItemRow, OrderRow } from './orders.repository.ts';
import { type PartTotals, partTotals } from './orders.totals.ts';

export interface InvoiceParty {
  name: string;
  /** The seller's items only, in a marketplace order; null for the whole order. */
  sellerId: string | null;
}

function addressLines(a: PostalAddress): string[] {
  return [a.name, a.line1, a.line2, `${a.city}, ${a.state} ${a.postalCode}`, a.country, a.phone].filter(
    (l): l is string => typeof l === 'string' && l.length > 0,
  );
}

/** What an invoice shows: its items, the tax by rate, and the totals the API shows for that part. */
export interface InvoiceFigures extends PartTotals {
  items: ItemRow[];
  byRate: { rateBp: number; base: number; tax: number }[];
}

/**
 * The numbers of an invoice for the whole order or one seller's part, from the same function as
 * the order's API view (`partTotals`), so a seller's invoice total includes its exclusive tax.
 */
export function invoiceFigures(
  order: OrderRow,
  allItems: ItemRow[],
  sellerId: string | null,
): InvoiceFigures {
  const items = sellerId ? allItems.filter((i) => i.seller_id === sellerId) : allItems;
  const byRate = new Map<number, { rateBp: number; base: number; tax: number }>();
  for (const i of items) {
    const entry = byRate.get(i.tax_rate_bp) ?? { rateBp: i.tax_rate_bp, base: 0, tax: 0 };
    entry.base += i.subtotal_amount - i.discount_amount;
    entry.tax += i.tax_amount;
    byRate.set(i.tax_rate_bp, entry);
  }
  return {
    ...partTotals(order, allItems, sellerId),
    items,
    byRate: [...byRate.values()].sort((a, b) => a.rateBp - b.rateBp),
  };
}

/**
 * A PDF invoice with a line per item and the tax breakdown by rate. For a marketplace order each
 * seller gets its own invoice over its items (shipping is on the whole-order invoice).
 */
export function renderInvoice(order: OrderRow, allItems: ItemRow[], party: InvoiceParty): Promise<Buffer> {
  const figures = invoiceFigures(order, allItems, party.sellerId);
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
  doc.fontSize(10).text(addressLines(order.billing_address as PostalAddress).join('\n'));
  doc.moveDown().fontSize(11).text('Ship to:', { underline: true });
  doc.fontSize(10).text(addressLines(order.shipping_address as PostalAddress).join('\n'));
  doc.moveDown();

  doc
    .fontSize(11)
    .text('Item', 50, doc.y, { continued: true, width: 250 })
    .text('Qty × price', { align: 'right' });
  for (const item of figures.items) {
    const line = `${item.quantity} × ${formatMoney(item.unit_price_amount, c)} = ${formatMoney(item.subtotal_amount, c)}`;
    doc
      .fontSize(10)
      .text(`${item.name} (${item.sku})`, 50, doc.y, { continued: true, width: 250 })
      .text(line, { align: 'right' });
  }
  doc.moveDown();
  renderTotals(doc, figures, c, party.sellerId === null);
  doc.end();
  return done;
}

function renderTotals(doc: PDFKit.PDFDocument, f: InvoiceFigures, c: string, wholeOrder: boolean) {
  const right = { align: 'right' } as const;
  doc.fontSize(10).text(`Subtotal: ${formatMoney(f.subtotal, c)}`, right);
  if (f.discount > 0) doc.text(`Discount: -${formatMoney(f.discount, c)}`, right);
  doc.text('Tax breakdown:', right);
  for (const { rateBp, base, tax } of f.byRate) {
    doc.text(`${(rateBp / 100).toFixed(2)}% on ${formatMoney(base, c)}: ${formatMoney(tax, c)}`, right);
  }
  const included = f.taxIncluded > 0 ? ` (of which ${formatMoney(f.taxIncluded, c)} included in prices)` : '';
  doc.text(`Tax: ${formatMoney(f.tax, c)}${included}`, right);
  if (wholeOrder) doc.text(`Shipping: ${formatMoney(f.shipping, c)}`, right);
  doc.fontSize(12).text(`Total: ${formatMoney(f.total, c)}`, right);
}
