import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { bazaar, call } from '../api.ts';
import { money, PagedTable } from '../PagedTable.tsx';
import type { PatchBody, Row } from '../types.ts';

type SellerItem = Row<'/api/v1/seller/order-items'>;
type Step = PatchBody<'/api/v1/seller/orders/{id}/items/{itemId}'>['status'];

/** The next fulfilment status a seller can move an item to, as button text and API status. */
const NEXT: Partial<Record<SellerItem['fulfillmentStatus'], [string, Step]>> = {
  PENDING: ['Processing', 'PROCESSING'],
  PROCESSING: ['Shipped', 'SHIPPED'],
  SHIPPED: ['Delivered', 'DELIVERED'],
};

/** Moves an item to its next status, or ships it in a shipment of its own; the API's refusal beside it. */
function Fulfil(props: { item: SellerItem }) {
  const client = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const { item } = props;
  const done = {
    onSuccess: () => {
      setProblem(null);
      return client.invalidateQueries({ queryKey: ['/seller/order-items'] });
    },
    onError: (error: Error) => setProblem(error.message),
  };
  const path = { id: item.orderId, itemId: item.id };
  const step = useMutation({
    mutationFn: (status: Step) =>
      call(() =>
        bazaar.PATCH('/api/v1/seller/orders/{id}/items/{itemId}', { params: { path }, body: { status } }),
      ),
    ...done,
  });
  const ship = useMutation({
    mutationFn: () =>
      call(() =>
        bazaar.POST('/api/v1/admin/orders/{id}/shipments', {
          params: { path: { id: item.orderId } },
          body: { items: [{ orderItemId: item.id, quantity: item.quantity }] },
        }),
      ),
    ...done,
  });
  const next = NEXT[item.fulfillmentStatus];
  const busy = step.isPending || ship.isPending;
  return (
    <>
      {next && (
        <button type="button" disabled={busy} onClick={() => step.mutate(next[1])}>
          {next[0]}
        </button>
      )}
      {(item.fulfillmentStatus === 'PENDING' || item.fulfillmentStatus === 'PROCESSING') && (
        <button type="button" disabled={busy} onClick={() => ship.mutate()}>
          Create shipment
        </button>
      )}
      {problem && <span role="alert">{problem}</span>}
    </>
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
        { header: 'Fulfilment', cell: (i) => <Fulfil item={i} /> },
      ]}
    />
  );
}
