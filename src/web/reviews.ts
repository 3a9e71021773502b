/**
 * Reviews as the API answers them (docs/modules/reviews.md; the typed client's generated types),
 * for the storefront and the consoles, and the choices their pages offer.
 */
import type { paths } from '../client/index.ts';
import type { Answer200 } from './api.ts';

type ProductReviewsAnswer = Answer200<'/api/v1/products/{idOrSlug}/reviews'>;
export type ReviewSort = NonNullable<
  NonNullable<paths['/api/v1/products/{idOrSlug}/reviews']['get']['parameters']['query']>['sort']
>;
/** A review as anyone sees it (PUBLISHED ones only, in public lists). */
export type Review = ProductReviewsAnswer['items'][number];
export type ProductReviews = ProductReviewsAnswer;
export type ReviewSummary = ProductReviewsAnswer['summary'];
type MyReview = Answer200<'/api/v1/me/reviews'>['items'][number];
/** The author's own review: where it stands in moderation, and its product (in `GET /me/reviews`). */
export type OwnReview = Omit<MyReview, 'product'> & { product?: MyReview['product'] };
export type ReviewStatus = OwnReview['status'];
/** A review in the staff's queue, and one with its reports. */
export type StaffReview = Answer200<'/api/v1/admin/reviews'>['items'][number];
export type StaffReviewDetail = Answer200<'/api/v1/admin/reviews/{id}'>;
export type SellerReview = Answer200<'/api/v1/seller/reviews'>['items'][number];
export type ReviewSettings = Answer200<'/api/v1/admin/review-settings'>;
export type ReportReason = StaffReviewDetail['reports'][number]['reason'];
/** What a buyer writes (all optional when editing). */
export type ReviewInput = NonNullable<
  paths['/api/v1/products/{idOrSlug}/reviews']['post']['requestBody']
>['content']['application/json'];

export const REVIEW_SORTS: ReadonlyArray<readonly [ReviewSort, string]> = [
  ['newest', 'Newest'],
  ['highest', 'Highest rated'],
  ['lowest', 'Lowest rated'],
  ['helpful', 'Most helpful'],
];

export const REPORT_REASONS: ReadonlyArray<readonly [ReportReason, string]> = [
  ['spam', 'Spam or advertising'],
  ['offensive', 'Offensive'],
  ['off_topic', 'Not about the product'],
  ['fake', 'Fake or paid for'],
  ['other', 'Something else'],
];

/** The histogram's keys, the best first (how a shop shows it). */
export const STARS = ['5', '4', '3', '2', '1'] as const;
