import { useState } from 'react';
import { Link } from 'wouter';
import { bazaar, call } from '../api.ts';
import { money, PagedTable } from '../PagedTable.tsx';
import type { Row } from '../types.ts';
import { SelectField } from './fields.tsx';
import { ProductForm } from './ProductForm.tsx';
import { ImageUpload } from './ProductImages.tsx';
import { PRODUCT_STATUSES, type ProductStatus } from './status.ts';

type Product = Row<'/api/v1/admin/products'>;

/**
 * The products, newest first, a page at a time, filtered by status (the API's list has no text
 * search). The store's console creates, and links each product to its page; a seller's only reads.
 */
export function ProductsTable(props: { canCreate?: boolean }) {
  const [adding, setAdding] = useState(false);
  const [status, setStatus] = useState<ProductStatus | ''>('');
  return (
    <>
      {props.canCreate && (
        <p className="actions">
          {adding ? null : (
            <button type="button" onClick={() => setAdding(true)}>
              New product
            </button>
          )}
          <Link href="/products/import">Import / export CSV</Link>
        </p>
      )}
      {props.canCreate && adding && <ProductForm onCreated={() => setAdding(false)} />}
      <div className="filters">
        <SelectField
          id="products-status"
          label="Show"
          value={status}
          onChange={(e) => setStatus(e.target.value as ProductStatus | '')}
          options={[
            ['', 'Every status'],
            ...PRODUCT_STATUSES.map((s): [string, string] => [s, s.toLowerCase()]),
          ]}
        />
      </div>
      <ProductList status={status || undefined} linked={Boolean(props.canCreate)} />
    </>
  );
}

function ProductList(props: { status: ProductStatus | undefined; linked: boolean }) {
  return (
    <PagedTable<Product>
      label="Products"
      queryKey="/admin/products"
      filter={{ status: props.status }}
      fetchPage={(cursor) =>
        call(() =>
          bazaar.GET('/api/v1/admin/products', {
            params: { query: { limit: 20, cursor, status: props.status } },
          }),
        )
      }
      columns={[
        {
          header: 'Name',
          cell: (p) => (props.linked ? <Link href={`/products/${p.id}`}>{p.name}</Link> : p.name),
        },
        { header: 'Status', cell: (p) => p.status.toLowerCase() },
        { header: 'Price', cell: (p) => money(p.price) },
        { header: 'Stock', cell: (p) => (p.inStock ? 'In stock' : 'Out of stock') },
        { header: 'Images', cell: (p) => <ImageUpload productId={p.id} altText={p.name} /> },
      ]}
    />
  );
}
