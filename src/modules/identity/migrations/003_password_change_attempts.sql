-- Wrong current passwords on a password change are counted per account, like failed sign-ins.
ALTER TABLE auth_attempts DROP CONSTRAINT auth_attempts_action_check;
ALTER TABLE auth_attempts ADD CONSTRAINT auth_attempts_action_check
  CHECK (action IN ('login', 'change-password', 'register', 'password-reset', 'verify-email'));
