import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import type { components } from '../../../client/index.ts';
import { bazaar, call } from '../api.ts';
import { when, words } from '../form.tsx';
import { money } from '../PagedTable.tsx';
import { useStoreTime } from '../store-time.ts';
import type { Answer } from '../types.ts';
import { CancelOrder, InvoiceButton } from './OrderActions.tsx';
import { OrderPayments } from './OrderPayments.tsx';

export type OrderView = Answer<'/api/v1/orders/{id}'>;
type Address = components['schemas']['PostalAddress'];

/** The query of an order, shared by its page's parts (a change invalidates them all). */
export const orderKey = (id: string) => ['/orders', id];

/** One order for the store's staff: items, totals, addresses, payments, shipments, history, returns. */
export function OrderDetail(props: { id: string }) {
  const at = useStoreTime();
  const order = useQuery({
    queryKey: orderKey(props.id),
    queryFn: () => call(() => bazaar.GET('/api/v1/orders/{id}', { params: { path: { id: props.id } } })),
  });
  if (order.isPending) return <p>Loading…</p>;
  if (order.isError) return <p role="alert">{order.error.message}</p>;
  const o = order.data;
  return (
    <>
      <p>
        <Link href="/orders">All orders</Link>
      </p>
      <h1>Order {o.number}</h1>
      <dl className="facts">
        <dt>Status</dt>
        <dd>{words(o.status)}</dd>
        <dt>Payment</dt>
        <dd>
          {words(o.paymentStatus)} ({o.paymentProvider})
        </dd>
        <dt>Buyer</dt>
        <dd>{o.userId ? <Link href={`/customers/${o.userId}`}>{o.email}</Link> : `${o.email} (guest)`}</dd>
        <dt>Placed</dt>
        <dd>{at(o.placedAt)}</dd>
        {o.cancelReason && (
          <>
            <dt>Cancelled because</dt>
            <dd>{o.cancelReason}</dd>
          </>
        )}
      </dl>
      <div className="actions">
        <InvoiceButton order={o} />
        <CancelOrder order={o} />
      </div>
      <OrderItems order={o} />
      <Totals order={o} />
      <div className="columns">
        <AddressCard title="Shipping address" address={o.shippingAddress} />
        <AddressCard title="Billing address" address={o.billingAddress} />
      </div>
      <OrderPayments order={o} />
      <Shipments order={o} />
      <History id={o.id} />
      <Returns id={o.id} />
    </>
  );
}

function OrderItems(props: { order: OrderView }) {
  return (
    <section aria-labelledby="items-heading">
      <h2 id="items-heading">Items</h2>
      <table aria-label="Items">
        <thead>
          <tr>
            {['Item', 'Options', 'Seller', 'Quantity', 'Unit price', 'Total', 'Fulfilment'].map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.order.items.map((item) => (
            <tr key={item.id}>
              <td data-label="Item">
                {item.name} <small>{item.sku}</small>
              </td>
              <td data-label="Options">
                {Object.entries(item.options)
                  .map(([k, v]) => `${k}: ${String(v)}`)
                  .join(', ') || '–'}
              </td>
              <td data-label="Seller">
                <SellerName id={item.sellerId} />
              </td>
              <td data-label="Quantity">{item.quantity}</td>
              <td data-label="Unit price">{money(item.unitPrice)}</td>
              <td data-label="Total">{money(item.total)}</td>
              <td data-label="Fulfilment">{words(item.fulfillmentStatus)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** A seller's business name, or its account id when it has no seller profile (the store's own). */
function SellerName(props: { id: string }) {
  const seller = useQuery({
    queryKey: ['/admin/sellers', props.id],
    queryFn: () =>
      call(() => bazaar.GET('/api/v1/admin/sellers/{id}', { params: { path: { id: props.id } } })),
  });
  return <>{seller.data?.businessName ?? `${props.id.slice(0, 8)}…`}</>;
}

function Totals(props: { order: OrderView }) {
  const { totals, couponCode, pointsRedeemed } = props.order;
  return (
    <section aria-labelledby="totals-heading">
      <h2 id="totals-heading">Totals</h2>
      <dl className="facts">
        <dt>Subtotal</dt>
        <dd>{money(totals.subtotal)}</dd>
        <dt>Discount</dt>
        <dd>
          {money(totals.discount)}
          {couponCode ? ` (coupon ${couponCode})` : ''}
          {pointsRedeemed ? ` (${pointsRedeemed} points)` : ''}
        </dd>
        <dt>Tax</dt>
        <dd>{money(totals.tax)}</dd>
        <dt>Shipping</dt>
        <dd>{money(totals.shipping)}</dd>
        <dt>Total</dt>
        <dd>
          <strong>{money(totals.total)}</strong>
        </dd>
      </dl>
    </section>
  );
}

function AddressCard(props: { title: string; address: Address }) {
  const a = props.address;
  return (
    <section className="card">
      <h2>{props.title}</h2>
      <address>
        {a.name}
        <br />
        {a.line1}
        {a.line2 ? `, ${a.line2}` : ''}
        <br />
        {a.city}, {a.state} {a.postalCode}, {a.country}
        {a.phone ? (
          <>
            <br />
            {a.phone}
          </>
        ) : null}
      </address>
    </section>
  );
}

function Shipments(props: { order: OrderView }) {
  const { shipments } = props.order;
  return (
    <section aria-labelledby="shipments-heading">
      <h2 id="shipments-heading">Shipments</h2>
      {shipments.length === 0 ? (
        <p>Not shipped yet.</p>
      ) : (
        <ul>
          {shipments.map((s) => (
            <li key={s.id}>
              {words(s.status)}: {s.items.reduce((n, i) => n + i.quantity, 0)} units
              {s.carrier ? `, ${s.carrier}` : ''}
              {s.trackingNumber ? ` ${s.trackingNumber}` : ''}
              {s.events.length > 0 ? `, last ${when(s.events[s.events.length - 1]!.at)}` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function History(props: { id: string }) {
  const at = useStoreTime();
  const history = useQuery({
    queryKey: [...orderKey(props.id), 'history'],
    queryFn: () =>
      call(() => bazaar.GET('/api/v1/orders/{id}/history', { params: { path: { id: props.id } } })),
  });
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">Status history</h2>
      {history.isError && <p role="alert">{history.error.message}</p>}
      <ol className="history">
        {(history.data ?? []).map((h) => (
          <li key={`${h.at}-${h.to}`}>
            {at(h.at)}: {h.from ? `${words(h.from)} → ` : ''}
            {words(h.to)}
            {h.reason ? ` (${h.reason})` : ''}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Returns(props: { id: string }) {
  const returns = useQuery({
    queryKey: ['/admin/returns', { orderId: props.id }],
    queryFn: () =>
      call(() =>
        bazaar.GET('/api/v1/admin/returns', { params: { query: { orderId: props.id, limit: 50 } } }),
      ),
  });
  const items = returns.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="returns-heading">
      <h2 id="returns-heading">Returns</h2>
      <ul>
        {items.map((r) => (
          <li key={r.id}>
            {words(r.status)}: {r.items.reduce((n, i) => n + i.quantity, 0)} units, “{r.reason}”
            {r.refundAmount ? `, refunded ${money(r.refundAmount)}` : ''} ({when(r.createdAt)})
          </li>
        ))}
      </ul>
    </section>
  );
}
