-- "Sign out everywhere": page sessions of an account that began before this moment end at
-- their next request, on every node.
CREATE TABLE session_cutoff (
    account VARCHAR(320) PRIMARY KEY,
    signed_out_at TIMESTAMP WITH TIME ZONE NOT NULL
);
