import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { bazaar, call } from '../api.ts';
import { LowStockTable } from '../inventory/LowStock.tsx';
import { money, PagedTable, Table } from '../PagedTable.tsx';
import type { Row } from '../types.ts';

type Seller = Row<'/api/v1/admin/sellers'>;

/** Today in the browser's time zone: from its midnight to the next. */
function today(): { from: string; to: string } {
  const start = new Date();
  start.setHours(0, 0, 0, 0);
  const end = new Date(start);
  end.setDate(end.getDate() + 1);
  return { from: start.toISOString(), to: end.toISOString() };
}

/** Today's orders: how many, and the revenue in the store's currency (others after it). */
function Today() {
  const window = today();
  const store = useQuery({ queryKey: ['/store'], queryFn: () => call(() => bazaar.GET('/api/v1/store')) });
  const summary = useQuery({
    queryKey: ['/admin/orders/summary', window.from],
    queryFn: () => call(() => bazaar.GET('/api/v1/admin/orders/summary', { params: { query: window } })),
  });
  if (store.isPending || summary.isPending) return <p>Loading…</p>;
  if (store.isError || summary.isError) return <p role="alert">{(store.error ?? summary.error)?.message}</p>;
  const currency = store.data.currency;
  const revenue = summary.data.revenue.find((m) => m.currency === currency) ?? { amount: 0, currency };
  const others = summary.data.revenue.filter((m) => m.currency !== currency);
  return (
    <dl className="stats" aria-label="Today">
      <div>
        <dt>Orders today</dt>
        <dd>{summary.data.count}</dd>
      </div>
      <div>
        <dt>Revenue today</dt>
        <dd>{[revenue, ...others].map(money).join(' + ')}</dd>
      </div>
      {summary.data.byStatus.map((s) => (
        <div key={s.status}>
          <dt>{s.status.toLowerCase()}</dt>
          <dd>{s.count}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The five newest orders. */
function RecentOrders() {
  const orders = useQuery({
    queryKey: ['/admin/orders', 'recent'],
    queryFn: () => call(() => bazaar.GET('/api/v1/admin/orders', { params: { query: { limit: 5 } } })),
  });
  if (orders.isPending) return <p>Loading…</p>;
  if (orders.isError) return <p role="alert">{orders.error.message}</p>;
  return (
    <>
      <Table
        label="Recent orders"
        rows={orders.data.items}
        columns={[
          { header: 'Number', cell: (o) => o.number },
          { header: 'Status', cell: (o) => o.status },
          { header: 'Total', cell: (o) => money(o.totals.total) },
          { header: 'Placed', cell: (o) => new Date(o.placedAt).toLocaleString() },
        ]}
      />
      {orders.data.items.length === 0 && <p>No orders yet.</p>}
      <p>
        <Link href="/orders">All orders</Link>
      </p>
    </>
  );
}

function PendingSellers() {
  return (
    <PagedTable<Seller & { id: string }>
      label="Pending seller applications"
      queryKey="/admin/sellers?status=PENDING"
      fetchPage={async (cursor) => {
        const query = { status: 'PENDING' as const, limit: 10, cursor };
        const page = await call(() => bazaar.GET('/api/v1/admin/sellers', { params: { query } }));
        return { ...page, items: page.items.map((s) => ({ ...s, id: s.userId })) };
      }}
      columns={[
        { header: 'Business', cell: (s) => s.businessName },
        { header: 'Type', cell: (s) => s.businessType ?? '–' },
        { header: 'Applied', cell: (s) => new Date(s.appliedAt).toLocaleDateString() },
      ]}
    />
  );
}

/** The store at a glance: today's orders and revenue, low stock, sellers waiting, recent orders. */
export function Dashboard() {
  return (
    <>
      <h1>Dashboard</h1>
      <section aria-labelledby="today">
        <h2 id="today">Today</h2>
        <Today />
      </section>
      <section aria-labelledby="low-stock">
        <h2 id="low-stock">Low stock</h2>
        <LowStockTable />
      </section>
      <section aria-labelledby="pending-sellers">
        <h2 id="pending-sellers">Seller applications waiting</h2>
        <PendingSellers />
      </section>
      <section aria-labelledby="recent-orders">
        <h2 id="recent-orders">Recent orders</h2>
        <RecentOrders />
      </section>
    </>
  );
}
