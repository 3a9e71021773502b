import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { bazaar, call } from '../api.ts';
import { Field, FormProblem, problemOf } from '../form.tsx';
import { OfferForecast } from '../inventory/Forecasts.tsx';
import { PagedTable } from '../PagedTable.tsx';
import type { Row } from '../types.ts';

type Movement = Row<'/api/v1/admin/inventory/offers/{offerId}/movements'>;

const movementsKey = (offerId: string) => `/admin/inventory/offers/${offerId}/movements`;

/** Receives units of the offer into one of the store's warehouses (the default one preselected). */
function ReceiveStock(props: { offerId: string }) {
  const client = useQueryClient();
  const [quantity, setQuantity] = useState('');
  const [warehouseId, setWarehouseId] = useState('');
  const warehouses = useQuery({
    queryKey: ['/admin/warehouses'],
    queryFn: () => call(() => bazaar.GET('/api/v1/admin/warehouses', { params: { query: { limit: 100 } } })),
  });
  const active = (warehouses.data?.items ?? []).filter((w) => w.active);
  const chosen = warehouseId || active.find((w) => w.isDefault)?.id || active[0]?.id || '';
  const receive = useMutation({
    mutationFn: () => {
      const body = {
        offerId: props.offerId,
        quantity: Number(quantity),
        ...(chosen ? { warehouseId: chosen } : {}),
      };
      return call(() => bazaar.POST('/api/v1/admin/inventory/receipts', { body }));
    },
    onSuccess: () => {
      setQuantity('');
      void client.invalidateQueries({ queryKey: [movementsKey(props.offerId)] });
      void client.invalidateQueries({ queryKey: ['/admin/offers'] });
    },
  });
  const { errorOf } = problemOf(receive.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    receive.mutate();
  };
  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor="receive-warehouse">Warehouse</label>
        <select id="receive-warehouse" value={chosen} onChange={(e) => setWarehouseId(e.target.value)}>
          {active.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
      </div>
      <Field
        id="receive-quantity"
        label="Units received"
        inputMode="numeric"
        error={errorOf('/quantity')}
        value={quantity}
        onChange={(e) => setQuantity(e.target.value)}
      />
      <button type="submit" disabled={receive.isPending}>
        Receive stock
      </button>
      {receive.isSuccess && <span role="status">Received</span>}
      <FormProblem error={receive.error} />
    </form>
  );
}

/** An offer's stock page: receive units, its forecast, and its movements newest first. */
export function OfferStock(props: { params: Record<string, string | undefined> }) {
  const offerId = props.params.id ?? '';
  return (
    <>
      <p>
        <Link href="/offers">Back to offers</Link>
      </p>
      <h1>Stock</h1>
      <ReceiveStock offerId={offerId} />
      <OfferForecast offerId={offerId} />
      <h2>Movements</h2>
      <PagedTable<Movement>
        label="Movements"
        queryKey={movementsKey(offerId)}
        fetchPage={(cursor) =>
          call(() =>
            bazaar.GET('/api/v1/admin/inventory/offers/{offerId}/movements', {
              params: { path: { offerId }, query: { limit: 20, cursor } },
            }),
          )
        }
        columns={[
          { header: 'When', cell: (m) => new Date(m.createdAt).toLocaleString() },
          { header: 'Type', cell: (m) => m.type.toLowerCase() },
          {
            header: 'Change',
            cell: (m) => (m.quantityChange > 0 ? `+${m.quantityChange}` : m.quantityChange),
          },
          { header: 'On hand after', cell: (m) => m.quantityAfter },
          { header: 'Reason', cell: (m) => m.reason ?? m.reference?.type.toLowerCase() ?? '–' },
        ]}
      />
    </>
  );
}
