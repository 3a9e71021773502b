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

/** Uploads a picture for a product (the server checks its real type, size and dimensions). */
function ImageUpload(props: { product: Product }) {
  const [state, setState] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: (file: File) =>
      api(
        'POST',
        `/admin/products/${props.product.id}/images?altText=${encodeURIComponent(props.product.name)}`,
        file,
      ),
    onSuccess: () => setState('Uploaded'),
    onError: (error) => setState(error.message),
  });
  const id = `image-${props.product.id}`;
  return (
    <>
      <label htmlFor={id}>Upload image</label>
      <input
        id={id}
        type="file"
        accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) upload.mutate(file);
        }}
      />
      {state && <span role={state === 'Uploaded' ? 'status' : 'alert'}>{state}</span>}
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
        { header: 'Images', cell: (p) => <ImageUpload product={p} /> },
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
