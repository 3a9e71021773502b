import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { bazaar, call } from '../api.ts';
import { Choice, SearchForm, words } from '../form.tsx';
import { money, PagedTable } from '../PagedTable.tsx';
import { useStoreTime } from '../store-time.ts';
import type { Row } from '../types.ts';

type Order = Row<'/api/v1/admin/orders'>;
type Status = Order['status'];

export const ORDER_STATUSES: Status[] = [
  'PENDING',
  'CONFIRMED',
  'PAID',
  'PROCESSING',
  'SHIPPED',
  'DELIVERED',
  'CANCELLED',
  'REFUNDED',
  'RETURNED',
];

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
  if (!['PAID', 'PENDING'].includes(status)) return <span>{words(fulfillmentStatus)}</span>;
  return (
    <>
      <button type="button" disabled={ship.isPending} onClick={() => ship.mutate()}>
        Ship
      </button>
      {problem && <span role="alert">{problem}</span>}
    </>
  );
}

/** The store's orders, newest first, by status or found by number; each number opens its order. */
export function OrdersTable() {
  const at = useStoreTime();
  const [status, setStatus] = useState<Status | ''>('');
  const [number, setNumber] = useState('');
  return (
    <>
      <SearchForm id="orders-number" label="Order number" onSearch={setNumber}>
        <Choice
          id="orders-status"
          label="Status"
          value={status}
          onChange={(e) => setStatus(e.target.value as Status | '')}
          options={[['', 'Any'], ...ORDER_STATUSES.map((s) => [s, words(s)] as const)]}
        />
      </SearchForm>
      <PagedTable<Order>
        label="Orders"
        queryKey="/admin/orders"
        filter={{ status: status || undefined, number: number || undefined }}
        fetchPage={(cursor) =>
          call(() =>
            bazaar.GET('/api/v1/admin/orders', {
              params: {
                query: { limit: 20, cursor, status: status || undefined, number: number || undefined },
              },
            }),
          )
        }
        columns={[
          { header: 'Number', cell: (o) => <Link href={`/orders/${o.id}`}>{o.number}</Link> },
          { header: 'Status', cell: (o) => o.status },
          { header: 'Buyer', cell: (o) => o.email },
          { header: 'Total', cell: (o) => money(o.totals.total) },
          { header: 'Placed', cell: (o) => at(o.placedAt) },
          { header: 'Fulfilment', cell: (o) => <ShipButton order={o} /> },
        ]}
      />
    </>
  );
}
