/** @jsxImportSource preact */
import { useEffect, useState } from 'preact/hooks';
import type { Answer200 } from '../api.ts';
import { problemText, visitor } from './cart-store.ts';

type OrderDetail = Answer200<'/api/v1/orders/{id}'>;
type Reason = Answer200<'/api/v1/lookups/{type}'>['values'][number];

/** The store's reasons of a kind in the page's language (its `return-reason` or `cancellation-reason` lookup). */
export function useReasons(language: string, type = 'return-reason'): Reason[] {
  const [reasons, setReasons] = useState<Reason[]>([]);
  useEffect(() => {
    void visitor((api) =>
      api.GET('/api/v1/lookups/{type}', {
        params: { path: { type }, query: { lang: language } },
      }),
    ).then((answer) => setReasons(answer.data?.values ?? []));
  }, [language, type]);
  return reasons;
}

/**
 * "Return items" on an order with delivered items: which items, a reason from the store's list and
 * the buyer's words; the API's refusal (the window closed, more than was delivered) shown as it comes.
 */
export function ReturnRequest(props: { order: OrderDetail; language: string }) {
  const delivered = props.order.items.filter((i) => i.fulfillmentStatus === 'DELIVERED');
  const reasons = useReasons(props.language);
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [reasonCode, setReasonCode] = useState('');
  const [details, setDetails] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  if (delivered.length === 0) return null;
  if (done) return <p role="status">Return requested. We will tell you when it is approved.</p>;
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        Return items
      </button>
    );
  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChosen(next);
    setProblem(null);
  };
  const send = async (event: Event) => {
    event.preventDefault();
    const items = delivered
      .filter((i) => chosen.has(i.id))
      .map((i) => ({ orderItemId: i.id, quantity: i.quantity }));
    if (items.length === 0) return setProblem('Choose the items to return.');
    const answer = await visitor((api) =>
      api.POST('/api/v1/orders/{id}/returns', {
        params: { path: { id: props.order.id } },
        body: {
          items,
          ...(reasonCode ? { reasonCode } : {}),
          ...(details.trim() ? { reason: details.trim() } : {}),
        },
      }),
    );
    if (!answer.data) return setProblem(problemText(answer));
    setDone(true);
  };
  return (
    <form class="return-request" aria-label={`Return items of order ${props.order.number}`} onSubmit={send}>
      <fieldset>
        <legend>Items to return</legend>
        {delivered.map((i) => (
          <label key={i.id}>
            <input type="checkbox" checked={chosen.has(i.id)} onChange={() => toggle(i.id)} /> Return {i.name}{' '}
            (× {i.quantity})
          </label>
        ))}
      </fieldset>
      <label for={`return-reason-${props.order.id}`}>Reason</label>
      <select
        id={`return-reason-${props.order.id}`}
        value={reasonCode}
        onChange={(e) => setReasonCode((e.target as HTMLSelectElement).value)}
      >
        <option value="">Choose a reason</option>
        {reasons.map((r) => (
          <option key={r.code} value={r.code}>
            {r.label}
          </option>
        ))}
      </select>
      <label for={`return-details-${props.order.id}`}>Tell us more (optional)</label>
      <textarea
        id={`return-details-${props.order.id}`}
        value={details}
        maxLength={1000}
        onInput={(e) => setDetails((e.target as HTMLTextAreaElement).value)}
      />
      <button type="submit">Ask for a return</button>
      {problem && <p role="alert">{problem}</p>}
    </form>
  );
}
