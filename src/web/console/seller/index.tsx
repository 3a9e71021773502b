import type { ConsolePage } from '../shell.tsx';
import { Section } from '../shell.tsx';
import { OfferStock } from './OfferStock.tsx';
import { SellerInvoices } from './SellerInvoices.tsx';
import { SellerItemsTable } from './SellerItemsTable.tsx';
import { OffersTable, OfferVariant } from './SellerOffers.tsx';
import { SellerProfile } from './SellerProfile.tsx';
import { SellerTerms } from './SellerTerms.tsx';

const profilePage: ConsolePage = {
  path: '/profile',
  name: 'Profile',
  component: () => (
    <Section title="Profile and application">
      <SellerProfile />
      <SellerTerms />
    </Section>
  ),
};

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
  {
    path: '/offers',
    name: 'Offers',
    component: () => (
      <Section title="Offers">
        <OffersTable />
        <OfferVariant />
      </Section>
    ),
  },
  { path: '/offers/:id', component: OfferStock },
  {
    path: '/invoices',
    name: 'Invoices',
    component: () => (
      <Section title="Invoices">
        <SellerInvoices />
      </Section>
    ),
  },
  profilePage,
];

/** What an account that applied to sell but is not (yet) a seller may open: its application. */
export const applicantPages: ConsolePage[] = [profilePage];
