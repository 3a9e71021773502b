import type { ConsolePage } from '../shell.tsx';
import { Section } from '../shell.tsx';
import { ReviewDetail } from './ReviewDetail.tsx';
import { ReviewQueue } from './ReviewQueue.tsx';
import { ReviewSettings } from './ReviewSettings.tsx';
import { SellerReviews } from './SellerReviews.tsx';

/** Reviews in the admin console: the moderation queue, one review with its reports, the rules. */
export const reviewPages: ConsolePage[] = [
  {
    path: '/reviews',
    name: 'Reviews',
    component: () => (
      <Section title="Reviews">
        <ReviewQueue />
      </Section>
    ),
  },
  { path: '/reviews/:id', component: ({ params }) => <ReviewDetail id={params.id ?? ''} /> },
  {
    path: '/review-settings',
    name: 'Review settings',
    component: () => (
      <Section title="Review settings">
        <ReviewSettings />
      </Section>
    ),
  },
];

/** The seller console's reviews: those of the seller's offers, with replies. */
export const sellerReviewPages: ConsolePage[] = [
  {
    path: '/reviews',
    name: 'Reviews',
    component: () => (
      <Section title="Reviews">
        <SellerReviews />
      </Section>
    ),
  },
];
