-- Who works on a batch (node id and heartbeat, so another node can take over from a dead one), the
-- messages' cut-off, and the print job at the printer (printer URI, job name and job reference), so a
-- batch is never sent again while the printer may still have it. Failed prints wait for next_retry_at.
ALTER TABLE batch ADD COLUMN owner VARCHAR(200);
ALTER TABLE batch ADD COLUMN heartbeat_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE batch ADD COLUMN cutoff_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE batch ADD COLUMN print_attempts INT DEFAULT 0 NOT NULL;
ALTER TABLE batch ADD COLUMN next_retry_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE batch ADD COLUMN printer_uri VARCHAR(500);
ALTER TABLE batch ADD COLUMN print_job_name VARCHAR(200);
ALTER TABLE batch ADD COLUMN print_job VARCHAR(1000);
ALTER TABLE batch ADD COLUMN print_job_state VARCHAR(32);
ALTER TABLE batch ADD COLUMN printed_by VARCHAR(200);
CREATE INDEX ix_batch_status ON batch (status, next_retry_at);
