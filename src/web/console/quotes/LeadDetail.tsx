import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import { ActionForm, optional } from '../ActionForm.tsx';
import { bazaar, call } from '../api.ts';
import { FormProblem, minorUnits, when, words } from '../form.tsx';
import { money, Table } from '../PagedTable.tsx';
import { useCan } from '../permissions.ts';
import { LeadThread } from './LeadThread.tsx';
import { quotePriceFields } from './quote-prices.ts';
import { SellerQuoteForm } from './SellerQuoteForm.tsx';

export type Lead = Awaited<ReturnType<typeof fetchLead>>;

const fetchLead = (id: string) => call(() => bazaar.GET('/api/v1/leads/{id}', { params: { path: { id } } }));

/**
 * One lead: who asked, the items, the quote, the history, the thread; staff may contact, decline and
 * quote; a seller (`seller`) prices their own items.
 */
export function LeadDetail(props: { id: string; back: string; orderLink?: boolean; seller?: boolean }) {
  const can = useCan('quotes:manage');
  const lead = useQuery({ queryKey: ['/leads', props.id], queryFn: () => fetchLead(props.id) });
  if (lead.isPending) return <p>Loading…</p>;
  if (lead.isError) return <p role="alert">{lead.error.message}</p>;
  const l = lead.data;
  return (
    <>
      <p>
        <Link href={props.back}>All leads</Link>
      </p>
      <h1>Lead from {l.contact.name}</h1>
      <div className="columns">
        <section className="card" aria-label="Lead">
          <LeadFacts lead={l} orderLink={props.orderLink ?? false} />
          {can && <StaffActions lead={l} />}
        </section>
        <section className="card" aria-label="History">
          <h2>History</h2>
          <ol>
            {l.history.map((h) => (
              <li key={`${h.status}-${h.at}`}>
                {words(h.status)} by {words(h.by)}, {when(h.at)}
                {h.remarks && <span className="hint"> ({h.remarks})</span>}
              </li>
            ))}
          </ol>
        </section>
      </div>
      <h2>Items</h2>
      <Table
        label="Items"
        rows={l.items}
        columns={[
          { header: 'Item', cell: (i) => <span className="breakable">{i.description}</span> },
          { header: 'Quantity', cell: (i) => i.quantity },
          { header: 'List price', cell: (i) => money(i.listUnitPrice) },
          { header: 'Quoted unit price', cell: (i) => money(i.quotedUnitPrice) },
          { header: 'Quoted total', cell: (i) => money(i.quotedTotal) },
          { header: 'Priced by', cell: (i) => pricedBy(i) },
        ]}
      />
      {can && canQuote(l.status) && <QuoteForm lead={l} />}
      {props.seller && canQuote(l.status) && l.items.length > 0 && <SellerQuoteForm lead={l} />}
      <LeadThread id={l.id} />
    </>
  );
}

function LeadFacts(props: { lead: Lead; orderLink: boolean }) {
  const l = props.lead;
  return (
    <dl className="facts">
      <dt>Status</dt>
      <dd>
        <span className={`status status-${l.status.toLowerCase()}`}>{words(l.status)}</span>
      </dd>
      <dt>Contact</dt>
      <dd className="breakable">
        {[l.contact.name, l.contact.email, l.contact.phone].filter(Boolean).join(', ')}
      </dd>
      <dt>Message</dt>
      <dd className="breakable">{l.message ?? '–'}</dd>
      <dt>Deliver to</dt>
      <dd>{l.deliveryLocation ?? '–'}</dd>
      <dt>Wanted by</dt>
      <dd>{l.wantedBy ?? '–'}</dd>
      <dt>Quote</dt>
      <dd>{l.quote ? `${money(l.quote.total)}, valid until ${when(l.quote.validUntil)}` : '–'}</dd>
      {l.quote?.terms && (
        <>
          <dt>Terms</dt>
          <dd className="breakable">{l.quote.terms}</dd>
        </>
      )}
      {l.acceptedAt && (
        <>
          <dt>Accepted</dt>
          <dd>{when(l.acceptedAt)}</dd>
        </>
      )}
      {l.order && (
        <>
          <dt>Order</dt>
          <dd>
            {props.orderLink ? <Link href={`/orders/${l.order.id}`}>{l.order.number}</Link> : l.order.number}
          </dd>
        </>
      )}
      <dt>Asked</dt>
      <dd>{when(l.createdAt)}</dd>
    </dl>
  );
}

/** Who priced an item, and until when a seller's price holds. */
function pricedBy(item: Lead['items'][number]): string {
  if (!item.quotedBy) return '–';
  if (item.quotedBy.role === 'STAFF') return 'staff';
  return `seller, until ${when(item.quotedValidUntil)}${item.quotedNotes ? ` (${item.quotedNotes})` : ''}`;
}

const canQuote = (status: string) => ['NEW', 'CONTACTED', 'QUOTED', 'EXPIRED'].includes(status);

/** Record contact, or decline the lead. */
function StaffActions(props: { lead: Lead }) {
  const client = useQueryClient();
  const move = useMutation({
    mutationFn: (status: 'CONTACTED' | 'DECLINED') =>
      call(() =>
        bazaar.POST('/api/v1/admin/leads/{id}/status', {
          params: { path: { id: props.lead.id } },
          body: { status },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['/leads', props.lead.id] }),
  });
  const status = props.lead.status;
  return (
    <div className="actions">
      {status === 'NEW' && (
        <button type="button" onClick={() => move.mutate('CONTACTED')} disabled={move.isPending}>
          Mark contacted
        </button>
      )}
      {['NEW', 'CONTACTED', 'QUOTED', 'EXPIRED'].includes(status) && (
        <button type="button" onClick={() => move.mutate('DECLINED')} disabled={move.isPending}>
          Decline lead
        </button>
      )}
      <FormProblem error={move.error} />
    </div>
  );
}

/** The quote: a unit price for every item (in the store's currency), validity, terms and notes. */
function QuoteForm(props: { lead: Lead }) {
  const { lead } = props;
  const {
    digits,
    fields: prices,
    initial,
  } = quotePriceFields(lead, lead.quote?.total.currency ?? lead.items[0]?.listUnitPrice?.currency ?? 'INR');
  const fields = [
    ...prices,
    { name: 'terms', label: 'Terms', pointer: '/terms', kind: 'textarea' as const },
    { name: 'notes', label: 'Notes', pointer: '/notes', kind: 'textarea' as const },
  ];
  return (
    <ActionForm
      id="lead-quote"
      title="Quote"
      submit="Send quote"
      fields={fields}
      initial={{ ...initial, terms: lead.quote?.terms ?? '', notes: lead.quote?.notes ?? '' }}
      invalidate={[['/leads', lead.id], ['/admin/leads']]}
      run={(v) =>
        call(() =>
          bazaar.POST('/api/v1/admin/leads/{id}/quote', {
            params: { path: { id: lead.id } },
            body: {
              items: lead.items
                .map((i) => ({ item: i, itemId: i.id, unitPrice: minorUnits(v[i.id] ?? '', digits) }))
                // a seller's price left as it is stays the seller's, with its own validity
                .filter(
                  (p) => p.item.quotedBy?.role !== 'SELLER' || p.unitPrice !== p.item.quotedUnitPrice?.amount,
                )
                .map(({ itemId, unitPrice }) => ({ itemId, unitPrice })),
              // the end of the chosen day in the browser's time zone
              validUntil: v.validUntil ? new Date(`${v.validUntil}T23:59:59`).toISOString() : '',
              terms: optional(v.terms),
              notes: optional(v.notes),
            },
          }),
        )
      }
    />
  );
}
