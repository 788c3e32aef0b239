-- Append-only, hash-chained audit trail. The application role should be granted INSERT and SELECT only.
CREATE TABLE audit_events (
    id            BIGSERIAL PRIMARY KEY,
    occurred_at   TIMESTAMPTZ NOT NULL,
    type          VARCHAR(64) NOT NULL,
    outcome       VARCHAR(16) NOT NULL,
    subject       VARCHAR(128) NOT NULL,
    ip_address    VARCHAR(64) NOT NULL,
    user_agent    VARCHAR(512) NOT NULL,
    details       JSONB NOT NULL,
    previous_hash BYTEA NOT NULL,
    hash          BYTEA NOT NULL
);
CREATE INDEX audit_events_subject ON audit_events (subject, id DESC);
CREATE INDEX audit_events_type ON audit_events (type, occurred_at DESC);

CREATE FUNCTION audit_events_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
