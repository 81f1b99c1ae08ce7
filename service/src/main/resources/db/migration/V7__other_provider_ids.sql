-- A provider may create two messages for one of ours: a send it answered with an error had been accepted after all,
-- and the retry was accepted too. The message keeps the provider id it learned first; the others are kept here, so
-- that their reports find it (edge-cases.md, duplicate sends).
CREATE TABLE message_provider_id (
    provider            VARCHAR(16)  NOT NULL,
    provider_message_id VARCHAR(200) NOT NULL,
    message_id          VARCHAR(36)  NOT NULL REFERENCES message (message_id),
    learned_at          TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (provider, provider_message_id)
);
CREATE INDEX message_provider_id_of_message ON message_provider_id (message_id);
