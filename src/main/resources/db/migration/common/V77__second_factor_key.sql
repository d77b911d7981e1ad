-- Second-factor secrets are sealed by the same at-rest encryption as message content: the key id
-- beside the secret (NULL: stored as it is, as in the demo), so key rotation re-encrypts them too.
ALTER TABLE staff_second_factor ADD COLUMN secret_key VARCHAR(64);
