-- Claims read the outbox in due order (kind, done_at IS NULL, due_at, seq) and stop at their limit. The old index
-- ended at due_at, so the tie on seq made PostgreSQL read and sort every undone item on each claim: under a backlog
-- of tens of thousands that cost more than the webhooks themselves. Claims order by the index's own columns.
DROP INDEX outbox_due;
CREATE INDEX outbox_due ON outbox (kind, done_at, due_at, seq);
