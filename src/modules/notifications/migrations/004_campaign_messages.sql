-- Marketing campaigns send through this table like every other message. A campaign's messages carry
-- its id: the campaign's metrics (sent, opened, clicked) are read from them, and each user gets at
-- most one message of a campaign on each channel, however often a page of its send is replayed or
-- however many workers send it at once.
ALTER TABLE notifications ADD COLUMN campaign_id uuid;
CREATE UNIQUE INDEX notifications_campaign_once ON notifications (store_id, campaign_id, user_id, channel)
  WHERE campaign_id IS NOT NULL;
