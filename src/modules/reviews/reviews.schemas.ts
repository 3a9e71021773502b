import { z } from 'zod';
import { Id, Text } from '../../platform/schemas.ts';

export const REVIEW_STATUSES = ['PENDING', 'PUBLISHED', 'REJECTED', 'HIDDEN', 'REMOVED'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const REVIEW_SORTS = ['newest', 'highest', 'lowest', 'helpful'] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];
export const REPORT_REASONS = ['spam', 'offensive', 'off_topic', 'fake', 'other'] as const;
export const HOLDS = ['words', 'links'] as const;
export type Hold = (typeof HOLDS)[number];

const Stars = z.number().int().min(1).max(5);
/** An image by URL: http(s) anywhere, or a file of this server's media store. */
const ImageRef = z
  .string()
  .max(2000)
  .regex(/^(https?:\/\/[^\s]+|\/api\/v1\/media\/[^\s]+)$/, 'Use an http(s) URL or a /api/v1/media/… path.');

const ReviewFields = z.object({
  rating: Stars.describe('The product, 1–5 stars.'),
  title: Text(200).optional(),
  body: Text(5000).optional().describe('Stored and returned as given: plain text, never rendered as HTML.'),
  deliveryRating: Stars.optional().describe('The delivery, 1–5 stars.'),
  sellerRating: Stars.optional().describe('The seller, 1–5 stars.'),
  images: z.array(ImageRef).max(6).optional(),
});
export const ReviewBody = ReviewFields;
export type ReviewInput = z.output<typeof ReviewBody>;
export const ReviewPatch = ReviewFields.partial();
export type ReviewPatch = z.output<typeof ReviewPatch>;

const Limit = z.coerce.number().int().min(1).max(50).default(10);
const Cursor = z.string().min(1).max(500).optional();
const Flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ProductReviewQuery = z.object({
  sort: z.enum(REVIEW_SORTS).default('newest'),
  stars: z.coerce.number().int().min(1).max(5).optional(),
  verified: Flag.optional(),
  cursor: Cursor,
  limit: Limit,
});
export type ProductReviewQuery = z.output<typeof ProductReviewQuery>;
export const SellerReviewQuery = ProductReviewQuery.pick({ sort: true, cursor: true, limit: true });
export type SellerReviewQuery = z.output<typeof SellerReviewQuery>;
export const PageQuery = z.object({ cursor: Cursor, limit: Limit });
export type PageQuery = z.output<typeof PageQuery>;
export const OwnSellerQuery = PageQuery.extend({ replied: Flag.optional() });
export type OwnSellerQuery = z.output<typeof OwnSellerQuery>;
export const StaffQuery = PageQuery.extend({
  status: z.enum(REVIEW_STATUSES).default('PENDING'),
  reported: Flag.optional(),
  productId: Id.optional(),
});
export type StaffQuery = z.output<typeof StaffQuery>;

export const ProductRefParams = z.object({ idOrSlug: z.string().min(1).max(200) });
export const SellerParams = z.object({ sellerId: Id });

export const VoteBody = z.object({ helpful: z.boolean() });
export const ReportBody = z.object({ reason: z.enum(REPORT_REASONS), note: Text(500).optional() });
export const ReportView = z.object({ id: z.string() });
export const ReplyBody = z.object({ body: Text(2000) });
export const RejectBody = z.object({ reason: Text(500) });
export const HideBody = z.object({ reason: Text(500).optional() });

export const SettingsBody = z.object({
  moderation: z.boolean(),
  allowUnverified: z.boolean(),
  heldWords: z.array(z.string().trim().min(1).max(100)).max(500),
  holdLinks: z.boolean(),
  rewardPoints: z.number().int().min(0).max(1_000_000),
});
export type ReviewSettings = z.output<typeof SettingsBody>;
export const SettingsView = SettingsBody;

const Reply = z.object({ body: z.string(), createdAt: z.string(), updatedAt: z.string() });
const ProductRef = z.object({ id: z.string(), slug: z.string(), name: z.string() });

export const ReviewView = z.object({
  id: z.string(),
  productId: z.string(),
  rating: z.number().int(),
  title: z.string().nullable(),
  body: z.string().nullable(),
  deliveryRating: z.number().int().nullable(),
  sellerRating: z.number().int().nullable(),
  images: z.array(z.string()),
  verifiedPurchase: z.boolean(),
  author: z.object({ name: z.string() }),
  sellerId: z.string(),
  helpfulCount: z.number().int(),
  notHelpfulCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  reply: Reply.nullable(),
  myVote: z.enum(['helpful', 'not_helpful']).nullable(),
});
export type ReviewViewT = z.infer<typeof ReviewView>;

/** What the author and staff see besides: where the review stands in moderation. */
export const OwnerReviewView = ReviewView.extend({
  status: z.enum(REVIEW_STATUSES),
  heldFor: z.array(z.enum(HOLDS)),
  rejectionReason: z.string().nullable(),
  reportCount: z.number().int(),
});
export const CreatedReview = OwnerReviewView;
export const MyReview = OwnerReviewView.extend({ product: ProductRef });
export const SellerReview = ReviewView.extend({ product: ProductRef });
export const StaffReview = OwnerReviewView.extend({ product: ProductRef });
export const StaffReviewDetail = StaffReview.extend({
  reports: z.array(
    z.object({ reason: z.enum(REPORT_REASONS), note: z.string().nullable(), createdAt: z.string() }),
  ),
});

const Histogram = z.object({
  '1': z.number(),
  '2': z.number(),
  '3': z.number(),
  '4': z.number(),
  '5': z.number(),
});
const Average = z.object({ average: z.number(), count: z.number().int() });

export const ProductReviewPage = z.object({
  items: z.array(ReviewView),
  nextCursor: z.string().nullable(),
  summary: z.object({ average: z.number(), count: z.number().int(), histogram: Histogram }),
});
export const SellerReviewPage = z.object({
  items: z.array(ReviewView),
  nextCursor: z.string().nullable(),
  summary: z.object({ sellerRating: Average, deliveryRating: Average }),
});
export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const VoteView = z.object({
  helpfulCount: z.number().int(),
  notHelpfulCount: z.number().int(),
  myVote: z.enum(['helpful', 'not_helpful']).nullable(),
});
