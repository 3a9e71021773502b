import { useQuery, useQueryClient } from '@tanstack/react-query';
import { bazaar, call } from '../api.ts';
import type { Answer } from '../types.ts';

export type Product = Answer<'/api/v1/admin/products/{id}'>;
export type Variant = Product['variants'][number];

/** A product's key in the query cache: under the list's, so invalidating the list reloads it too. */
export const productKey = (id: string) => ['/admin/products', id];

export function useProduct(id: string) {
  return useQuery({
    queryKey: productKey(id),
    queryFn: () => call(() => bazaar.GET('/api/v1/admin/products/{id}', { params: { path: { id } } })),
  });
}

/** What to do with a product the API answers after a change: show it, and reload the lists. */
export function useProductChanged() {
  const client = useQueryClient();
  return (product: Product) => {
    client.setQueryData(productKey(product.id), product);
    void client.invalidateQueries({
      predicate: (q) => q.queryKey[0] === '/admin/products' && q.queryKey[1] !== product.id,
    });
  };
}

/** Reloads a product (after a change whose answer is not the product). */
export function useProductReload() {
  const client = useQueryClient();
  return (id: string) => client.invalidateQueries({ queryKey: productKey(id) });
}

/** The store's currency and its decimals. */
export function useStore() {
  return useQuery({ queryKey: ['/store'], queryFn: () => call(() => bazaar.GET('/api/v1/store')) });
}
