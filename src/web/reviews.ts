/**
 * Reviews as the API answers them (docs/modules/reviews.md), for the storefront and the consoles:
 * the shapes, the choices a page offers, and one way to call the reviews endpoints from a browser.
 */

export type ReviewSort = 'newest' | 'highest' | 'lowest' | 'helpful';
export type ReviewStatus = 'PENDING' | 'PUBLISHED' | 'REJECTED' | 'HIDDEN' | 'REMOVED';
export type ReportReason = 'spam' | 'offensive' | 'off_topic' | 'fake' | 'other';
export type Vote = 'helpful' | 'not_helpful';

export interface ReviewReply {
  body: string;
  createdAt: string;
  updatedAt: string;
}

/** A review as anyone sees it (PUBLISHED ones only, in public lists). */
export interface Review {
  id: string;
  productId: string;
  rating: number;
  title: string | null;
  body: string | null;
  deliveryRating: number | null;
  sellerRating: number | null;
  images: string[];
  verifiedPurchase: boolean;
  author: { name: string };
  sellerId: string | null;
  helpfulCount: number;
  notHelpfulCount: number;
  createdAt: string;
  updatedAt: string;
  reply: ReviewReply | null;
  myVote: Vote | null;
}

export interface ProductRef {
  id: string;
  slug: string;
  name: string;
}

/** What its author and the store's staff see besides: where it stands in moderation. */
export interface OwnReview extends Review {
  status: ReviewStatus;
  heldFor: Array<'words' | 'links'>;
  rejectionReason: string | null;
  reportCount: number;
  product?: ProductRef;
}

export interface ReviewReport {
  reason: ReportReason;
  note: string | null;
  createdAt: string;
}

export type StaffReview = OwnReview & { product?: ProductRef; reports?: ReviewReport[] };
export type SellerReview = Review & { product: ProductRef };

export interface ReviewSummary {
  average: number;
  count: number;
  histogram: Record<string, number>;
}

export interface ReviewPage<T> {
  items: T[];
  nextCursor: string | null;
}

export type ProductReviews = ReviewPage<Review> & { summary: ReviewSummary };

export interface ReviewSettings {
  moderation: boolean;
  allowUnverified: boolean;
  heldWords: string[];
  holdLinks: boolean;
  rewardPoints: number;
}

/** What a buyer writes (all optional when editing). */
export interface ReviewInput {
  rating: number;
  title?: string;
  body?: string;
  deliveryRating?: number;
  sellerRating?: number;
}

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

/** An answer of a call: the data when it succeeded, else the problem. */
export interface CallAnswer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Calls a reviews endpoint of this origin as the holder of `token` (none: as a visitor), in the
 * shape the typed client answers (`data` on success, the problem as `error`).
 */
export async function reviewsCall<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  options: { token?: string | undefined; query?: Record<string, string | undefined>; body?: unknown } = {},
): Promise<CallAnswer<T>> {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(options.query ?? {})) if (value) search.set(key, value);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(search.size > 0 ? `${path}?${search}` : path, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  const json = text ? (JSON.parse(text) as unknown) : undefined;
  return response.ok ? { data: json as T, response } : { error: json ?? {}, response };
}

/** A review's path under the API (`/api/v1/reviews/{id}` and below). */
export const reviewPath = (id: string, tail = '') => `/api/v1/reviews/${encodeURIComponent(id)}${tail}`;
