import { ActionForm, optional } from '../ActionForm.tsx';
import { bazaar, call } from '../api.ts';
import { minorUnits } from '../form.tsx';
import type { Lead } from './LeadDetail.tsx';
import { quotePriceFields } from './quote-prices.ts';

/** The seller's part of the quote: a unit price for each of their items, validity and notes. */
export function SellerQuoteForm(props: { lead: Lead }) {
  const { lead } = props;
  const {
    digits,
    fields: prices,
    initial,
  } = quotePriceFields(lead, lead.items[0]?.listUnitPrice?.currency ?? 'INR');
  const fields = [...prices, { name: 'notes', label: 'Notes', pointer: '/notes', kind: 'textarea' as const }];
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
