-- Reviews of products by their buyers (seed 000 Reviews: product, delivery and seller ratings,
-- remarks, by seller; seed 003 Review Service; seed 004 product_reviews: verified purchase,
-- approval, helpful votes, one review per customer and product).
CREATE TABLE review_settings (
  store_id uuid PRIMARY KEY,
  moderation boolean NOT NULL DEFAULT false,
  allow_unverified boolean NOT NULL DEFAULT false,
  held_words text[] NOT NULL DEFAULT '{}' CHECK (cardinality(held_words) <= 500),
  hold_links boolean NOT NULL DEFAULT true,
  reward_points integer NOT NULL DEFAULT 0 CHECK (reward_points >= 0),
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE reviews (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  product_id uuid NOT NULL,
  user_id uuid NOT NULL,
  -- the author as shown (first name and last initial), kept from the time of writing
  author_name text NOT NULL CHECK (length(author_name) <= 120),
  -- the seller the delivery and seller ratings are about: the delivered item's, or the product's own
  seller_id uuid NOT NULL,
  order_id uuid,
  order_item_id uuid,
  verified_purchase boolean NOT NULL DEFAULT false,
  rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
  delivery_rating smallint CHECK (delivery_rating BETWEEN 1 AND 5),
  seller_rating smallint CHECK (seller_rating BETWEEN 1 AND 5),
  title text CHECK (length(title) BETWEEN 1 AND 200),
  body text CHECK (length(body) BETWEEN 1 AND 5000),
  images text[] NOT NULL DEFAULT '{}' CHECK (cardinality(images) <= 6),
  status text NOT NULL CHECK (status IN ('PENDING', 'PUBLISHED', 'REJECTED', 'HIDDEN', 'REMOVED')),
  held_for text[] NOT NULL DEFAULT '{}',
  rejection_reason text CHECK (length(rejection_reason) <= 500),
  moderated_by uuid,
  moderated_at timestamptz,
  helpful_count integer NOT NULL DEFAULT 0 CHECK (helpful_count >= 0),
  not_helpful_count integer NOT NULL DEFAULT 0 CHECK (not_helpful_count >= 0),
  report_count integer NOT NULL DEFAULT 0 CHECK (report_count >= 0),
  -- the one reply of the seller (or staff)
  reply_body text CHECK (length(reply_body) BETWEEN 1 AND 2000),
  reply_by uuid,
  reply_created_at timestamptz,
  reply_updated_at timestamptz,
  -- reward points for a verified review: granted once, taken back once, never granted again
  reward_state text NOT NULL DEFAULT 'NONE' CHECK (reward_state IN ('NONE', 'GRANTED', 'TAKEN_BACK')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((reply_body IS NULL) = (reply_created_at IS NULL))
);
-- one live review per buyer and product (seed 004 UNIQUE(product_id, customer_id)); a review its
-- author removed no longer counts, so the buyer may write a new one
CREATE UNIQUE INDEX reviews_one_per_buyer_idx ON reviews (store_id, product_id, user_id) WHERE status <> 'REMOVED';
-- a product's published reviews: newest first (seed 000 PK productId + SK REVIEW#date)
CREATE INDEX reviews_product_newest_idx ON reviews (store_id, product_id, id DESC) WHERE status = 'PUBLISHED';
-- … by stars, highest or lowest first, and one star value newest first
CREATE INDEX reviews_product_rating_idx ON reviews (store_id, product_id, rating, id) WHERE status = 'PUBLISHED';
-- … most helpful first
CREATE INDEX reviews_product_helpful_idx
  ON reviews (store_id, product_id, helpful_count DESC, id DESC) WHERE status = 'PUBLISHED';
-- a seller's published reviews (seed 000 GSI1: GSI1PK sellerId, GSI1SK REVIEW#date), and by stars
CREATE INDEX reviews_seller_newest_idx ON reviews (store_id, seller_id, id DESC) WHERE status = 'PUBLISHED';
CREATE INDEX reviews_seller_rating_idx ON reviews (store_id, seller_id, rating, id) WHERE status = 'PUBLISHED';
CREATE INDEX reviews_seller_helpful_idx
  ON reviews (store_id, seller_id, helpful_count DESC, id DESC) WHERE status = 'PUBLISHED';
-- a user's own reviews, newest first
CREATE INDEX reviews_user_idx ON reviews (store_id, user_id, id DESC);
-- the staff queue by status (PENDING oldest first, the others newest first), and the reported ones
CREATE INDEX reviews_status_idx ON reviews (store_id, status, id);
CREATE INDEX reviews_reported_idx ON reviews (store_id, status, id) WHERE report_count > 0;

-- Helpful / not helpful: one vote per user and review, changeable.
CREATE TABLE review_votes (
  review_id uuid NOT NULL REFERENCES reviews (id),
  user_id uuid NOT NULL,
  store_id uuid NOT NULL,
  helpful boolean NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (review_id, user_id)
);

-- Reports of a review by buyers and sellers: one per user and review.
CREATE TABLE review_reports (
  id uuid PRIMARY KEY,
  store_id uuid NOT NULL,
  review_id uuid NOT NULL REFERENCES reviews (id),
  user_id uuid NOT NULL,
  reason text NOT NULL CHECK (reason IN ('spam', 'offensive', 'off_topic', 'fake', 'other')),
  note text CHECK (length(note) <= 500),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (review_id, user_id)
);

-- The aggregates of published reviews, moved by increments in the transaction of every change
-- (decision 021): per product (average, count, histogram), per product and seller (the offers'
-- seller rating), and per seller (seller and delivery ratings).
CREATE TABLE product_review_stats (
  store_id uuid NOT NULL,
  product_id uuid NOT NULL,
  review_count integer NOT NULL DEFAULT 0 CHECK (review_count >= 0),
  rating_sum integer NOT NULL DEFAULT 0 CHECK (rating_sum >= 0),
  stars_1 integer NOT NULL DEFAULT 0 CHECK (stars_1 >= 0),
  stars_2 integer NOT NULL DEFAULT 0 CHECK (stars_2 >= 0),
  stars_3 integer NOT NULL DEFAULT 0 CHECK (stars_3 >= 0),
  stars_4 integer NOT NULL DEFAULT 0 CHECK (stars_4 >= 0),
  stars_5 integer NOT NULL DEFAULT 0 CHECK (stars_5 >= 0),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (store_id, product_id),
  CHECK (review_count = stars_1 + stars_2 + stars_3 + stars_4 + stars_5),
  CHECK (rating_sum = stars_1 + 2 * stars_2 + 3 * stars_3 + 4 * stars_4 + 5 * stars_5)
);

CREATE TABLE product_seller_review_stats (
  store_id uuid NOT NULL,
  product_id uuid NOT NULL,
  seller_id uuid NOT NULL,
  seller_rating_count integer NOT NULL DEFAULT 0 CHECK (seller_rating_count >= 0),
  seller_rating_sum integer NOT NULL DEFAULT 0 CHECK (seller_rating_sum >= 0),
  PRIMARY KEY (store_id, product_id, seller_id)
);

CREATE TABLE seller_review_stats (
  store_id uuid NOT NULL,
  seller_id uuid NOT NULL,
  review_count integer NOT NULL DEFAULT 0 CHECK (review_count >= 0),
  seller_rating_count integer NOT NULL DEFAULT 0 CHECK (seller_rating_count >= 0),
  seller_rating_sum integer NOT NULL DEFAULT 0 CHECK (seller_rating_sum >= 0),
  delivery_rating_count integer NOT NULL DEFAULT 0 CHECK (delivery_rating_count >= 0),
  delivery_rating_sum integer NOT NULL DEFAULT 0 CHECK (delivery_rating_sum >= 0),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (store_id, seller_id)
);

-- Row-level security on every reviews table (decision 016).
ALTER TABLE review_settings ENABLE ROW LEVEL SECURITY;
CREATE POLICY review_settings_store ON review_settings USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE reviews ENABLE ROW LEVEL SECURITY;
CREATE POLICY reviews_store ON reviews USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE review_votes ENABLE ROW LEVEL SECURITY;
CREATE POLICY review_votes_store ON review_votes USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE review_reports ENABLE ROW LEVEL SECURITY;
CREATE POLICY review_reports_store ON review_reports USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE product_review_stats ENABLE ROW LEVEL SECURITY;
CREATE POLICY product_review_stats_store ON product_review_stats USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE product_seller_review_stats ENABLE ROW LEVEL SECURITY;
CREATE POLICY product_seller_review_stats_store ON product_seller_review_stats USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
ALTER TABLE seller_review_stats ENABLE ROW LEVEL SECURITY;
CREATE POLICY seller_review_stats_store ON seller_review_stats USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);
