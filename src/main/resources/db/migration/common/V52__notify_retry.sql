-- A sender mail the SMTP server did not take, tried again at next_at (the wait doubles per attempt).
CREATE TABLE notify_retry (
    message_id VARCHAR(36)   NOT NULL REFERENCES message (id),
    kind       VARCHAR(16)   NOT NULL,
    attempts   INT           NOT NULL,
    next_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error VARCHAR(1000),
    PRIMARY KEY (message_id, kind)
);
CREATE INDEX ix_notify_retry_due ON notify_retry (next_at);
