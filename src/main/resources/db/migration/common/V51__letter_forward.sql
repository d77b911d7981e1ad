-- A printed letter whose prisoner moved to another facility, scanned at the old one: its copies are
-- void and the message waits for the new facility's next batch, where it gets a new letter.
CREATE TABLE letter_forward (
    letter_id      BIGINT       NOT NULL PRIMARY KEY REFERENCES letter (id),
    message_id     VARCHAR(36)  NOT NULL REFERENCES message (id),
    to_facility_id BIGINT       NOT NULL REFERENCES facility (id),
    requested_by   VARCHAR(100) NOT NULL,
    requested_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    new_letter_id  BIGINT       REFERENCES letter (id)
);
CREATE INDEX ix_letter_forward_waiting ON letter_forward (to_facility_id, new_letter_id);
