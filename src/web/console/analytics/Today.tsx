import { useQuery } from '@tanstack/react-query';
import { bazaar, call } from '../api.ts';
import { money, Table } from '../PagedTable.tsx';

type Hour = { hour: number; orders: number; revenue: number; units: number };

/** Today's sales per hour of the store's clock, beside the same hours of yesterday. */
export function Today(props: { currency: string }) {
  const q = useQuery({
    queryKey: ['/admin/analytics/hours'],
    queryFn: () => call(() => bazaar.GET('/api/v1/admin/analytics/hours', { params: { query: {} } })),
  });
  const m = (amount: number) => money({ amount, currency: props.currency });
  return (
    <section aria-labelledby="today-heading">
      <h2 id="today-heading">Today by hour</h2>
      {q.isPending && <p>Loading…</p>}
      {q.isError && <p role="alert">{q.error.message}</p>}
      {q.data && <TodayTable report={q.data} money={m} />}
    </section>
  );
}

function TodayTable(props: {
  report: {
    day: string;
    hours: Hour[];
    previous: { day: string; hours: Hour[] };
    totals: Omit<Hour, 'hour'>;
  };
  money: (amount: number) => string;
}) {
  const { report } = props;
  const rows = report.hours
    .map((h) => ({ ...h, before: report.previous.hours[h.hour]! }))
    .filter((h) => h.orders > 0 || h.before.orders > 0);
  return (
    <>
      <dl className="stats" aria-label={`Sales on ${report.day}`}>
        <div>
          <dt>Orders today</dt>
          <dd>{report.totals.orders}</dd>
        </div>
        <div>
          <dt>Revenue today</dt>
          <dd>{props.money(report.totals.revenue)}</dd>
        </div>
      </dl>
      {rows.length === 0 ? (
        <p>No sales today or yesterday yet.</p>
      ) : (
        <Table
          label="Sales by hour today"
          rows={rows.map((r) => ({ ...r, id: String(r.hour) }))}
          columns={[
            { header: 'Hour', cell: (r) => `${String(r.hour).padStart(2, '0')}:00` },
            { header: 'Orders', cell: (r) => r.orders },
            { header: 'Revenue', cell: (r) => props.money(r.revenue) },
            { header: 'Orders yesterday', cell: (r) => r.before.orders },
          ]}
        />
      )}
    </>
  );
}
