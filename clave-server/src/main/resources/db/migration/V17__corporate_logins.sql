-- Corporate portal logins in progress: username and password, then the clave temporal (SMS and e-mail), then for a
-- user with temporary credentials the creation of the definitive ones. Only a keyed hash of the flow's token is kept;
-- the audit trail keeps what happened once a flow is deleted.
CREATE TABLE corporate_login_flows (
    id           UUID PRIMARY KEY,
    token_hash   BYTEA NOT NULL UNIQUE,
    user_id      UUID NOT NULL REFERENCES company_users (id) ON DELETE CASCADE,
    step         VARCHAR(16) NOT NULL CHECK (step IN ('KEY', 'CREDENTIALS')),
    state        VARCHAR(12) NOT NULL CHECK (state IN ('OPEN', 'COMPLETED', 'ENDED')),
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    completed_at TIMESTAMPTZ
);
CREATE INDEX corporate_login_flows_expiry ON corporate_login_flows (expires_at);
