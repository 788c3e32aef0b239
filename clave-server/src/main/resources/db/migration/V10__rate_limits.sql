-- Rate limits (Bucket4j, JDBC proxy manager for PostgreSQL with SELECT ... FOR UPDATE): one row per bucket, so
-- that every server instance counts the same attempts. The id is the hex HMAC of "<LIMIT>:<key>" (an IP address,
-- a username or a cédula never appears in plain text); state is Bucket4j's serialized bucket; expires_at (epoch
-- milliseconds) is when the bucket would be full again, after which the scheduled cleanup deletes it. Bucket4j
-- inserts a row with empty state before locking it, so state and expires_at are nullable.
CREATE TABLE rate_limit_buckets (
    id         VARCHAR(64) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
CREATE INDEX rate_limit_buckets_expiry ON rate_limit_buckets (expires_at);
