-- A cart made from an accepted quote (decision 026): the lead it comes from and until when the
-- quote holds; its quoted lines carry the quoted unit price, locked while the quote holds.
ALTER TABLE carts
  ADD COLUMN lead_id uuid,
  ADD COLUMN quoted_until timestamptz,
  ADD CONSTRAINT carts_quote_check CHECK ((lead_id IS NULL) = (quoted_until IS NULL));
-- the cart of a lead (checkout converts it, a lapsed or declined quote leaves it)
CREATE INDEX carts_lead_idx ON carts (store_id, lead_id) WHERE lead_id IS NOT NULL;

ALTER TABLE cart_items ADD COLUMN quoted boolean NOT NULL DEFAULT false;
