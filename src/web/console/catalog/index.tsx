import type { ConsolePage } from '../shell.tsx';
import { Section } from '../shell.tsx';
import { CategoriesPage } from './CategoriesPage.tsx';
import { CategoryPage } from './CategoryPage.tsx';
import { ImportExportPage } from './ImportExport.tsx';
import { ProductPage } from './ProductPage.tsx';
import { ProductsTable } from './ProductsTable.tsx';

/** The catalog in the admin console: products (each with its page), the CSV import, the categories. */
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
  { path: '/products/import', component: ImportExportPage },
  { path: '/products/:id', component: ProductPage },
  { path: '/categories', name: 'Categories', component: CategoriesPage },
  { path: '/categories/:id', component: CategoryPage },
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
