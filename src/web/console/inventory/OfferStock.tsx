import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { bazaar, call } from '../api.ts';
import { money, PagedTable, Table } from '../PagedTable.tsx';
import type { Answer, Row } from '../types.ts';
import { OfferForecast } from './Forecasts.tsx';
import { shortId } from './LowStock.tsx';
import { StockForms, stockKeys } from './StockForms.tsx';

type Stock = Answer<'/api/v1/admin/inventory/offers/{offerId}'>;
type Movement = Row<'/api/v1/admin/inventory/offers/{offerId}/movements'>;

/** An offer's stock per warehouse, the forms that change it, and its movements. */
export function OfferStock(props: { id: string }) {
  const stock = useQuery({
    queryKey: stockKeys(props.id)[0]!,
    queryFn: () =>
      call(() =>
        bazaar.GET('/api/v1/admin/inventory/offers/{offerId}', { params: { path: { offerId: props.id } } }),
      ),
  });
  const productId = stock.data?.productId ?? '';
  const product = useQuery({
    queryKey: ['/admin/products', productId],
    queryFn: () =>
      call(() => bazaar.GET('/api/v1/admin/products/{id}', { params: { path: { id: productId } } })),
    enabled: Boolean(productId),
  });
  if (stock.isPending) return <p>Loading…</p>;
  if (stock.isError) return <p role="alert">{stock.error.message}</p>;
  const sku = product.data?.variants.find((v) => v.offers.some((o) => o.id === props.id))?.sku;
  return (
    <>
      <p>
        <Link href={`/inventory/products/${productId}`}>{product.data?.name ?? 'The product'}</Link>
      </p>
      <h1>
        Stock of {sku ?? 'offer'} {shortId(props.id)}
      </h1>
      <p>
        {stock.data.onHand} on hand, {stock.data.reserved} reserved, {stock.data.available} available,{' '}
        {stock.data.damaged} damaged.
      </p>
      <StockTable stock={stock.data} />
      <OfferForecast offerId={props.id} />
      <StockForms offerId={props.id} />
      <h2>Movements</h2>
      <Movements offerId={props.id} />
    </>
  );
}

const lotsOf = (w: Stock['warehouses'][number]) =>
  (w.lots ?? [])
    .filter((l) => l.code)
    .map((l) => `${l.code}: ${l.onHand}${l.expiresAt ? ` (expires ${l.expiresAt.slice(0, 10)})` : ''}`)
    .join(', ') || '–';

function StockTable(props: { stock: Stock }) {
  return (
    <Table
      label="Stock by warehouse"
      rows={props.stock.warehouses}
      columns={[
        { header: 'Warehouse', cell: (w) => `${w.warehouse.name}${w.warehouse.active ? '' : ' (inactive)'}` },
        { header: 'On hand', cell: (w) => w.onHand },
        { header: 'Reserved', cell: (w) => w.reserved },
        { header: 'Available', cell: (w) => w.available },
        { header: 'Damaged', cell: (w) => w.damaged },
        { header: 'Reorder point', cell: (w) => w.reorderPoint },
        { header: 'Lots', cell: lotsOf },
      ]}
    />
  );
}

function Movements(props: { offerId: string }) {
  const warehouses = useQuery({
    queryKey: ['/admin/warehouses'],
    queryFn: () => call(() => bazaar.GET('/api/v1/admin/warehouses', { params: { query: { limit: 100 } } })),
  });
  const names = new Map((warehouses.data?.items ?? []).map((w) => [w.id, w.name]));
  return (
    <PagedTable<Movement>
      label="Movements"
      queryKey={stockKeys(props.offerId)[1]![0]!}
      fetchPage={(cursor) =>
        call(() =>
          bazaar.GET('/api/v1/admin/inventory/offers/{offerId}/movements', {
            params: { path: { offerId: props.offerId }, query: { limit: 20, cursor } },
          }),
        )
      }
      columns={[
        { header: 'When', cell: (m) => new Date(m.createdAt).toLocaleString() },
        { header: 'Type', cell: (m) => m.type.toLowerCase() },
        { header: 'Warehouse', cell: (m) => names.get(m.warehouseId) ?? shortId(m.warehouseId) },
        { header: 'Change', cell: (m) => (m.quantityChange > 0 ? `+${m.quantityChange}` : m.quantityChange) },
        { header: 'After', cell: (m) => m.quantityAfter },
        { header: 'Lot', cell: (m) => m.lotCode ?? '–' },
        { header: 'Unit cost', cell: (m) => money(m.unitCost) },
        { header: 'Reason', cell: (m) => m.reason ?? '–' },
      ]}
    />
  );
}
