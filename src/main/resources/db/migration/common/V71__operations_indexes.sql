-- The operations page and metrics count a facility's messages by day and by the day each reached a
-- state; without these they would read every message.
CREATE INDEX ix_message_facility_received ON message (facility_id, received_at);
CREATE INDEX ix_status_change_status_at ON message_status_change (status, at);
