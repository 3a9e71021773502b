import { useState } from 'react';
import { Link } from 'wouter';
import { bazaar, call } from '../api.ts';
import { SearchForm } from '../form.tsx';
import { money, PagedTable } from '../PagedTable.tsx';
import type { Row } from '../types.ts';
import { SelectField } from './fields.tsx';
import { ProductForm } from './ProductForm.tsx';
import { ImageUpload } from './ProductImages.tsx';
import { PRODUCT_STATUSES, type ProductStatus } from './status.ts';

type Product = Row<'/api/v1/admin/products'>;

/**
 * The products, newest first, a page at a time, found by words of their name or brand or by a
 * SKU, and filtered by status. The store's console creates, and links each product to its page;
 * a seller's only reads.
 */
export function ProductsTable(props: { canCreate?: boolean }) {
  const [adding, setAdding] = useState(false);
  const [status, setStatus] = useState<ProductStatus | ''>('');
  const [text, setText] = useState('');
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
      <SearchForm id="products-search" label="Search products" onSearch={setText}>
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
      </SearchForm>
      <ProductList status={status || undefined} q={text || undefined} linked={Boolean(props.canCreate)} />
    </>
  );
}

function ProductList(props: { status: ProductStatus | undefined; q: string | undefined; linked: boolean }) {
  return (
    <PagedTable<Product>
      label="Products"
      queryKey="/admin/products"
      filter={{ status: props.status, q: props.q }}
      fetchPage={(cursor) =>
        call(() =>
          bazaar.GET('/api/v1/admin/products', {
            params: { query: { limit: 20, cursor, status: props.status, q: props.q } },
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
