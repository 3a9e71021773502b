import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { bazaar, call } from '../api.ts';
import { money, Table } from '../PagedTable.tsx';
import { SalesChart } from './SalesChart.tsx';
import { Today } from './Today.tsx';

type Range = { from: string; to: string };
type Report =
  | 'sales'
  | 'top-products'
  | 'top-categories'
  | 'sellers'
  | 'payment-methods'
  | 'funnel'
  | 'searches';

const DAY_MS = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const shift = (day: string, days: number) => iso(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
const span = (r: Range) => Math.round((Date.parse(r.to) - Date.parse(r.from)) / DAY_MS) + 1;

/** The range of the same length just before `r`. */
function previousOf(r: Range): Range {
  return { from: shift(r.from, -span(r)), to: shift(r.from, -1) };
}

/** The last 30 days, today included (the browser's today). */
function lastThirtyDays(): Range {
  const to = iso(new Date(Date.now() - new Date().getTimezoneOffset() * 60_000));
  return { from: shift(to, -29), to };
}

function change(now: number, before: number): string {
  if (before === 0) return now === 0 ? 'no change' : 'new';
  const pct = Math.round(((now - before) / before) * 1000) / 10;
  return `${pct > 0 ? '+' : ''}${pct}% on the previous period`;
}

/** Downloads a report as CSV: fetched with the session's token, saved through an object URL. */
function CsvButton(props: { report: Report; range: Range; label: string }) {
  const download = useMutation({
    mutationFn: () =>
      call(() =>
        bazaar.GET(`/api/v1/admin/analytics/${props.report}` as '/api/v1/admin/analytics/sales', {
          params: { query: { ...props.range, format: 'csv' } },
          parseAs: 'blob',
        }),
      ),
    onSuccess: (blob) => {
      const url = URL.createObjectURL(blob as unknown as Blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `${props.report}-${props.range.from}-${props.range.to}.csv`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    },
  });
  return (
    <button type="button" className="csv" disabled={download.isPending} onClick={() => download.mutate()}>
      {props.label}
    </button>
  );
}

function useReport<T>(report: Report, range: Range, extra: Record<string, string> = {}) {
  return useQuery({
    queryKey: ['/admin/analytics', report, range.from, range.to, extra],
    queryFn: () =>
      call(() =>
        bazaar.GET(`/api/v1/admin/analytics/${report}` as '/api/v1/admin/analytics/sales', {
          params: { query: { ...range, ...extra } },
        }),
      ) as unknown as Promise<T>,
  });
}

type Sales = {
  days: Array<{ date: string; orders: number; revenue: number }>;
  totals: { orders: number; revenue: number };
};
type Ranked = {
  items: Array<{ id: string; name: string | null; orders: number; units: number; revenue: number }>;
};

function Sales(props: { range: Range; currency: string }) {
  const now = useReport<Sales>('sales', props.range);
  const before = useReport<Sales>('sales', previousOf(props.range));
  if (now.isPending || before.isPending) return <p>Loading…</p>;
  if (now.isError || before.isError) return <p role="alert">{(now.error ?? before.error)?.message}</p>;
  const m = (amount: number) => money({ amount, currency: props.currency });
  return (
    <section aria-labelledby="sales-heading">
      <h2 id="sales-heading">Sales over time</h2>
      <dl className="stats" aria-label="Sales in the range">
        <div>
          <dt>Orders</dt>
          <dd>{now.data.totals.orders}</dd>
          <dd className="delta">{change(now.data.totals.orders, before.data.totals.orders)}</dd>
        </div>
        <div>
          <dt>Revenue</dt>
          <dd>{m(now.data.totals.revenue)}</dd>
          <dd className="delta">{change(now.data.totals.revenue, before.data.totals.revenue)}</dd>
        </div>
      </dl>
      <SalesChart
        days={now.data.days}
        previous={before.data.days}
        label="Revenue per day, this period and the previous one"
      />
      <CsvButton report="sales" range={props.range} label="Download sales CSV" />
    </section>
  );
}

function RankedTable(props: { report: Report; title: string; range: Range; currency: string }) {
  const q = useReport<Ranked>(props.report, props.range);
  const id = `${props.report}-heading`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{props.title}</h2>
      {q.isPending && <p>Loading…</p>}
      {q.isError && <p role="alert">{q.error.message}</p>}
      {q.data && q.data.items.length === 0 && <p>No sales in this range.</p>}
      {q.data && q.data.items.length > 0 && (
        <Table
          label={props.title}
          rows={q.data.items}
          columns={[
            { header: 'Name', cell: (r) => r.name ?? r.id },
            { header: 'Orders', cell: (r) => r.orders },
            { header: 'Units', cell: (r) => r.units },
            { header: 'Revenue', cell: (r) => money({ amount: r.revenue, currency: props.currency }) },
          ]}
        />
      )}
      <CsvButton
        report={props.report}
        range={props.range}
        label={`Download ${props.title.toLowerCase()} CSV`}
      />
    </section>
  );
}

type Funnel = {
  views: number;
  cartAdds: number;
  checkoutsStarted: number;
  checkoutsCompleted: number;
  searches: number;
  zeroResultSearches: number;
  rates: { viewToCart: number; cartToCheckout: number; checkoutToOrder: number; viewToOrder: number };
};

function FunnelView(props: { range: Range }) {
  const q = useReport<Funnel>('funnel', props.range);
  const pct = (r: number) => `${Math.round(r * 1000) / 10}%`;
  if (q.isPending) return <p>Loading…</p>;
  if (q.isError) return <p role="alert">{q.error.message}</p>;
  const f = q.data;
  const steps: Array<[string, number, string]> = [
    ['Product views', f.views, ''],
    ['Cart adds', f.cartAdds, pct(f.rates.viewToCart)],
    ['Checkouts started', f.checkoutsStarted, pct(f.rates.cartToCheckout)],
    ['Orders placed', f.checkoutsCompleted, pct(f.rates.checkoutToOrder)],
  ];
  return (
    <section aria-labelledby="funnel-heading">
      <h2 id="funnel-heading">Conversion funnel</h2>
      <dl className="stats" aria-label="Conversion funnel">
        {steps.map(([name, count, rate]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{count}</dd>
            {rate && <dd className="delta">{rate} of the step before</dd>}
          </div>
        ))}
      </dl>
      <p>
        {f.searches} searches, {f.zeroResultSearches} without results; views to orders{' '}
        {pct(f.rates.viewToOrder)}.
      </p>
      <CsvButton report="funnel" range={props.range} label="Download funnel CSV" />
    </section>
  );
}

/** The Analytics section: a range, sales against the previous period, the best sellers, the funnel. */
export function Analytics() {
  const [range, setRange] = useState<Range>(lastThirtyDays);
  const [draft, setDraft] = useState<Range>(range);
  const store = useQuery({ queryKey: ['/store'], queryFn: () => call(() => bazaar.GET('/api/v1/store')) });
  const currency = store.data?.currency ?? 'INR';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setRange(draft);
  };
  return (
    <>
      <Today currency={currency} />
      <form className="inline-form" onSubmit={submit} aria-label="Range">
        <label>
          From
          <input
            type="date"
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
            required
          />
        </label>
        <label>
          To
          <input
            type="date"
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
            required
          />
        </label>
        <button type="submit">Show</button>
      </form>
      <Sales range={range} currency={currency} />
      <RankedTable report="top-products" title="Top products" range={range} currency={currency} />
      <RankedTable report="top-categories" title="Top categories" range={range} currency={currency} />
      <RankedTable report="sellers" title="Sellers" range={range} currency={currency} />
      <FunnelView range={range} />
    </>
  );
}
