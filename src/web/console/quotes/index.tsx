import type { ConsolePage } from '../shell.tsx';
import { Section } from '../shell.tsx';
import { LeadDetail } from './LeadDetail.tsx';
import { LeadList, SellerLeadList } from './LeadList.tsx';

/** Leads in the admin console: the list by status, and one lead with its quote and thread. */
export const leadPages: ConsolePage[] = [
  {
    path: '/leads',
    name: 'Leads',
    component: () => (
      <Section title="Leads">
        <LeadList />
      </Section>
    ),
  },
  {
    path: '/leads/:id',
    component: ({ params }) => <LeadDetail id={params.id ?? ''} back="/leads" orderLink />,
  },
];

/** The seller console's leads: those with an item of the seller's (read, price their items, and the thread). */
export const sellerLeadPages: ConsolePage[] = [
  {
    path: '/leads',
    name: 'Leads',
    component: () => (
      <Section title="Leads">
        <SellerLeadList />
      </Section>
    ),
  },
  {
    path: '/leads/:id',
    component: ({ params }) => <LeadDetail id={params.id ?? ''} back="/leads" seller />,
  },
];
