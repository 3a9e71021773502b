import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { bazaar, call } from '../api.ts';
import { money, PagedTable } from '../PagedTable.tsx';
import type { Row } from '../types.ts';
import { ProductForm } from './ProductForm.tsx';

type Product = Row<'/api/v1/admin/products'>;

export function ProductsTable(props: { canCreate?: boolean }) {
  const [adding, setAdding] = useState(false);
  return (
    <>
      {props.canCreate &&
        (adding ? (
          <ProductForm onCreated={() => setAdding(false)} />
        ) : (
          <button type="button" onClick={() => setAdding(true)}>
            New product
          </button>
        ))}
      <ProductList />
    </>
  );
}

/** Uploads a picture for a product (the server checks its real type, size and dimensions). */
function ImageUpload(props: { product: Product }) {
  const [state, setState] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: (file: File) =>
      call(() =>
        bazaar.POST('/api/v1/admin/products/{id}/images', {
          params: { path: { id: props.product.id }, query: { altText: props.product.name } },
          // the body is the image itself, sent as it is with its own type
          body: file as never,
          bodySerializer: (body: unknown) => body as BodyInit,
          headers: { 'content-type': file.type },
        }),
      ),
    onSuccess: () => setState('Uploaded'),
    onError: (error) => setState(error.message),
  });
  const id = `image-${props.product.id}`;
  return (
    <>
      <label htmlFor={id}>Upload image</label>
      <input
        id={id}
        type="file"
        accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) upload.mutate(file);
        }}
      />
      {state && <span role={state === 'Uploaded' ? 'status' : 'alert'}>{state}</span>}
    </>
  );
}

function ProductList() {
  return (
    <PagedTable<Product>
      label="Products"
      queryKey="/admin/products"
      fetchPage={(cursor) =>
        call(() => bazaar.GET('/api/v1/admin/products', { params: { query: { limit: 20, cursor } } }))
      }
      columns={[
        { header: 'Name', cell: (p) => p.name },
        { header: 'Status', cell: (p) => p.status },
        { header: 'Price', cell: (p) => money(p.price) },
        { header: 'Stock', cell: (p) => (p.inStock ? 'In stock' : 'Out of stock') },
        { header: 'Images', cell: (p) => <ImageUpload product={p} /> },
      ]}
    />
  );
}
