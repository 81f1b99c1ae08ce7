-- Reconciliation (edge-cases.md E1): per message, the checks done with the provider in the current series,
-- when the next one is due (NULL once the bound is reached), and a lease so two instances never check the same
-- message at once. One script for PostgreSQL and the embedded H2 (PostgreSQL mode).

CREATE TABLE reconciliation (
    message_id          VARCHAR(36)  PRIMARY KEY REFERENCES message (message_id) ON DELETE CASCADE,
    basis               TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    checks              INT          NOT NULL DEFAULT 0,
    next_check_at       TIMESTAMP(3) WITH TIME ZONE,
    lease_until         TIMESTAMP(3) WITH TIME ZONE,
    last_checked_at     TIMESTAMP(3) WITH TIME ZONE,
    last_outcome        VARCHAR(2000)
);
CREATE INDEX reconciliation_due ON reconciliation (next_check_at);

-- Messages still waiting for a provider's word, by how long they have waited.
CREATE INDEX message_unsettled ON message (channel, status, updated_at);
