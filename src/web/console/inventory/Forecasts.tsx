import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { bazaar, call } from '../api.ts';
import { PagedTable } from '../PagedTable.tsx';
import type { Answer } from '../types.ts';
import { shortId } from './LowStock.tsx';

type Forecast = Answer<'/api/v1/admin/inventory/offers/{offerId}/forecast'>;

const METHODS: Record<Forecast['method'], string> = {
  'holt-winters': 'Holt-Winters (weekly season)',
  sba: 'Croston-SBA (intermittent)',
  none: 'none',
};

const units = (n: number | null) =>
  n === null ? '–' : n.toLocaleString(undefined, { maximumFractionDigits: 1 });
const cover = (f: Forecast) =>
  f.daysOfCover === null ? 'no demand expected' : `${units(f.daysOfCover)} days`;

/** An offer's latest forecast: demand ahead, days of cover and the suggested reorder. */
export function OfferForecast(props: { offerId: string }) {
  const forecast = useQuery({
    queryKey: ['/admin/inventory/forecast', props.offerId],
    queryFn: () =>
      call(() =>
        bazaar.GET('/api/v1/admin/inventory/offers/{offerId}/forecast', {
          params: { path: { offerId: props.offerId } },
        }),
      ),
    retry: false,
  });
  return (
    <section aria-labelledby="forecast-heading">
      <h2 id="forecast-heading">Forecast</h2>
      {forecast.isPending && <p>Loading…</p>}
      {forecast.isError && <p>No forecast yet: forecasts are computed once a day.</p>}
      {forecast.data && <ForecastFacts forecast={forecast.data} />}
    </section>
  );
}

function ForecastFacts(props: { forecast: Forecast }) {
  const f = props.forecast;
  if (f.method === 'none') return <p>No forecast: {f.reason}.</p>;
  return (
    <dl className="facts">
      <dt>Days of cover</dt>
      <dd>{cover(f)}</dd>
      <dt>Suggested reorder</dt>
      <dd>
        {f.reorderQuantity ? `${f.reorderQuantity} units` : 'none needed'} (lead time {f.leadTimeDays} days,
        safety stock {f.safetyStock})
      </dd>
      <dt>Expected demand</dt>
      <dd>
        {units(f.demand7)} in 7 days, {units(f.demand14)} in 14, {units(f.demand30)} in 30
        {f.demand30Interval && ` (${units(f.demand30Interval.low)}–${units(f.demand30Interval.high)})`}
      </dd>
      <dt>Method</dt>
      <dd>
        {METHODS[f.method]} from {f.historyDays} days, computed {f.computedOn}
        {f.confidence && `; ${f.confidence} confidence (error ${f.error})`}
      </dd>
    </dl>
  );
}

/** Offers whose stock runs out within lead time + review period, most urgent first. */
export function ReorderSuggestions() {
  const download = useMutation({
    mutationFn: () =>
      call(() =>
        bazaar.GET('/api/v1/admin/inventory/forecasts', {
          params: { query: { format: 'csv' } },
          parseAs: 'blob',
        }),
      ),
    onSuccess: (blob) => {
      const url = URL.createObjectURL(blob as unknown as Blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = 'reorder-suggestions.csv';
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    },
  });
  return (
    <>
      <p>
        From the daily forecast of each offer's demand: offers whose available stock lasts less than their
        lead time plus the review period, with the quantity that covers both and the safety stock.
      </p>
      <PagedTable<Forecast & { id: string }>
        label="Reorder suggestions"
        queryKey="/admin/inventory/forecasts"
        fetchPage={async (cursor) => {
          const page = await call(() =>
            bazaar.GET('/api/v1/admin/inventory/forecasts', { params: { query: { limit: 20, cursor } } }),
          );
          return { ...page, items: page.items.map((f) => ({ ...f, id: f.offerId })) };
        }}
        columns={[
          {
            header: 'Offer',
            cell: (f) => <Link href={`/inventory/offers/${f.offerId}`}>{shortId(f.offerId)}</Link>,
          },
          { header: 'Available', cell: (f) => f.available },
          { header: 'Per day', cell: (f) => units(f.dailyDemand) },
          { header: 'Days of cover', cell: (f) => units(f.daysOfCover) },
          { header: 'Lead time', cell: (f) => `${f.leadTimeDays} days` },
          { header: 'Reorder', cell: (f) => f.reorderQuantity },
          { header: 'Confidence', cell: (f) => f.confidence ?? '–' },
        ]}
      />
      <button type="button" className="csv" disabled={download.isPending} onClick={() => download.mutate()}>
        Download reorder suggestions CSV
      </button>
    </>
  );
}
