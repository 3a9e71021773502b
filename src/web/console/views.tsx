import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { paths } from '../../client/index.ts';
import { bazaar, call } from './api.ts';
import { money, PagedTable } from './PagedTable.tsx';
import { ProductForm } from './ProductForm.tsx';

/** The first item of what a GET of the API answers with (its list's rows). */
type Row<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': { items: Array<infer T> } } } } };
}
  ? T
  : never;
type Order = Row<'/api/v1/admin/orders'>;
type Product = Row<'/api/v1/admin/products'>;
type SellerItem = Row<'/api/v1/seller/order-items'>;

const when = (iso: string) => new Date(iso).toLocaleString();

/** Ships every unshipped item of a paid order in one shipment (the fulfilment module splits by seller). */
function ShipButton(props: { order: Order }) {
  const client = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const ship = useMutation({
    mutationFn: () =>
      call(() =>
        bazaar.POST('/api/v1/admin/orders/{id}/shipments', {
          params: { path: { id: props.order.id } },
          body: {},
        }),
      ),
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
      queryKey="/admin/orders"
      fetchPage={(cursor) =>
        call(() => bazaar.GET('/api/v1/admin/orders', { params: { query: { limit: 20, cursor } } }))
      }
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
      call(() =>
        bazaar.POST('/api/v1/admin/products/{id}/images', {
          params: { path: { id: props.product.id }, query: { altText: props.product.name } },
          // the body is the image itself, sent as it is with its own type
          body: file as never,
          bodySerializer: (body: unknown) => body as BodyInit,
          headers: { 'content-type': file.type },
        }),
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
      queryKey="/admin/products"
      fetchPage={(cursor) =>
        call(() => bazaar.GET('/api/v1/admin/products', { params: { query: { limit: 20, cursor } } }))
      }
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
      queryKey="/seller/order-items"
      fetchPage={(cursor) =>
        call(() => bazaar.GET('/api/v1/seller/order-items', { params: { query: { limit: 20, cursor } } }))
      }
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
