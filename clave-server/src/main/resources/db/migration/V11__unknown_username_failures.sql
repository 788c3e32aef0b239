-- Wrong passwords typed for usernames that do not exist, by keyed hash of the username. Counting them costs what
-- counting a real user's failure costs, so the time of an answer tells nothing about whether a username exists; the
-- counts also show username spraying to the bank. Rows older than a day are deleted.
CREATE TABLE unknown_username_failures (
    username_hash BYTEA PRIMARY KEY,
    failures      INT NOT NULL,
    last_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX unknown_username_failures_last ON unknown_username_failures (last_at);
