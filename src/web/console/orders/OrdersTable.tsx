import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { bazaar, call } from '../api.ts';
import { money, PagedTable } from '../PagedTable.tsx';
import type { Row } from '../types.ts';

type Order = Row<'/api/v1/admin/orders'>;

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
