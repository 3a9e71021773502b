/** Events reviews writes to the outbox (`jobs.publish`), in the transaction of the change. */
export const ReviewEvents = {
  /**
   * A review got its first reply (a change to the reply is not announced again):
   * `{ reviewId, userId, productId, productName, productSlug, reply }` (`userId`: the review's author).
   */
  replied: 'reviews.review.replied',
} as const;
