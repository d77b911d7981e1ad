-- Append-only, hash-chained audit log. audit_head holds the chain's tip in one row, so appends are
-- serialised by its row lock on every database.
CREATE TABLE audit_event (
    seq       BIGINT        NOT NULL PRIMARY KEY,
    at        TIMESTAMP WITH TIME ZONE NOT NULL,
    actor     VARCHAR(320)  NOT NULL,
    type      VARCHAR(64)   NOT NULL,
    subject   VARCHAR(100)  NOT NULL,
    detail    VARCHAR(2000),
    prev_hash VARCHAR(64)   NOT NULL,
    hash      VARCHAR(64)   NOT NULL
);

CREATE TABLE audit_head (
    id        INT         NOT NULL PRIMARY KEY,
    last_seq  BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
