import type { ConsolePage } from '../shell.tsx';
import { Section } from '../shell.tsx';
import { SellerItemsTable } from './SellerItemsTable.tsx';

/** The seller console's own pages. */
export const sellerPages: ConsolePage[] = [
  {
    path: '/order-items',
    name: 'Order items',
    component: () => (
      <Section title="Order items">
        <SellerItemsTable />
      </Section>
    ),
  },
];
