-- Transfers authorised with the second factor, and the authorisations other channels ask for.

-- Each transaction-signing code of a Token digital is accepted once: its token, a keyed hash of its question
-- (destination and amount) and its time step. Rows older than a day serve no check and may be purged.
CREATE TABLE soft_token_signatures (
    token_id      UUID NOT NULL REFERENCES soft_tokens (id) ON DELETE CASCADE,
    question_hmac BYTEA NOT NULL,
    step          BIGINT NOT NULL,
    step_start    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (token_id, question_hmac, step)
);

-- An operation (its kind, amount and destination) that the customer authorises with the Token digital's signing
-- code or with a clave temporal whose message names it. Once authorised it yields a single-use reference, kept only
-- as a keyed hash, that the operation consumes.
CREATE TABLE operation_authorizations (
    id             UUID PRIMARY KEY,
    user_id        UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    operation      VARCHAR(24) NOT NULL CHECK (operation IN ('TRANSFER', 'CARDLESS_WITHDRAWAL', 'PAYMENT')),
    amount         NUMERIC(15, 2) NOT NULL CHECK (amount > 0),
    currency       CHAR(3) NOT NULL,
    destination    VARCHAR(20) NOT NULL CHECK (destination ~ '^[0-9]{1,20}$'),
    method         VARCHAR(12) NOT NULL CHECK (method IN ('SOFT_TOKEN', 'SMS_KEY')),
    state          VARCHAR(12) NOT NULL CHECK (state IN ('PENDING', 'AUTHORIZED', 'CONSUMED', 'REFUSED')),
    wrong_codes    INT NOT NULL DEFAULT 0,
    reference_hmac BYTEA UNIQUE,
    created_at     TIMESTAMPTZ NOT NULL,
    expires_at     TIMESTAMPTZ NOT NULL,
    authorized_at  TIMESTAMPTZ,
    consumed_at    TIMESTAMPTZ
);
CREATE INDEX operation_authorizations_user ON operation_authorizations (user_id, created_at DESC);

-- A transfer from one of the customer's accounts to another account of the bank. The idempotency key makes a
-- request sent twice one transfer; the daily limit sums the customer's transfers done since midnight.
CREATE TABLE transfers (
    id               UUID PRIMARY KEY,
    customer_id      BIGINT NOT NULL REFERENCES customers (id),
    user_id          UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    idempotency_key  VARCHAR(64) NOT NULL,
    from_account_id  BIGINT NOT NULL REFERENCES accounts (id),
    to_account_id    BIGINT NOT NULL REFERENCES accounts (id),
    amount           NUMERIC(15, 2) NOT NULL CHECK (amount > 0),
    currency         CHAR(3) NOT NULL,
    description      VARCHAR(60) NOT NULL,
    authorization_id UUID REFERENCES operation_authorizations (id),
    state            VARCHAR(12) NOT NULL CHECK (state IN ('AWAITING', 'DONE', 'REFUSED')),
    refusal          VARCHAR(40),
    created_at       TIMESTAMPTZ NOT NULL,
    executed_at      TIMESTAMPTZ,
    CHECK (from_account_id <> to_account_id),
    UNIQUE (customer_id, idempotency_key)
);
CREATE INDEX transfers_done_by_day ON transfers (customer_id, executed_at) WHERE state = 'DONE';
