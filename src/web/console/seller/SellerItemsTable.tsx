import { bazaar, call } from '../api.ts';
import { money, PagedTable } from '../PagedTable.tsx';
import type { Row } from '../types.ts';

type SellerItem = Row<'/api/v1/seller/order-items'>;

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
