/** @jsxImportSource preact */
import { useEffect, useState } from 'preact/hooks';
import type { Answer200 } from '../api.ts';
import { formatMoney, type Money } from '../format.ts';
import type { OwnReview } from '../reviews.ts';
import { problemText, visitor } from './cart-store.ts';
import { ItemReview, useMyReviews } from './my-reviews.island.tsx';
import { ReturnRequest, useReasons } from './return-request.island.tsx';

type Order = Answer200<'/api/v1/orders'>['items'][number];
type OrderDetail = Answer200<'/api/v1/orders/{id}'>;
type History = Answer200<'/api/v1/orders/{id}/history'>;

/** The statuses a buyer may still cancel from (the API's rule: until the order ships). */
const CANCELLABLE = ['PENDING', 'CONFIRMED', 'PAID', 'PROCESSING'];

/** The invoice PDF, fetched with the buyer's token and opened from an object URL. */
function InvoiceLink(props: { order: OrderDetail }) {
  const [url, setUrl] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const open = async () => {
    const path = { id: props.order.id };
    const answer = await visitor((api) =>
      api.GET('/api/v1/orders/{id}/invoice', { params: { path }, parseAs: 'blob' }),
    );
    if (!answer.data) return setProblem(problemText(answer));
    if (url) URL.revokeObjectURL(url);
    const made = URL.createObjectURL(answer.data as Blob);
    setUrl(made);
    window.open(made, '_blank', 'noopener');
  };
  return (
    <p>
      <button type="button" onClick={() => void open()}>
        Invoice (PDF)
      </button>
      {url && ' '}
      {url && (
        <a
          class="invoice"
          href={url}
          target="_blank"
          rel="noopener"
          download={`invoice-${props.order.number}.pdf`}
        >
          Open the invoice again
        </a>
      )}
      {problem && <span role="alert">{problem}</span>}
    </p>
  );
}

/**
 * "Cancel order", asked twice, with a reason from the store's list; the API's refusal (409 once it
 * ships) shown as it comes.
 */
function CancelOrder(props: {
  order: OrderDetail;
  language: string;
  onCancelled: (order: OrderDetail) => void;
}) {
  const [asking, setAsking] = useState(false);
  const [reasonCode, setReasonCode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const reasons = useReasons(props.language, 'cancellation-reason');
  if (!CANCELLABLE.includes(props.order.status)) return null;
  const cancel = async () => {
    const path = { id: props.order.id };
    const answer = await visitor((api) =>
      api.POST('/api/v1/orders/{id}/cancel', {
        params: { path },
        body: reasonCode ? { reasonCode } : { reason: 'Cancelled by the buyer' },
      }),
    );
    setAsking(false);
    if (!answer.data) return setProblem(problemText(answer));
    props.onCancelled(answer.data);
  };
  const select = `cancel-reason-${props.order.id}`;
  return (
    <div>
      {asking ? (
        <div class="cancel-order">
          <p>Cancel order {props.order.number}?</p>
          <label for={select}>Reason</label>{' '}
          <select
            id={select}
            value={reasonCode}
            onChange={(e) => setReasonCode((e.target as HTMLSelectElement).value)}
          >
            <option value="">Choose a reason (optional)</option>
            {reasons.map((r) => (
              <option key={r.code} value={r.code}>
                {r.label}
              </option>
            ))}
          </select>{' '}
          <button type="button" onClick={() => void cancel()}>
            Yes, cancel it
          </button>{' '}
          <button type="button" class="link" onClick={() => setAsking(false)}>
            Keep it
          </button>
        </div>
      ) : (
        <button type="button" onClick={() => setAsking(true)}>
          Cancel order
        </button>
      )}
      {problem && <p role="alert">{problem}</p>}
    </div>
  );
}

/** An order and its status history, loaded again by `reload` (after a cancel). */
function useOrder(id: string) {
  const [order, setOrder] = useState<OrderDetail | null>(null);
  const [history, setHistory] = useState<History>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    const path = { id };
    void round;
    void visitor((api) => api.GET('/api/v1/orders/{id}', { params: { path } })).then((answer) =>
      answer.data ? setOrder(answer.data) : setProblem(problemText(answer)),
    );
    void visitor((api) => api.GET('/api/v1/orders/{id}/history', { params: { path } })).then((answer) =>
      setHistory(answer.data ?? []),
    );
  }, [id, round]);
  return { order, history, problem, reload: () => setRound(round + 1) };
}

