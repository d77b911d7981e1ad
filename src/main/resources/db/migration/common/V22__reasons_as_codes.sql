-- Reasons and history are stored as data, not sentences: a code (which text to show) and its values
-- (joined by the unit separator, CHR(31)), so each reader gets the words in their own language.
-- What was written before as English words is kept as it was, under the code 'legacy'.

ALTER TABLE message ADD COLUMN reason_code VARCHAR(100);
ALTER TABLE message ADD COLUMN reason_args VARCHAR(8192);
UPDATE message SET reason_code = 'legacy', reason_args = reason WHERE reason IS NOT NULL;
ALTER TABLE message DROP COLUMN reason;

-- What intake noted about a mail (see MailNotes).
ALTER TABLE message ADD COLUMN refusal_code VARCHAR(100);
ALTER TABLE message ADD COLUMN refusal_args VARCHAR(8192);
UPDATE message SET refusal_code = 'legacy', refusal_args = intake_refusal WHERE intake_refusal IS NOT NULL;
ALTER TABLE message DROP COLUMN intake_refusal;

ALTER TABLE message ADD COLUMN no_reply_code VARCHAR(100);
ALTER TABLE message ADD COLUMN no_reply_args VARCHAR(8192);
UPDATE message SET no_reply_code = 'legacy', no_reply_args = no_reply WHERE no_reply IS NOT NULL;
ALTER TABLE message DROP COLUMN no_reply;

-- The failed SPF/DKIM/DMARC verdicts, one value each (they were a comma-separated list).
ALTER TABLE message ADD COLUMN auth_failures VARCHAR(400);
UPDATE message SET auth_failures = REPLACE(auth_failure, ', ', CHR(31)) WHERE auth_failure IS NOT NULL;
ALTER TABLE message DROP COLUMN auth_failure;

ALTER TABLE message_status_change ADD COLUMN detail_code VARCHAR(100);
ALTER TABLE message_status_change ADD COLUMN detail_args VARCHAR(8192);
UPDATE message_status_change SET detail_code = 'legacy', detail_args = detail WHERE detail IS NOT NULL;
ALTER TABLE message_status_change DROP COLUMN detail;

-- The parts of a mail intake did not take (a PDF, a damaged photo, text over the limit), each with
-- its reason, so the receipt can list them in the sender's language.
CREATE TABLE message_refused_part (
    message_id VARCHAR(36)   NOT NULL REFERENCES message (id),
    position   INT           NOT NULL,
    code       VARCHAR(100)  NOT NULL,
    args       VARCHAR(8192),
    CONSTRAINT pk_message_refused_part PRIMARY KEY (message_id, position)
);
