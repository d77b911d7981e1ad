-- A relative may ask for a mail on each change of their messages' status (off unless
-- they turn it on), written in the language their account chose.
ALTER TABLE contact ADD COLUMN status_mails BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE contact ADD COLUMN language VARCHAR(8) DEFAULT 'nl' NOT NULL;
