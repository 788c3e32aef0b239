-- The self-enrollment flow: one row per attempt, holding its step and what the customer has entered so far.
-- The browser (or the app) holds a random token; only its HMAC is stored.
CREATE TABLE enrollments (
    id                UUID PRIMARY KEY,
    token_hash        BYTEA NOT NULL UNIQUE,
    customer_id       BIGINT NOT NULL REFERENCES customers (id),
    card_id           BIGINT NOT NULL REFERENCES cards (id),
    step              VARCHAR(24) NOT NULL,
    state             VARCHAR(12) NOT NULL CHECK (state IN ('OPEN', 'COMPLETED', 'EXPIRED', 'ENDED', 'CANCELLED')),
    created_at        TIMESTAMPTZ NOT NULL,
    expires_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    username          VARCHAR(32),
    password_hash     VARCHAR(200),
    security_image    VARCHAR(40),
    security_phrase   VARCHAR(60),
    home_phone        VARCHAR(10),
    work_phone        VARCHAR(10),
    challenge_answers JSONB,
    terms_accepted_at TIMESTAMPTZ,
    second_factor     VARCHAR(24),
    user_id           UUID,
    completed_at      TIMESTAMPTZ
);
CREATE INDEX enrollments_customer ON enrollments (customer_id, state);

-- Wrong card data count against the card; at the limit the card cannot start an enrollment for a while.
CREATE TABLE enrollment_card_attempts (
    card_id       BIGINT PRIMARY KEY REFERENCES cards (id),
    failures      INT NOT NULL,
    blocked_until TIMESTAMPTZ,
    updated_at    TIMESTAMPTZ NOT NULL
);
