-- Guest cash-on-delivery orders are limited per buyer: each guest order keeps one-way keys of its
-- normalised email and phone (src/platform/contact-keys.ts) and the client address it came from.
-- The partial indexes hold only open guest COD orders, the rows the limit counts.
ALTER TABLE orders ADD COLUMN buyer_email_key text;
ALTER TABLE orders ADD COLUMN buyer_phone_key text;
ALTER TABLE orders ADD COLUMN placed_ip text;
CREATE INDEX orders_open_guest_cod_email_idx ON orders (store_id, buyer_email_key)
  WHERE user_id IS NULL AND payment_provider = 'cod' AND status IN ('PENDING', 'CONFIRMED', 'PROCESSING', 'SHIPPED');
CREATE INDEX orders_open_guest_cod_phone_idx ON orders (store_id, buyer_phone_key)
  WHERE user_id IS NULL AND payment_provider = 'cod' AND status IN ('PENDING', 'CONFIRMED', 'PROCESSING', 'SHIPPED');
CREATE INDEX orders_open_guest_cod_ip_idx ON orders (store_id, placed_ip)
  WHERE user_id IS NULL AND payment_provider = 'cod' AND status IN ('PENDING', 'CONFIRMED', 'PROCESSING', 'SHIPPED');
