-- Reply sheets: printed after a letter (facility default, or the sender's choice per message),
-- scanned back by the postroom, screened, and delivered to the sender as a PDF.
ALTER TABLE facility ADD COLUMN reply_sheets BOOLEAN DEFAULT FALSE NOT NULL;
-- NULL: the facility's default.
ALTER TABLE message ADD COLUMN reply_sheet BOOLEAN;
ALTER TABLE letter ADD COLUMN reply_code VARCHAR(32);
CREATE UNIQUE INDEX uk_letter_reply_code ON letter (reply_code);

-- One scanned page of a reply. Its scan (the writing area as PDF) is a stored blob under pdf_key
-- (reply/<facility>/<id>.pdf); a purge of message bodies finds it through message_id.
CREATE TABLE reply (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    reply_code  VARCHAR(32)  NOT NULL,
    message_id  VARCHAR(36)  NOT NULL REFERENCES message (id),
    letter_id   BIGINT       NOT NULL REFERENCES letter (id),
    facility_id BIGINT       NOT NULL REFERENCES facility (id),
    status      VARCHAR(16)  NOT NULL,
    pdf_key     VARCHAR(500),
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    received_by VARCHAR(100) NOT NULL,
    channel     VARCHAR(16)  NOT NULL,
    decided_at  TIMESTAMP WITH TIME ZONE,
    decided_by  VARCHAR(100),
    note        VARCHAR(500),
    version     INT          NOT NULL
);
CREATE INDEX ix_reply_message ON reply (message_id);
CREATE INDEX ix_reply_code ON reply (reply_code);
CREATE INDEX ix_reply_facility_status ON reply (facility_id, status);

-- Scanned pages waiting for staff: no readable reply code, or a code that already has a reply.
-- The page image is a stored blob under image_key (reply-page/<id>.png).
CREATE TABLE reply_page (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    facility_id BIGINT       REFERENCES facility (id),
    problem     VARCHAR(16)  NOT NULL,
    reply_code  VARCHAR(32),
    image_key   VARCHAR(500) NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    received_by VARCHAR(100) NOT NULL,
    channel     VARCHAR(16)  NOT NULL,
    settled_at  TIMESTAMP WITH TIME ZONE,
    settled_by  VARCHAR(100),
    reply_id    VARCHAR(36)
);
CREATE INDEX ix_reply_page_open ON reply_page (settled_at, facility_id);

-- What screening found on a reply's scan (codes in the handwriting).
CREATE TABLE reply_finding (
    reply_id    VARCHAR(36)  NOT NULL REFERENCES reply (id),
    position    INT          NOT NULL,
    rule_id     VARCHAR(64)  NOT NULL,
    severity    VARCHAR(16)  NOT NULL,
    explanation VARCHAR(1000) NOT NULL,
    PRIMARY KEY (reply_id, position)
);

-- The notice mailed to a reply's sender (approved or rejected), once.
CREATE TABLE reply_notification (
    reply_id  VARCHAR(36)  NOT NULL PRIMARY KEY REFERENCES reply (id),
    kind      VARCHAR(16)  NOT NULL,
    recipient VARCHAR(320) NOT NULL,
    sent_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
