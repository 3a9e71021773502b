import { currencyDigits } from '../../format.ts';
import type { Lead } from './LeadDetail.tsx';

/**
 * The fields a quote form shares, staff's or a seller's: a unit price for each item (prefilled
 * with its quoted or list price, in major units of `currency`) and the validity.
 */
export function quotePriceFields(lead: Lead, currency: string) {
  const digits = currencyDigits(currency);
  const major = (amount: number | undefined) =>
    amount === undefined ? '' : (amount / 10 ** digits).toFixed(digits);
  const fields = [
    ...lead.items.map((item, i) => ({
      name: item.id,
      label: `Unit price for ${item.description}`,
      pointer: `/items/${i}/unitPrice`,
      kind: 'number' as const,
    })),
    { name: 'validUntil', label: 'Valid until', pointer: '/validUntil', kind: 'date' as const },
  ];
  const initial = Object.fromEntries(
    lead.items.map((i) => [i.id, major(i.quotedUnitPrice?.amount ?? i.listUnitPrice?.amount)]),
  );
  return { digits, fields, initial };
}
