-- Files the service keeps (batch and reprint PDFs) live in the database, so several nodes share
-- nothing but the database. Content is cut into chunks of at most 1 MiB: neither H2 nor the
-- PostgreSQL driver streams one bytea value, and a chunk at a time keeps the heap small.
CREATE TABLE stored_blob (
    blob_key  VARCHAR(500) NOT NULL PRIMARY KEY,
    size      BIGINT       NOT NULL,
    sha256    VARCHAR(64)  NOT NULL,
    chunks    INT          NOT NULL,
    stored_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE stored_blob_chunk (
    blob_key VARCHAR(500) NOT NULL REFERENCES stored_blob (blob_key),
    seq      INT          NOT NULL,
    data     BYTEA        NOT NULL,
    PRIMARY KEY (blob_key, seq)
);
