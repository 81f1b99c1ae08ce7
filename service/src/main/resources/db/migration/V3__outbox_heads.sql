-- The HubSpot pusher picks the head of each message's queue (the oldest item not done, per message): without an
-- index on (kind, message_id, seq) that NOT EXISTS probe scans the outbox, and slows down as the queue grows.
CREATE INDEX outbox_message_queue ON outbox (kind, message_id, seq);
