-- The bank staff who use the back office. The password is kept only as an Argon2id hash and the TOTP secret of the
-- operator's authenticator app only sealed with AES-GCM under the master key (Secrets.encrypt). Usernames are unique
-- whatever their case. Nobody is created here: the first operator comes from the `operator create` command.

CREATE TABLE operators (
    id                   UUID PRIMARY KEY,
    username             VARCHAR(40) NOT NULL CHECK (username = lower(username)),
    display_name         VARCHAR(100) NOT NULL,
    roles                TEXT[] NOT NULL CHECK (cardinality(roles) > 0
                             AND roles <@ ARRAY['OPERATOR', 'SUPERVISOR', 'AUDITOR']::TEXT[]),
    password_hash        VARCHAR(255) NOT NULL,
    must_change_password BOOLEAN NOT NULL DEFAULT TRUE,
    totp_secret_box      BYTEA NOT NULL,
    -- the last TOTP time step accepted: a code of that step or an earlier one is never accepted again
    totp_last_step       BIGINT NOT NULL DEFAULT -1,
    failed_attempts      INT NOT NULL DEFAULT 0,
    locked_until         TIMESTAMPTZ,
    state                VARCHAR(10) NOT NULL DEFAULT 'ACTIVE' CHECK (state IN ('ACTIVE', 'DISABLED')),
    created_at           TIMESTAMPTZ NOT NULL,
    password_changed_at  TIMESTAMPTZ
);
CREATE UNIQUE INDEX operators_username ON operators (lower(username));
