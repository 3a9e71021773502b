-- A platform account's session bound to one store (decision 019): the session row lives in the
-- platform realm with the account, and `bound_store_id` names the only store its tokens work in.
-- NULL for every other session. Its access tokens carry that store as their audience and the realm
-- as `realm`; its refresh tokens are renewed in that store and nowhere else.
ALTER TABLE user_sessions ADD COLUMN bound_store_id uuid;
