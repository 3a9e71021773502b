-- PayPal (seed 004's provider list): payments through PayPal Checkout, method PAYPAL (the buyer pays
-- from a PayPal balance, bank or card inside PayPal; Bazaar never sees which).
ALTER TABLE payments DROP CONSTRAINT payments_provider_check;
ALTER TABLE payments ADD CONSTRAINT payments_provider_check
  CHECK (provider IN ('test', 'cod', 'stripe', 'razorpay', 'paypal'));
ALTER TABLE payments DROP CONSTRAINT payments_method_check;
ALTER TABLE payments ADD CONSTRAINT payments_method_check
  CHECK (method IN ('CARD', 'UPI', 'COD', 'WALLET', 'NETBANKING', 'TEST', 'PAYPAL'));
