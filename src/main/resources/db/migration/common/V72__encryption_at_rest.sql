-- Encryption at rest: beside each column of stored content, the id of the key it is encrypted under
-- (NULL: stored as it is, written before encryption was on or while it was off; the rotation job
-- encrypts such rows). The ciphertext carries the same id in its header.
ALTER TABLE message ADD COLUMN body_key VARCHAR(64);
ALTER TABLE message ADD COLUMN subject_key VARCHAR(64);
ALTER TABLE message_photo ADD COLUMN data_key VARCHAR(64);
ALTER TABLE message_source ADD COLUMN raw_key VARCHAR(64);
ALTER TABLE stored_blob_chunk ADD COLUMN data_key VARCHAR(64);

-- A mail's subject is part of what it says, so it is encrypted like the text.
-- An encrypted text is base64 of its UTF-8 bytes plus a header: up to about 4/3 of 3 bytes per
-- character of the longest text a mail may bring (postbrug.intake.mail.max-text-bytes).
ALTER TABLE message ALTER COLUMN body SET DATA TYPE VARCHAR(4500000);
ALTER TABLE message ALTER COLUMN subject SET DATA TYPE VARCHAR(5000);

