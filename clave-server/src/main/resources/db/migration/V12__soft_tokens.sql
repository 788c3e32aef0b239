-- The Token digital on the server side: activations in progress and the customers' tokens. Seeds are kept only
-- sealed with AES-GCM under a seed key (seed_key_id names which), activation secrets only as HMACs.

CREATE TABLE soft_token_activations (
    id                UUID PRIMARY KEY,
    user_id           UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    binding_hmac      BYTEA NOT NULL,
    code_hmac         BYTEA NOT NULL,
    wrong_codes       INT NOT NULL DEFAULT 0,
    state             VARCHAR(12) NOT NULL CHECK (state IN ('OPEN', 'USED', 'EXHAUSTED', 'REPLACED')),
    created_at        TIMESTAMPTZ NOT NULL,
    expires_at        TIMESTAMPTZ NOT NULL,
    token_id          UUID
);
CREATE INDEX soft_token_activations_user ON soft_token_activations (user_id, state);

CREATE TABLE soft_tokens (
    id              UUID PRIMARY KEY,
    user_id         UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    state           VARCHAR(12) NOT NULL CHECK (state IN ('PENDING', 'ACTIVE', 'LOCKED', 'REVOKED')),
    seed_key_id     VARCHAR(32) NOT NULL,
    seed_box        BYTEA NOT NULL,
    unlock_seed_box BYTEA NOT NULL,
    device_name     VARCHAR(60) NOT NULL,
    last_step       BIGINT NOT NULL DEFAULT -1,
    failed_codes    INT NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ NOT NULL,
    activated_at    TIMESTAMPTZ,
    revoked_at      TIMESTAMPTZ
);
-- at most one token in use per customer; a pending one may wait beside it until confirmed
CREATE UNIQUE INDEX soft_tokens_one_in_use ON soft_tokens (user_id) WHERE state IN ('ACTIVE', 'LOCKED');
CREATE INDEX soft_tokens_user ON soft_tokens (user_id, state);
