-- Forgotten username or password of a company user ("¿Olvidó su usuario y/o clave?"): one row per attempt that
-- passed the format checks of the RUC and the identity number. The browser (or the app) holds a random token; only
-- its HMAC is stored. A RUC and number that name nobody get a row too (user_id NULL), so that the answer and the
-- work done are the same; such a row counts its make-believe claves temporales in the decoy_* columns (no key
-- exists, any key is refused the way a wrong one is). Never a key or a password.
CREATE TABLE corporate_recoveries (
    id                UUID PRIMARY KEY,
    token_hash        BYTEA NOT NULL UNIQUE,
    user_id           UUID REFERENCES company_users (id),
    step              VARCHAR(24) NOT NULL,
    state             VARCHAR(12) NOT NULL CHECK (state IN ('OPEN', 'COMPLETED', 'EXPIRED', 'ENDED', 'CANCELLED')),
    decoy_keys_sent   INT NOT NULL DEFAULT 0,
    decoy_key_at      TIMESTAMPTZ,
    decoy_key_state   VARCHAR(10),
    decoy_key_wrong   INT NOT NULL DEFAULT 0,
    decoy_wrong_total INT NOT NULL DEFAULT 0,
    created_at        TIMESTAMPTZ NOT NULL,
    expires_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    completed_at      TIMESTAMPTZ
);
CREATE INDEX corporate_recoveries_user ON corporate_recoveries (user_id, state);
