-- Orphan reports are deleted once older than OCTOPODS_ORPHAN_RETENTION (OrphanPurge): find them by arrival.
CREATE INDEX orphan_received ON orphan (received_at);
