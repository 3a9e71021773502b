-- Who set a reward rate. A rate store staff set is the store's decision and is booked as it is; a
-- rate a marketplace seller set (or one of unknown origin, as every rate stored before this
-- column) is capped at checkout by the store's limit for sellers (tenancy's sellerMaxRewardBp).
ALTER TABLE products ADD COLUMN reward_set_by_staff boolean NOT NULL DEFAULT false;
ALTER TABLE offers ADD COLUMN reward_set_by_staff boolean NOT NULL DEFAULT false;