/** The buyer's own reviews, by the product they are of, and a way to read them again. */
interface Mine {
  byProduct: Map<string, OwnReview>;
  reload: () => void;
}

function Detail(props: {
  id: string;
  language: string;
  mine: Mine;
  onChanged: (order: OrderDetail) => void;
}) {
  const { order, history, problem, reload } = useOrder(props.id);
  const money = (m: Money) => formatMoney(m, props.language);
  if (problem) return <p role="alert">{problem}</p>;
  if (!order) return <p>Loading the order…</p>;
  const { totals } = order;
  return (
    <section class="order-detail" aria-label={`Order ${order.number}`}>
      <ul class="cart-lines">
        {order.items.map((i) => (
          <li key={i.id}>
            <span class="name">{i.name}</span>
            <span>× {i.quantity}</span>
            <span class="price">{money(i.total)}</span>
            {i.fulfillmentStatus === 'DELIVERED' && (
              <div class="item-review">
                <ItemReview
                  productId={i.productId}
                  productName={i.name}
                  mine={props.mine.byProduct.get(i.productId) ?? null}
                  language={props.language}
                  onChanged={props.mine.reload}
                />
              </div>
            )}
          </li>
        ))}
      </ul>
      <dl class="totals">
        <dt>Subtotal</dt>
        <dd>{money(totals.subtotal)}</dd>
        <dt>Discount</dt>
        <dd>−{money(totals.discount)}</dd>
        <dt>Shipping</dt>
        <dd>{money(totals.shipping)}</dd>
        <dt>Total</dt>
        <dd class="total">{money(totals.total)}</dd>
      </dl>
      <h4>Status history</h4>
      <ol class="history">
        {history.map((h) => (
          <li key={h.at + h.to}>
            {new Date(h.at).toLocaleString(props.language)}: {h.to}
            {h.reason ? ` (${h.reason})` : ''}
          </li>
        ))}
      </ol>
      <InvoiceLink order={order} />
      <ReturnRequest order={order} language={props.language} />
      <CancelOrder
        order={order}
        language={props.language}
        onCancelled={(next) => {
          props.onChanged(next);
          reload();
        }}
      />
    </section>
  );
}

/** The buyer's orders, newest first; each opens to its items, totals, history, invoice and cancel. */
export function Orders(props: { language: string; onSignedOut: () => void }) {
  const [orders, setOrders] = useState<Order[] | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const reviews = useMyReviews();
  const mine: Mine = {
    byProduct: new Map((reviews.reviews ?? []).map((r) => [r.productId, r])),
    reload: reviews.reload,
  };
  const { onSignedOut } = props;
  useEffect(() => {
    void visitor((api) => api.GET('/api/v1/orders', { params: { query: { limit: 20 } } })).then((answer) => {
      if (answer.response.status === 401) return onSignedOut();
      if (!answer.data) return setProblem(problemText(answer));
      setOrders(answer.data.items);
    });
  }, [onSignedOut]);
  const changed = (next: OrderDetail) =>
    setOrders((orders ?? []).map((o) => (o.id === next.id ? { ...o, status: next.status } : o)));
  return (
    <section aria-labelledby="orders-heading">
      <h2 id="orders-heading">Your orders</h2>
      <p>
        <a href="/account/reviews">Your reviews</a> · <a href="/account/quotes">Your quotes</a>
      </p>
      {problem && <p role="alert">{problem}</p>}
      {orders === null && !problem && <p>Loading your orders…</p>}
      {orders?.length === 0 && <p>No orders yet.</p>}
      <ul class="orders">
        {orders?.map((o) => (
          <li key={o.id}>
            <div class="order-row">
              <span class="name">Order {o.number}</span>
              <span class="status">{o.status}</span>
              <span class="price">{formatMoney(o.totals.total, props.language)}</span>
              <span>{new Date(o.placedAt).toLocaleDateString(props.language)}</span>
              <button
                type="button"
                class="link"
                aria-expanded={open === o.id}
                onClick={() => setOpen(open === o.id ? null : o.id)}
              >
                {open === o.id ? 'Hide details' : `Details of order ${o.number}`}
              </button>
            </div>
            {open === o.id && <Detail id={o.id} language={props.language} mine={mine} onChanged={changed} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
