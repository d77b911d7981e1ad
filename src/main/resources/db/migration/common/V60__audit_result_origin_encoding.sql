-- Every audit event records its result and its origin (channel, and the client's address for web and
-- API requests), and which canonical encoding its hash was computed over. Events written before this
-- migration keep encoding 1 (fields joined by newlines) and are verified as they were written, so
-- their hashes, and any copy of them kept elsewhere, stay valid; every new event uses encoding 2
-- (length-prefixed fields under a version tag), and encoding 1 after an encoding-2 event is refused.
ALTER TABLE audit_event ADD COLUMN result VARCHAR(16);
ALTER TABLE audit_event ADD COLUMN origin_channel VARCHAR(16);
ALTER TABLE audit_event ADD COLUMN origin_address VARCHAR(64);
ALTER TABLE audit_event ADD COLUMN encoding INT DEFAULT 1 NOT NULL;

-- The auditor's page and export filter by time, actor and object.
CREATE INDEX audit_event_at ON audit_event (at);
CREATE INDEX audit_event_actor ON audit_event (actor, at);
CREATE INDEX audit_event_subject ON audit_event (subject, at);
