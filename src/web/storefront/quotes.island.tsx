/** @jsxImportSource preact */
import { useEffect, useState } from 'preact/hooks';
import type { paths } from '../../client/index.ts';
import { formatMoney } from '../format.ts';
import { buyerSession, problemText, saveCartId, visitor } from './cart-store.ts';
import { fieldErrors, problemOf, TextField } from './form.tsx';

type Lead = paths['/api/v1/leads/{id}']['get']['responses'][200]['content']['application/json'];
const FIELDS = ['quantity', 'message', 'deliveryLocation', 'wantedBy', 'name', 'email', 'phone'] as const;
type FieldName = (typeof FIELDS)[number];
type Values = Record<FieldName, string>;

/** The request's body: the offer and quantity, the optional texts, and a guest's contact. */
function bodyOf(offerId: string, v: Values, guest: boolean) {
  const text = (s: string) => (s.trim() ? s.trim() : undefined);
  return {
    items: [{ offerId, quantity: Number(v.quantity) }],
    message: text(v.message),
    deliveryLocation: text(v.deliveryLocation),
    wantedBy: text(v.wantedBy),
    ...(guest ? { contact: { name: v.name.trim(), email: v.email.trim(), phone: text(v.phone) } } : {}),
  };
}

/** On a product page: ask the store for a quote on a quantity of this offer (a guest gives a contact). */
export function AskForQuote(props: { offerId: string; productName: string }) {
  const [open, setOpen] = useState(false);
  const [guest, setGuest] = useState(true);
  const [values, setValues] = useState<Values>({
    quantity: '100',
    message: '',
    deliveryLocation: '',
    wantedBy: '',
    name: '',
    email: '',
    phone: '',
  });
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [state, setState] = useState<'idle' | 'sending' | 'sent' | string>('idle');
  useEffect(() => setGuest(!buyerSession()), []);
  const set = (name: FieldName) => (value: string) => setValues({ ...values, [name]: value });
  const submit = async (event: Event) => {
    event.preventDefault();
    setState('sending');
    const body = bodyOf(props.offerId, values, guest);
    const answer = await visitor((api) => api.POST('/api/v1/leads', { body }));
    if (answer.data) return setState('sent');
    const problem = problemOf(answer);
    setErrors(fieldErrors(problem, FIELDS));
    setState(problem.detail ?? problem.title);
  };
  if (state === 'sent')
    return (
      <p role="status">
        Your request for a quote was sent.{' '}
        {guest ? 'The store will contact you.' : <a href="/account/quotes">See your quotes</a>}
      </p>
    );
  if (!open)
    return (
      <button type="button" class="secondary" onClick={() => setOpen(true)}>
        Ask for a quote
      </button>
    );
  const field = (name: FieldName, label: string, type?: 'number' | 'email' | 'tel') => (
    <TextField
      id={`quote-${name}`}
      label={label}
      value={values[name]}
      onInput={set(name)}
      error={errors[name]}
      type={type}
    />
  );
  return (
    <form
      class="quote-request"
      aria-label={`Ask for a quote on ${props.productName}`}
      onSubmit={(e) => void submit(e)}
    >
      {field('quantity', 'Quantity', 'number')}
      {field('message', 'Message')}
      {field('deliveryLocation', 'Deliver to')}
      <TextField
        id="quote-wantedBy"
        label="Wanted by (YYYY-MM-DD)"
        value={values.wantedBy}
        onInput={set('wantedBy')}
        error={errors.wantedBy}
      />
      {guest && field('name', 'Your name')}
      {guest && field('email', 'Your email', 'email')}
      {guest && field('phone', 'Your phone (optional)', 'tel')}
      {!['idle', 'sending'].includes(state) && <p role="alert">{state}</p>}
      <button type="submit" disabled={state === 'sending'}>
        Send request
      </button>
    </form>
  );
}

