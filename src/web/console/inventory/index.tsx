import type { ConsolePage } from '../shell.tsx';
import { Section } from '../shell.tsx';
import { ReorderSuggestions } from './Forecasts.tsx';
import { LowStockTable } from './LowStock.tsx';
import { OfferStock } from './OfferStock.tsx';
import { ProductStock, StockProducts } from './Products.tsx';
import { WarehouseEdit, Warehouses } from './Warehouses.tsx';

/** Stock and warehouses in the admin console. */
export const inventoryPages: ConsolePage[] = [
  {
    path: '/inventory',
    name: 'Inventory',
    component: () => (
      <Section title="Inventory">
        <h2>Low stock</h2>
        <LowStockTable />
        <h2>Stock by product</h2>
        <StockProducts />
      </Section>
    ),
  },
  {
    path: '/inventory/reorder',
    name: 'Reorder suggestions',
    component: () => (
      <Section title="Reorder suggestions">
        <ReorderSuggestions />
      </Section>
    ),
  },
  { path: '/inventory/products/:id', component: ({ params }) => <ProductStock id={params.id!} /> },
  { path: '/inventory/offers/:id', component: ({ params }) => <OfferStock id={params.id!} /> },
  {
    path: '/warehouses',
    name: 'Warehouses',
    component: () => (
      <Section title="Warehouses">
        <Warehouses />
      </Section>
    ),
  },
  { path: '/warehouses/:id', component: ({ params }) => <WarehouseEdit id={params.id!} /> },
];
