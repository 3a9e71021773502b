import type { ConsolePage } from '../shell.tsx';
import { Section } from '../shell.tsx';
import { CustomerDetail } from './CustomerDetail.tsx';
import { Customers } from './Customers.tsx';
import { Sellers } from './Sellers.tsx';
import { UserGroups } from './UserGroups.tsx';

/** The store's people in the admin console: customers, their groups, sellers. */
export const peoplePages: ConsolePage[] = [
  {
    path: '/customers',
    name: 'Customers',
    component: () => (
      <Section title="Customers">
        <Customers />
      </Section>
    ),
  },
  {
    path: '/customers/:id',
    component: ({ params }) => <CustomerDetail id={params.id ?? ''} />,
  },
  {
    path: '/user-groups',
    name: 'Groups',
    component: () => (
      <Section title="User groups">
        <UserGroups />
      </Section>
    ),
  },
  {
    path: '/sellers',
    name: 'Sellers',
    component: () => (
      <Section title="Sellers">
        <Sellers />
      </Section>
    ),
  },
];
