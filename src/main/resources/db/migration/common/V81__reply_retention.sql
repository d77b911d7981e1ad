-- Reply scans follow the retention of their message: the scan goes, the reply row stays.
ALTER TABLE reply ADD COLUMN pdf_purged_at TIMESTAMP WITH TIME ZONE;
-- A queued page's image goes with its message (a code used twice), or after the default
-- period when no message could be found for it; the row stays, out of the staff queue.
ALTER TABLE reply_page ADD COLUMN image_purged_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_reply_page_received ON reply_page (received_at);
