import type { ConsolePage } from '../shell.tsx';
import { Section } from '../shell.tsx';
import { OrdersTable } from './OrdersTable.tsx';

/** The store's orders in the admin console. */
export const orderPages: ConsolePage[] = [
  {
    path: '/orders',
    name: 'Orders',
    component: () => (
      <Section title="Orders">
        <OrdersTable />
      </Section>
    ),
  },
];
