-- Issue 6, the audit trail in the console.

-- The chain's head: the id and hash of the newest record, written by the audit trail in the same transaction as that
-- record. The hash chain alone shows a changed record, and a record removed or inserted before the newest one (the
-- next record no longer links to its predecessor); it cannot show that the newest records were removed, or that
-- records were appended without the trail. The verification compares the last record with this head. The head only
-- moves forward and cannot be deleted (like audit_events, unless someone with the owner's rights disables the triggers).
CREATE TABLE audit_chain_head (
    singleton BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    last_id   BIGINT NOT NULL,
    last_hash BYTEA NOT NULL
);
INSERT INTO audit_chain_head (last_id, last_hash)
SELECT COALESCE((SELECT id FROM audit_events ORDER BY id DESC LIMIT 1), 0),
       COALESCE((SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1), DECODE(REPEAT('00', 32), 'hex'));

CREATE FUNCTION audit_chain_head_forward_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' OR NEW.last_id <= OLD.last_id THEN
        RAISE EXCEPTION 'audit_chain_head only moves forward';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_chain_head_forward BEFORE UPDATE OR DELETE ON audit_chain_head
    FOR EACH ROW EXECUTE FUNCTION audit_chain_head_forward_only();

-- The console's search: newest first by date range and by outcome (subject and type have indexes since V2).
CREATE INDEX audit_events_occurred_at ON audit_events (occurred_at DESC);
CREATE INDEX audit_events_outcome ON audit_events (outcome, id DESC);