/** The buyer's leads with their items, quote and history, newest first; decline one still open. */
export function MyQuotes(props: { language: string }) {
  const [leads, setLeads] = useState<Lead[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [signedIn, setSignedIn] = useState<boolean | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    void round;
    setSignedIn(Boolean(buyerSession()));
    if (!buyerSession()) return;
    void (async () => {
      const list = await visitor((api) => api.GET('/api/v1/me/leads', { params: { query: { limit: 20 } } }));
      if (!list.data) return setProblem(problemText(list));
      const details = await Promise.all(
        list.data.items.map((l) =>
          visitor((api) => api.GET('/api/v1/leads/{id}', { params: { path: { id: l.id } } })),
        ),
      );
      setLeads(details.flatMap((d) => (d.data ? [d.data] : [])));
    })();
  }, [round]);
  if (signedIn === false)
    return (
      <p>
        <a href="/account">Sign in</a> to see your quotes.
      </p>
    );
  if (problem) return <p role="alert">{problem}</p>;
  if (!leads) return <p>Loading your quotes…</p>;
  if (leads.length === 0)
    return <p>You have not asked for a quote yet. Product pages have an “Ask for a quote” button.</p>;
  return (
    <ul class="quotes">
      {leads.map((l) => (
        <li key={l.id}>
          <QuoteCard lead={l} language={props.language} onChanged={() => setRound((r) => r + 1)} />
        </li>
      ))}
    </ul>
  );
}

const OPEN = ['NEW', 'CONTACTED', 'QUOTED', 'ACCEPTED', 'EXPIRED'];

function QuoteCard(props: { lead: Lead; language: string; onChanged: () => void }) {
  const { lead } = props;
  const [problem, setProblem] = useState<string | null>(null);
  const money = (m: { amount: number; currency: string } | null) =>
    m ? formatMoney(m, props.language) : '–';
  const decline = async () => {
    const answer = await visitor((api) =>
      api.POST('/api/v1/leads/{id}/decline', { params: { path: { id: lead.id } }, body: {} }),
    );
    if (answer.data) return props.onChanged();
    setProblem(problemText(answer));
  };
  // the quoted items go into the buyer's cart at the quoted prices: on to the cart
  const accept = async () => {
    const answer = await visitor((api) =>
      api.POST('/api/v1/leads/{id}/accept', { params: { path: { id: lead.id } } }),
    );
    if (!answer.data) return setProblem(problemText(answer));
    saveCartId(answer.data.cartId);
    location.assign('/cart');
  };
  const acceptable =
    lead.status === 'QUOTED' && lead.quote !== null && new Date(lead.quote.validUntil).getTime() > Date.now();
  return (
    <article
      class="quote"
      aria-label={`Quote asked ${new Date(lead.createdAt).toLocaleDateString(props.language)}`}
    >
      <p>
        <span class="status">{lead.status.toLowerCase()}</span>
        {lead.quote ? (
          <>
            <strong>{money(lead.quote.total)}</strong>, valid until{' '}
            {new Date(lead.quote.validUntil).toLocaleDateString(props.language)}
          </>
        ) : (
          'Waiting for the store’s quote'
        )}
      </p>
      <table>
        <caption>Items</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Quantity</th>
            <th scope="col">Unit price</th>
          </tr>
        </thead>
        <tbody>
          {lead.items.map((i) => (
            <tr key={i.id}>
              <td>{i.description}</td>
              <td>{i.quantity}</td>
              <td>{money(i.quotedUnitPrice ?? i.listUnitPrice)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {lead.quote?.terms && <p>Terms: {lead.quote.terms}</p>}
      {lead.status === 'ACCEPTED' && (
        <p>
          Accepted: the quoted items are in <a href="/cart">your cart</a> at the quoted prices.
        </p>
      )}
      {lead.order && <p>Ordered: order {lead.order.number}</p>}
      {acceptable && (
        <button type="button" onClick={() => void accept()}>
          Accept quote
        </button>
      )}
      {OPEN.includes(lead.status) && (
        <button type="button" class="secondary" onClick={() => void decline()}>
          Decline
        </button>
      )}
      {problem && <p role="alert">{problem}</p>}
    </article>
  );
}
