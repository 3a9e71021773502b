-- Per-buyer coupon limits count a guest by its normalised email, phone and shipping address as well,
-- so a fresh email address does not make a new buyer. Keys are one-way (src/platform/contact-keys.ts).
-- Uses recorded before this change have no keys and are still counted by their email.
ALTER TABLE coupon_usages ADD COLUMN email_key text;
ALTER TABLE coupon_usages ADD COLUMN phone_key text;
ALTER TABLE coupon_usages ADD COLUMN address_key text;
CREATE INDEX coupon_usages_email_key_idx ON coupon_usages (coupon_id, email_key) WHERE released_at IS NULL;
CREATE INDEX coupon_usages_phone_key_idx ON coupon_usages (coupon_id, phone_key) WHERE released_at IS NULL;
CREATE INDEX coupon_usages_address_key_idx ON coupon_usages (coupon_id, address_key) WHERE released_at IS NULL;
