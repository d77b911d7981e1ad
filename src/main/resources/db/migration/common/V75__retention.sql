-- Retention: how long a facility keeps what a message said (empty: postbrug.retention.default-days),
-- and when that content was purged. Metadata, history and audit events stay.
ALTER TABLE facility ADD COLUMN retention_days INT;
ALTER TABLE message ADD COLUMN content_purged_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_message_retention ON message (facility_id, status, content_purged_at, updated_at);

-- Stored PDFs removed at the end of retention: a batch's once all its letters' messages are purged,
-- a reprint's with its letter's message.
ALTER TABLE batch ADD COLUMN pdf_purged_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE letter_copy ADD COLUMN pdf_purged_at TIMESTAMP WITH TIME ZONE;
