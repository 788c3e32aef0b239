-- The transactional outbox of messages to customers: one row per message per channel, written in the business
-- transaction that causes it and delivered afterwards by the dispatcher (see OutboxDispatcher).
-- A body that carries a secret (a one-time key) is stored sealed with AES-GCM (base64) and erased once the message
-- is delivered or given up; last_error names a cause only, never the message text.
CREATE TABLE notification_outbox (
    id              BIGSERIAL PRIMARY KEY,
    kind            VARCHAR(32)  NOT NULL, -- the intent, e.g. ONE_TIME_KEY, for whoever reads the table
    channel         VARCHAR(8)   NOT NULL CHECK (channel IN ('SMS', 'EMAIL')),
    recipient       VARCHAR(254) NOT NULL,
    subject         VARCHAR(255),
    body_text       TEXT,
    body_html       TEXT,
    contains_secret BOOLEAN      NOT NULL,
    state           VARCHAR(8)   NOT NULL CHECK (state IN ('PENDING', 'SENT', 'FAILED')),
    attempts        INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    sent_at         TIMESTAMPTZ,
    last_error      VARCHAR(255),
    CONSTRAINT notification_outbox_secret_erased
        CHECK (state = 'PENDING' OR NOT contains_secret OR (body_text IS NULL AND body_html IS NULL)),
    CONSTRAINT notification_outbox_pending_has_body
        CHECK (state <> 'PENDING' OR body_text IS NOT NULL)
);

-- what the dispatcher scans: only the pending rows, by due time
CREATE INDEX notification_outbox_due ON notification_outbox (next_attempt_at) WHERE state = 'PENDING';
