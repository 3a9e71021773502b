import type { ConsolePage } from '../shell.tsx';
import { Section } from '../shell.tsx';
import { ProductsTable } from './ProductsTable.tsx';

/** The catalog in the admin console. */
export const catalogPages: ConsolePage[] = [
  {
    path: '/products',
    name: 'Products',
    component: () => (
      <Section title="Products">
        <ProductsTable canCreate />
      </Section>
    ),
  },
];

/** A seller's products (the API answers only its own). */
export const sellerProductPages: ConsolePage[] = [
  {
    path: '/products',
    name: 'Products',
    component: () => (
      <Section title="Products">
        <ProductsTable />
      </Section>
    ),
  },
];
