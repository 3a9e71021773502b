-- Points for a review (reason REVIEW) are keyed by the review, as purchase points are by the order:
-- one grant and one take-back per review, however often the review changes status.
ALTER TABLE reward_ledger ADD COLUMN review_id uuid;
CREATE UNIQUE INDEX reward_ledger_review_idx ON reward_ledger (review_id, type, reason) WHERE review_id IS NOT NULL;
