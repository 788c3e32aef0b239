-- Login: the lockout counters on the user, the password history, the record of successful logins, the login
-- flow in progress and the web sessions (Spring Session JDBC) that several instances share.

ALTER TABLE users
    ADD COLUMN failed_attempts INT NOT NULL DEFAULT 0,
    ADD COLUMN locked_until    TIMESTAMPTZ,
    ADD COLUMN temporary_locks INT NOT NULL DEFAULT 0,
    ADD COLUMN lock_reason     VARCHAR(32);
ALTER TABLE users ADD CONSTRAINT users_state CHECK (state IN ('ACTIVE', 'LOCKED'));

-- Earlier password hashes, so that a change can refuse one of the last few.
CREATE TABLE password_history (
    user_id       UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    password_hash VARCHAR(200) NOT NULL,
    replaced_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX password_history_user ON password_history (user_id, replaced_at DESC);

-- Successful logins: the home shows the previous one, the back office the recent ones.
CREATE TABLE user_logins (
    id           BIGSERIAL PRIMARY KEY,
    user_id      UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    logged_in_at TIMESTAMPTZ NOT NULL,
    ip_address   VARCHAR(64) NOT NULL,
    user_agent   VARCHAR(300) NOT NULL
);
CREATE INDEX user_logins_user ON user_logins (user_id, logged_in_at DESC);

-- A login in progress (username given, password and second factor pending). The browser or app holds a random
-- token; only its HMAC is stored. user_id stays empty for a username that does not exist, and the flow
-- behaves the same until the password is refused.
CREATE TABLE login_flows (
    id             UUID PRIMARY KEY,
    token_hash     BYTEA NOT NULL UNIQUE,
    username_key   VARCHAR(64) NOT NULL,
    user_id        UUID REFERENCES users (id) ON DELETE CASCADE,
    step           VARCHAR(24) NOT NULL,
    challenge_id   UUID,
    device_trusted BOOLEAN NOT NULL DEFAULT FALSE,
    state          VARCHAR(12) NOT NULL CHECK (state IN ('OPEN', 'COMPLETED', 'ENDED')),
    created_at     TIMESTAMPTZ NOT NULL,
    expires_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    completed_at   TIMESTAMPTZ
);
CREATE INDEX login_flows_expiry ON login_flows (expires_at) WHERE state = 'OPEN';

-- Spring Session JDBC (schema of spring-session-jdbc 4.1 for PostgreSQL).
CREATE TABLE spring_session (
    primary_id            CHAR(36) NOT NULL,
    session_id            CHAR(36) NOT NULL,
    creation_time         BIGINT NOT NULL,
    last_access_time      BIGINT NOT NULL,
    max_inactive_interval INT NOT NULL,
    expiry_time           BIGINT NOT NULL,
    principal_name        VARCHAR(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id CHAR(36) NOT NULL,
    attribute_name     VARCHAR(200) NOT NULL,
    attribute_bytes    BYTEA NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES spring_session (primary_id) ON DELETE CASCADE
);
