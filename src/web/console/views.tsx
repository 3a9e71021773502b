import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from './api.ts';
import { money, PagedTable } from './PagedTable.tsx';
import { ProductForm } from './ProductForm.tsx';

type Money = { amount: number; currency: string };
interface Order {
  id: string;
  number: string;
  status: string;
  fulfillmentStatus: string;
  shipments: Array<{ id: string }>;
  email: string;
  totals: { total: Money };
  placedAt: string;
}
interface Product {
  id: string;
  name: string;
  status: string;
  price: Money | null;
  inStock: boolean;
}
interface SellerItem {
  id: string;
  orderNumber: string;
  name: string;
  quantity: number;
  total: Money;
  fulfillmentStatus: string;
}
interface Delivery {
  id: string;
  orderNumber: string;
  status: string;
  address: { name: string; line1: string; city: string };
  codAmount: Money;
}

const when = (iso: string) => new Date(iso).toLocaleString();

/** Ships every unshipped item of a paid order in one shipment (the fulfilment module splits by seller). */
function ShipButton(props: { order: Order }) {
  const client = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const ship = useMutation({
    mutationFn: () => api('POST', `/admin/orders/${props.order.id}/shipments`, {}),
    onSuccess: () => client.invalidateQueries({ queryKey: ['/admin/orders'] }),
    onError: (error) => setProblem(error.message),
  });
  const { shipments, status, fulfillmentStatus } = props.order;
  if (shipments.length > 0)
    return <span>{shipments.length === 1 ? '1 shipment' : `${shipments.length} shipments`}</span>;
  if (!['PAID', 'PENDING'].includes(status))
    return <span>{fulfillmentStatus.toLowerCase().replace(/_/g, ' ')}</span>;
  return (
    <>
      <button type="button" disabled={ship.isPending} onClick={() => ship.mutate()}>
        Ship
      </button>
      {problem && <span role="alert">{problem}</span>}
    </>
  );
}

export function OrdersTable() {
  return (
    <PagedTable<Order>
      label="Orders"
      path="/admin/orders"
      columns={[
        { header: 'Number', cell: (o) => o.number },
        { header: 'Status', cell: (o) => o.status },
        { header: 'Buyer', cell: (o) => o.email },
        { header: 'Total', cell: (o) => money(o.totals.total) },
        { header: 'Placed', cell: (o) => when(o.placedAt) },
        { header: 'Fulfilment', cell: (o) => <ShipButton order={o} /> },
      ]}
    />
  );
}

export function ProductsTable(props: { canCreate?: boolean }) {
  const [adding, setAdding] = useState(false);
  return (
    <>
      {props.canCreate &&
        (adding ? (
          <ProductForm onCreated={() => setAdding(false)} />
        ) : (
          <button type="button" onClick={() => setAdding(true)}>
            New product
          </button>
        ))}
      <ProductList />
    </>
  );
}

function ProductList() {
  return (
    <PagedTable<Product>
      label="Products"
      path="/admin/products"
      columns={[
        { header: 'Name', cell: (p) => p.name },
        { header: 'Status', cell: (p) => p.status },
        { header: 'Price', cell: (p) => money(p.price) },
        { header: 'Stock', cell: (p) => (p.inStock ? 'In stock' : 'Out of stock') },
      ]}
    />
  );
}

export function SellerItemsTable() {
  return (
    <PagedTable<SellerItem>
      label="Order items"
      path="/seller/order-items"
      columns={[
        { header: 'Order', cell: (i) => i.orderNumber },
        { header: 'Item', cell: (i) => i.name },
        { header: 'Quantity', cell: (i) => i.quantity },
        { header: 'Total', cell: (i) => money(i.total) },
        { header: 'Status', cell: (i) => i.fulfillmentStatus },
      ]}
    />
  );
}

/** The next steps an agent can take from a delivery's status, as button text and API status. */
const NEXT: Record<string, Array<[string, string]>> = {
  ASSIGNED: [['Picked up', 'PICKED_UP']],
  PICKED_UP: [['In transit', 'IN_TRANSIT']],
  IN_TRANSIT: [
    ['Delivered', 'DELIVERED'],
    ['Failed attempt', 'FAILED'],
  ],
};

function NextStep(props: { delivery: Delivery }) {
  const client = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const step = useMutation({
    mutationFn: (status: string) => {
      const { codAmount } = props.delivery;
      const body: Record<string, unknown> = { status };
      if (status === 'DELIVERED' && codAmount.amount > 0) body.codCollected = codAmount;
      if (status === 'FAILED') body.note = 'Nobody at the address';
      return api('POST', `/agent/deliveries/${props.delivery.id}/events`, body);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['/agent/deliveries'] }),
    onError: (error) => setProblem(error.message),
  });
  return (
    <>
      {(NEXT[props.delivery.status] ?? []).map(([label, status]) => (
        <button key={status} type="button" disabled={step.isPending} onClick={() => step.mutate(status)}>
          {label}
        </button>
      ))}
      {problem && <span role="alert">{problem}</span>}
    </>
  );
}

export function DeliveriesTable() {
  return (
    <PagedTable<Delivery>
      label="Deliveries"
      path="/agent/deliveries"
      columns={[
        { header: 'Order', cell: (d) => d.orderNumber },
        { header: 'Status', cell: (d) => d.status },
        { header: 'Address', cell: (d) => `${d.address.name}, ${d.address.line1}, ${d.address.city}` },
        { header: 'Cash to collect', cell: (d) => (d.codAmount.amount > 0 ? money(d.codAmount) : '–') },
        { header: 'Next', cell: (d) => <NextStep delivery={d} /> },
      ]}
    />
  );
}
