import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { bazaar, call } from '../api.ts';
import { money, PagedTable, Table } from '../PagedTable.tsx';
import type { Row } from '../types.ts';
import { shortId } from './LowStock.tsx';

type Product = Row<'/api/v1/admin/products'>;

/** The store's products, each linked to its stock page. */
export function StockProducts() {
  return (
    <PagedTable<Product>
      label="Products"
      queryKey="/admin/products"
      fetchPage={(cursor) =>
        call(() => bazaar.GET('/api/v1/admin/products', { params: { query: { limit: 20, cursor } } }))
      }
      columns={[
        { header: 'Product', cell: (p) => <Link href={`/inventory/products/${p.id}`}>{p.name}</Link> },
        { header: 'Status', cell: (p) => p.status },
        { header: 'Stock', cell: (p) => (p.inStock ? 'In stock' : 'Out of stock') },
      ]}
    />
  );
}

/** A product's stock: per warehouse, and per offer with a link to the offer's stock page. */
export function ProductStock(props: { id: string }) {
  const product = useQuery({
    queryKey: ['/admin/products', props.id],
    queryFn: () =>
      call(() => bazaar.GET('/api/v1/admin/products/{id}', { params: { path: { id: props.id } } })),
  });
  const stock = useQuery({
    queryKey: ['/admin/inventory/products', props.id],
    queryFn: () =>
      call(() =>
        bazaar.GET('/api/v1/admin/inventory/products/{productId}', {
          params: { path: { productId: props.id } },
        }),
      ),
  });
  if (product.isPending || stock.isPending) return <p>Loading…</p>;
  if (product.isError || stock.isError) return <p role="alert">{(product.error ?? stock.error)?.message}</p>;
  const available = new Map(stock.data.offers.map((o) => [o.offerId, o.available]));
  const offers = product.data.variants.flatMap((v) => v.offers.map((o) => ({ ...o, sku: v.sku })));
  return (
    <>
      <h1>Stock of {product.data.name}</h1>
      <p>{stock.data.totalAvailable} available in all warehouses.</p>
      <Table
        label="Stock by warehouse"
        rows={stock.data.warehouses.map((w) => ({ ...w, id: w.warehouseId }))}
        columns={[
          { header: 'Warehouse', cell: (w) => w.name },
          { header: 'Available', cell: (w) => w.available },
        ]}
      />
      <h2>Offers</h2>
      <Table
        label="Offers"
        rows={offers}
        columns={[
          { header: 'SKU', cell: (o) => o.sku },
          {
            header: 'Offer',
            cell: (o) => (
              <>
                <Link href={`/inventory/offers/${o.id}`}>Manage stock of {o.sku}</Link> {shortId(o.id)}
              </>
            ),
          },
          { header: 'Price', cell: (o) => money(o.price) },
          { header: 'Available', cell: (o) => available.get(o.id) ?? 0 },
        ]}
      />
    </>
  );
}
