-- Phone sign-in (seed 001 keys users by phone): a one-time code sent by SMS signs in, and opens a
-- customer account on first use where the store allows it. Such an account may have no email yet.
ALTER TABLE users ALTER COLUMN email DROP NOT NULL;
ALTER TABLE users ADD COLUMN phone_verified_at timestamptz;
ALTER TABLE users ADD CONSTRAINT users_email_or_phone_check
  CHECK (email IS NOT NULL OR (phone IS NOT NULL AND phone_verified_at IS NOT NULL));
-- a phone confirmed by a code belongs to one live account of the store (seed 001's key)
CREATE UNIQUE INDEX users_store_verified_phone_idx ON users (store_id, phone)
  WHERE phone_verified_at IS NOT NULL AND deleted_at IS NULL;

-- The current sign-in code of a phone: its HMAC only, when it expires, the wrong guesses spent on
-- it, when it was sent (the resend cool-down) and when it was used. One row per store and phone;
-- a new code replaces the old one.
CREATE TABLE phone_codes (
  store_id uuid NOT NULL,
  phone text NOT NULL CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
  code_hash text NOT NULL,
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  sent_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  PRIMARY KEY (store_id, phone)
);
CREATE INDEX phone_codes_expiry_idx ON phone_codes (expires_at);
ALTER TABLE phone_codes ENABLE ROW LEVEL SECURITY;
CREATE POLICY phone_codes_store ON phone_codes USING (store_id = nullif(current_setting('app.store_id', true), '')::uuid);

-- Per-phone and per-address windows on requesting codes.
ALTER TABLE auth_attempts DROP CONSTRAINT auth_attempts_action_check;
ALTER TABLE auth_attempts ADD CONSTRAINT auth_attempts_action_check
  CHECK (action IN ('login', 'change-password', 'register', 'password-reset', 'verify-email',
                    'phone-code', 'phone-code-ip'));
