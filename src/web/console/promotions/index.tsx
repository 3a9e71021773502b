import type { ConsolePage } from '../shell.tsx';
import { Section } from '../shell.tsx';
import { CouponPage, Coupons } from './Coupons.tsx';

/** The store's promotions in the admin console (reward points are on each customer's page). */
export const promotionPages: ConsolePage[] = [
  {
    path: '/coupons',
    name: 'Coupons',
    component: () => (
      <Section title="Coupons">
        <Coupons />
      </Section>
    ),
  },
  {
    path: '/coupons/:id',
    component: ({ params }) => <CouponPage id={params.id ?? ''} />,
  },
];
