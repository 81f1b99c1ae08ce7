-- A HubSpot event HubSpot refuses for good becomes a dead letter: it stays in the outbox, not done and not pending,
-- with HubSpot's status and answer, until it is queued again (api.md, Surfaces: HubSpot dead letters).
ALTER TABLE outbox ADD COLUMN dead_at TIMESTAMP(3) WITH TIME ZONE;
ALTER TABLE outbox ADD COLUMN dead_status INT;
ALTER TABLE outbox ADD COLUMN dead_body ${text};
