import { Link } from 'wouter';
import { bazaar, call } from '../api.ts';
import { PagedTable } from '../PagedTable.tsx';
import type { Row } from '../types.ts';

type Low = Row<'/api/v1/admin/inventory/low-stock'>;

/** Stock at or below its reorder point, a page at a time, each linked to its offer's stock page. */
export function LowStockTable() {
  return (
    <PagedTable<Low>
      label="Low stock"
      queryKey="/admin/inventory/low-stock"
      fetchPage={(cursor) =>
        call(() =>
          bazaar.GET('/api/v1/admin/inventory/low-stock', { params: { query: { limit: 10, cursor } } }),
        )
      }
      columns={[
        {
          header: 'Offer',
          cell: (s) => <Link href={`/inventory/offers/${s.offerId}`}>{shortId(s.offerId)}</Link>,
        },
        { header: 'Warehouse', cell: (s) => s.warehouse.name },
        { header: 'Available', cell: (s) => s.available },
        { header: 'Reorder point', cell: (s) => s.reorderPoint },
        { header: 'Reorder quantity', cell: (s) => s.reorderQuantity },
      ]}
    />
  );
}

/** The last characters of an id, enough to tell rows apart. */
export function shortId(id: string): string {
  return `…${id.slice(-8)}`;
}
