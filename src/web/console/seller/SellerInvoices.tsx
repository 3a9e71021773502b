import { useMutation } from '@tanstack/react-query';
import { bazaar, call } from '../api.ts';
import { PagedTable } from '../PagedTable.tsx';

interface SellerOrder {
  id: string;
  number: string;
  placedAt: string;
}

/** The orders the seller has items in, once each, from a page of its order items (newest first). */
async function ordersPage(cursor: string | undefined) {
  const page = await call(() =>
    bazaar.GET('/api/v1/seller/order-items', { params: { query: { limit: 50, cursor } } }),
  );
  const orders = new Map<string, SellerOrder>();
  for (const i of page.items)
    if (!orders.has(i.orderId))
      orders.set(i.orderId, { id: i.orderId, number: i.orderNumber, placedAt: i.placedAt });
  return { items: [...orders.values()], nextCursor: page.nextCursor };
}

/** Fetches the seller's part of the order's invoice with the session's token and opens the PDF. */
function InvoiceButton(props: { order: SellerOrder }) {
  const open = useMutation({
    mutationFn: () =>
      call(() =>
        bazaar.GET('/api/v1/orders/{id}/invoice', {
          params: { path: { id: props.order.id } },
          parseAs: 'blob',
        }),
      ),
    onSuccess: (pdf) => {
      const url = URL.createObjectURL(pdf as Blob);
      window.open(url, '_blank', 'noopener');
      // the opened tab has read it by then; a link's lifetime need not outlast a minute
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
  });
  return (
    <>
      <button type="button" disabled={open.isPending} onClick={() => open.mutate()}>
        Invoice {props.order.number} (PDF)
      </button>
      {open.isError && <span role="alert">{open.error.message}</span>}
    </>
  );
}

export function SellerInvoices() {
  return (
    <PagedTable<SellerOrder>
      label="Orders"
      queryKey="/seller/order-items/orders"
      fetchPage={ordersPage}
      columns={[
        { header: 'Order', cell: (o) => o.number },
        { header: 'Placed', cell: (o) => new Date(o.placedAt).toLocaleString() },
        { header: 'Invoice', cell: (o) => <InvoiceButton order={o} /> },
      ]}
    />
  );
}
