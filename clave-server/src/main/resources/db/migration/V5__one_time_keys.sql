-- Claves temporales: counters per flow and purpose, and the keys themselves as HMACs only.
CREATE TABLE one_time_key_flows (
    flow_id        UUID NOT NULL,
    purpose        VARCHAR(24) NOT NULL,
    keys_issued    INT NOT NULL,
    wrong_total    INT NOT NULL,
    last_issued_at TIMESTAMPTZ,
    state          VARCHAR(8) NOT NULL CHECK (state IN ('OPEN', 'ENDED')),
    created_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (flow_id, purpose)
);

CREATE TABLE one_time_keys (
    id             BIGSERIAL PRIMARY KEY,
    flow_id        UUID NOT NULL,
    purpose        VARCHAR(24) NOT NULL,
    key_hmac       BYTEA NOT NULL,
    issued_at      TIMESTAMPTZ NOT NULL,
    expires_at     TIMESTAMPTZ NOT NULL,
    wrong_attempts INT NOT NULL,
    state          VARCHAR(10) NOT NULL CHECK (state IN ('ACTIVE', 'USED', 'REPLACED', 'EXPIRED', 'EXHAUSTED')),
    FOREIGN KEY (flow_id, purpose) REFERENCES one_time_key_flows (flow_id, purpose)
);
CREATE INDEX one_time_keys_flow ON one_time_keys (flow_id, purpose, id DESC);
