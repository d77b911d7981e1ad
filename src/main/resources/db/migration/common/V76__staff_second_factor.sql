-- A staff account's second factor (RFC 6238 TOTP). The secret is kept encrypted (AES-GCM under
-- postbrug.security.second-factor-key) and is never shown again after enrolment; confirmed_at is
-- empty while enrolment waits for its first code. last_step is the newest 30-second step whose code
-- was used: a code is taken once, on any node, by a compare-and-set on it.
CREATE TABLE staff_second_factor (
    username     VARCHAR(100) NOT NULL PRIMARY KEY,
    secret       VARCHAR(400) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_at TIMESTAMP WITH TIME ZONE,
    last_step    BIGINT       NOT NULL
);
