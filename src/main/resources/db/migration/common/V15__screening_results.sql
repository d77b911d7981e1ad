-- What screening concluded per message (risk orders the review queue), findings about photos, and
-- withhold proposals waiting for a second screener.
CREATE TABLE screening_result (
    message_id    VARCHAR(36) NOT NULL PRIMARY KEY REFERENCES message (id),
    risk          INT         NOT NULL,
    language      VARCHAR(8)  NOT NULL,
    rules_version VARCHAR(64) NOT NULL,
    screened_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

ALTER TABLE screening_finding ADD COLUMN photo_index INT;

CREATE TABLE withhold_proposal (
    message_id  VARCHAR(36)  NOT NULL PRIMARY KEY REFERENCES message (id),
    proposed_by VARCHAR(320) NOT NULL,
    reason      VARCHAR(500) NOT NULL,
    at          TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Rate limits count a sender's and a prisoner's messages of the day.
CREATE INDEX ix_message_sender_received ON message (sender_email, received_at);
CREATE INDEX ix_message_prisoner_received ON message (prisoner_id, received_at);
