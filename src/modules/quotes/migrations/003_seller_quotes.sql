-- Sellers quote their own items (decision 034): each item's price says who gave it, in what role,
-- when, until when it holds and the notes that came with it. The lead's quote (total, validity)
-- is made once every item is priced: its validity is the earliest of its items'.
ALTER TABLE lead_items
  ADD COLUMN quoted_by uuid,
  ADD COLUMN quoted_by_role text CHECK (quoted_by_role IN ('STAFF', 'SELLER')),
  ADD COLUMN quoted_at timestamptz,
  ADD COLUMN quoted_valid_until timestamptz,
  ADD COLUMN quoted_notes text CHECK (length(quoted_notes) <= 5000);

-- items quoted before: staff priced them with the lead's quote
UPDATE lead_items i
SET quoted_by = l.quoted_by, quoted_by_role = 'STAFF', quoted_at = l.quoted_at, quoted_valid_until = coalesce(l.valid_until, l.quoted_at, l.updated_at)
FROM leads l
WHERE l.id = i.lead_id AND i.quoted_unit_amount IS NOT NULL;

ALTER TABLE lead_items
  ADD CONSTRAINT lead_items_quoted_check
    CHECK ((quoted_unit_amount IS NULL) = (quoted_by_role IS NULL) AND (quoted_unit_amount IS NULL) = (quoted_valid_until IS NULL));

-- a converted lead by its order: an order cancelled before payment reopens its quote (decision 034)
CREATE INDEX leads_order_idx ON leads (store_id, order_id) WHERE order_id IS NOT NULL;
