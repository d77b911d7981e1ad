-- Email intake: what intake itself found wrong with a mail, whether it may be answered, and whether the
-- receiving server reported failed sender authentication. Screening turns these into a decision.
ALTER TABLE message ADD COLUMN intake_refusal VARCHAR(1000);
ALTER TABLE message ADD COLUMN no_reply VARCHAR(200);
ALTER TABLE message ADD COLUMN auth_failure VARCHAR(200);

-- IMAP messages already taken, keyed as the server names them: a crash between commit and move, or a
-- second poller, finds the mail here (or by its source hash) and only moves it.
CREATE TABLE imap_seen (
    mailbox      VARCHAR(400) NOT NULL,
    uid_validity BIGINT       NOT NULL,
    uid          BIGINT       NOT NULL,
    message_id   VARCHAR(36)  NOT NULL REFERENCES message (id),
    seen_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_imap_seen PRIMARY KEY (mailbox, uid_validity, uid)
);

-- Sender mails sent, one per message and kind, so a redelivered event does not mail twice.
CREATE TABLE sender_notification (
    message_id VARCHAR(36)  NOT NULL REFERENCES message (id),
    kind       VARCHAR(16)  NOT NULL,
    recipient  VARCHAR(320) NOT NULL,
    sent_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_sender_notification PRIMARY KEY (message_id, kind)
);
