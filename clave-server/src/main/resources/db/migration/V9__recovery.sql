-- Self-service recovery (forgotten username or password, unlocking a locked access): one row per attempt that
-- passed the card check. The browser (or the app) holds a random token; only its HMAC is stored. The flow keeps
-- which of the user's challenge questions it asks, never an answer, a key or a password.
CREATE TABLE recoveries (
    id            UUID PRIMARY KEY,
    token_hash    BYTEA NOT NULL UNIQUE,
    customer_id   BIGINT NOT NULL REFERENCES customers (id),
    user_id       UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    card_id       BIGINT NOT NULL REFERENCES cards (id),
    step          VARCHAR(24) NOT NULL,
    state         VARCHAR(12) NOT NULL CHECK (state IN ('OPEN', 'COMPLETED', 'EXPIRED', 'ENDED', 'CANCELLED')),
    question_id   VARCHAR(40) NOT NULL,
    wrong_answers INT NOT NULL DEFAULT 0,
    created_at    TIMESTAMPTZ NOT NULL,
    expires_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    completed_at  TIMESTAMPTZ
);
CREATE INDEX recoveries_user ON recoveries (user_id, state);

-- Wrong card data count against the card; at the limit the card cannot start a recovery for a while. Kept apart
-- from enrollment's counts so that one flow's failures neither block nor unblock the other.
CREATE TABLE recovery_card_attempts (
    card_id       BIGINT PRIMARY KEY REFERENCES cards (id),
    failures      INT NOT NULL,
    blocked_until TIMESTAMPTZ,
    updated_at    TIMESTAMPTZ NOT NULL
);
