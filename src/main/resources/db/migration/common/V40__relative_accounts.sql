-- Relatives' own accounts: one-time codes sent by mail to verify an address or reset a password, and
-- requests to be approved as a prisoner's contact.

-- At most one open code per contact and purpose. Only a hash of the code is kept. A registration's
-- password waits here (hashed) until the code proves the address, so that nobody can set the
-- password of an address they cannot read.
CREATE TABLE account_code (
    contact_id       BIGINT       NOT NULL REFERENCES contact (id),
    purpose          VARCHAR(16)  NOT NULL,
    code_hash        VARCHAR(64)  NOT NULL,
    pending_password VARCHAR(200),
    issued_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    tries_left       INT          NOT NULL,
    PRIMARY KEY (contact_id, purpose)
);

-- registry_number is kept as typed; prisoner_id is empty when no prisoner has that number, and such a
-- request simply stays pending: the relative sees no difference.
CREATE TABLE approval_request (
    id              VARCHAR(36)   PRIMARY KEY,
    contact_id      BIGINT        NOT NULL REFERENCES contact (id),
    registry_number VARCHAR(32)   NOT NULL,
    prisoner_id     BIGINT        REFERENCES prisoner (id),
    relationship    VARCHAR(100)  NOT NULL,
    note            VARCHAR(1000),
    status          VARCHAR(16)   NOT NULL,
    reason          VARCHAR(1000),
    requested_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at      TIMESTAMP WITH TIME ZONE,
    decided_by      VARCHAR(100)
);

CREATE INDEX ix_approval_request_contact ON approval_request (contact_id);
CREATE INDEX ix_approval_request_prisoner ON approval_request (prisoner_id, status);
