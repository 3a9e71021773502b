import type { ConsolePage } from '../shell.tsx';
import { Section } from '../shell.tsx';
import { OrderDetail } from './OrderDetail.tsx';
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
  {
    path: '/orders/:id',
    component: ({ params }) => <OrderDetail id={params.id ?? ''} />,
  },
];
