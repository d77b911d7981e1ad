-- Whether the own receiving mail server confirmed the sender (a trusted SPF/DKIM/DMARC
-- pass). Mail taken before this was never confirmed: unknown, not passed.
ALTER TABLE message ADD COLUMN sender_confirmed BOOLEAN DEFAULT FALSE NOT NULL;
