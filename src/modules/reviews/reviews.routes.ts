import type { ZodApp } from '../../platform/http/app.ts';
import { IdParams } from '../../platform/schemas.ts';
import {
  CreatedReview,
  HideBody,
  MyReview,
  OwnerReviewView,
  OwnSellerQuery,
  PageQuery,
  ProductRefParams,
  ProductReviewPage,
  ProductReviewQuery,
  page,
  RejectBody,
  ReplyBody,
  ReportBody,
  ReportView,
  ReviewBody,
  ReviewPatch,
  ReviewView,
  SellerParams,
  SellerReview,
  SellerReviewPage,
  SellerReviewQuery,
  SettingsBody,
  SettingsView,
  StaffQuery,
  StaffReview,
  StaffReviewDetail,
  VoteBody,
  VoteView,
} from './reviews.schemas.ts';
import type { ReviewsService } from './reviews.service.ts';

const bearer = [{ bearer: [] }];
const pub = { tags: ['reviews'] };
const signedIn = { tags: ['reviews'], security: bearer };
const staff = { tags: ['admin', 'reviews'], security: bearer };

export function reviewsRoutes(reviews: ReviewsService) {
  return (app: ZodApp) => {
    app.post(
      '/products/:idOrSlug/reviews',
      {
        schema: {
          ...signedIn,
          summary: 'Review a product you received',
          description:
            '403 `purchase-required` without a delivered order item of the product (unless the store allows unverified reviews); 409 `review-exists` for a second review.',
          params: ProductRefParams,
          body: ReviewBody,
          response: { 201: CreatedReview },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await reviews.create(req.ctx, req.params.idOrSlug, req.body)),
    );
    app.get(
      '/products/:idOrSlug/reviews',
      {
        schema: {
          ...pub,
          summary: 'A product’s published reviews, with its average, count and histogram',
          params: ProductRefParams,
          querystring: ProductReviewQuery,
          response: { 200: ProductReviewPage },
        },
      },
      async (req) => reviews.reads.ofProduct(req.ctx, req.params.idOrSlug, req.query),
    );
    app.patch(
      '/reviews/:id',
      {
        schema: {
          ...signedIn,
          summary: 'Change your review (it waits for staff again when the store moderates)',
          params: IdParams,
          body: ReviewPatch,
          response: { 200: OwnerReviewView },
        },
      },
      async (req) => reviews.edit(req.ctx, req.params.id, req.body),
    );
    app.delete(
      '/reviews/:id',
      { schema: { ...signedIn, summary: 'Remove your review', params: IdParams } },
      async (req, reply) => {
        await reviews.remove(req.ctx, req.params.id);
        return reply.code(204).send();
      },
    );
    app.get(
      '/me/reviews',
      {
        schema: {
          ...signedIn,
          summary: 'Your reviews in every status but removed, newest first',
          querystring: PageQuery,
          response: { 200: page(MyReview) },
        },
      },
      async (req) => reviews.reads.mine(req.ctx, req.query),
    );
    app.put(
      '/reviews/:id/vote',
      {
        schema: {
          ...signedIn,
          summary: 'Vote a review helpful or not (not your own)',
          params: IdParams,
          body: VoteBody,
          response: { 200: VoteView },
        },
      },
      async (req) => reviews.feedback.vote(req.ctx, req.params.id, req.body.helpful),
    );
    app.delete(
      '/reviews/:id/vote',
      {
        schema: {
          ...signedIn,
          summary: 'Withdraw your vote',
          params: IdParams,
          response: { 200: VoteView },
        },
      },
      async (req) => reviews.feedback.unvote(req.ctx, req.params.id),
    );
    app.post(
      '/reviews/:id/reports',
      {
        schema: {
          ...signedIn,
          summary: 'Report a review to the store’s staff (once)',
          params: IdParams,
          body: ReportBody,
          response: { 201: ReportView },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await reviews.feedback.report(req.ctx, req.params.id, req.body)),
    );
    sellerRoutes(app, reviews);
    staffRoutes(app, reviews);
  };
}

function sellerRoutes(app: ZodApp, reviews: ReviewsService) {
  app.put(
    '/reviews/:id/reply',
    {
      schema: {
        ...signedIn,
        summary: 'Reply to a review of your offer (or as staff, any review); replaces an earlier reply',
        params: IdParams,
        body: ReplyBody,
        response: { 200: ReviewView },
      },
    },
    async (req) => reviews.feedback.reply(req.ctx, req.params.id, req.body.body),
  );
  app.delete(
    '/reviews/:id/reply',
    { schema: { ...signedIn, summary: 'Remove the reply to a review', params: IdParams } },
    async (req, reply) => {
      await reviews.feedback.removeReply(req.ctx, req.params.id);
      return reply.code(204).send();
    },
  );
  app.get(
    '/sellers/:sellerId/reviews',
    {
      schema: {
        ...pub,
        summary: 'A seller’s published reviews, with its seller and delivery ratings',
        params: SellerParams,
        querystring: SellerReviewQuery,
        response: { 200: SellerReviewPage },
      },
    },
    async (req) => reviews.reads.ofSeller(req.ctx, req.params.sellerId, req.query),
  );
  app.get(
    '/seller/reviews',
    {
      schema: {
        tags: ['seller', 'reviews'],
        security: bearer,
        summary: 'The reviews of your offers, answered or not (SELLER)',
        querystring: OwnSellerQuery,
        response: { 200: page(SellerReview) },
      },
    },
    async (req) => reviews.reads.forSeller(req.ctx, req.query),
  );
}

function staffRoutes(app: ZodApp, reviews: ReviewsService) {
  app.get(
    '/admin/reviews',
    {
      schema: {
        ...staff,
        summary: 'The moderation queue: reviews by status, PENDING oldest first (staff)',
        querystring: StaffQuery,
        response: { 200: page(StaffReview) },
      },
    },
    async (req) => reviews.moderation.queue(req.ctx, req.query),
  );
  app.get(
    '/admin/reviews/:id',
    {
      schema: {
        ...staff,
        summary: 'A review with its reports (staff)',
        params: IdParams,
        response: { 200: StaffReviewDetail },
      },
    },
    async (req) => reviews.moderation.detail(req.ctx, req.params.id),
  );
  const decide = (
    action: 'approve' | 'reject' | 'hide',
    summary: string,
    body?: typeof RejectBody | typeof HideBody,
  ) =>
    app.post(
      `/admin/reviews/:id/${action}`,
      {
        schema: {
          ...staff,
          summary,
          params: IdParams,
          ...(body ? { body } : {}),
          response: { 200: StaffReviewDetail },
        },
      },
      async (req) =>
        reviews.moderation.decide(
          req.ctx,
          req.params.id,
          action,
          (req.body as { reason?: string } | undefined)?.reason,
        ),
    );
  decide('approve', 'Publish a pending, rejected or hidden review (staff)');
  decide('reject', 'Reject a pending review, with a reason (staff)', RejectBody);
  decide('hide', 'Take a published review down (staff)', HideBody);
  app.get(
    '/admin/review-settings',
    { schema: { ...staff, summary: 'The store’s review settings (ADMIN)', response: { 200: SettingsView } } },
    async (req) => reviews.moderation.getSettings(req.ctx),
  );
  app.put(
    '/admin/review-settings',
    {
      schema: {
        ...staff,
        summary: 'Set moderation, unverified reviews, held words, links and reward points (ADMIN)',
        body: SettingsBody,
        response: { 200: SettingsView },
      },
    },
    async (req) => reviews.moderation.saveSettings(req.ctx, req.body),
  );
}
