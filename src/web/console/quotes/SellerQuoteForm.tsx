import { currencyDigits } from '../../format.ts';
import { ActionForm, optional } from '../ActionForm.tsx';
import { bazaar, call } from '../api.ts';
import { minorUnits } from '../form.tsx';
import type { Lead } from './LeadDetail.tsx';

/** The seller's part of the quote: a unit price for each of their items, validity and notes. */
export function SellerQuoteForm(props: { lead: Lead }) {
  const { lead } = props;
  const digits = currencyDigits(lead.items[0]?.listUnitPrice?.currency ?? 'INR');
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
    { name: 'notes', label: 'Notes', pointer: '/notes', kind: 'textarea' as const },
  ];
  const initial = Object.fromEntries(
    lead.items.map((i) => [i.id, major(i.quotedUnitPrice?.amount ?? i.listUnitPrice?.amount)]),
  );
  return (
    <ActionForm
      id="lead-seller-quote"
      title="Your quote"
      submit="Send quote"
      fields={fields}
      initial={{ ...initial, notes: lead.items[0]?.quotedNotes ?? '' }}
      invalidate={[['/leads', lead.id], ['/seller/leads']]}
      run={(v) =>
        call(() =>
          bazaar.POST('/api/v1/seller/leads/{id}/quote', {
            params: { path: { id: lead.id } },
            body: {
              items: lead.items.map((i) => ({ itemId: i.id, unitPrice: minorUnits(v[i.id] ?? '', digits) })),
              // the end of the chosen day in the browser's time zone
              validUntil: v.validUntil ? new Date(`${v.validUntil}T23:59:59`).toISOString() : '',
              notes: optional(v.notes),
            },
          }),
        )
      }
    />
  );
}
