-- Changes an operator asks for and a supervisor decides (maker–checker): a customer's registered mobile or e-mail,
-- changed after the operator checked the customer's identity at the desk, or a reset of the Token digital.
CREATE TABLE backoffice_requests (
    id           UUID PRIMARY KEY,
    kind         VARCHAR(16) NOT NULL CHECK (kind IN ('CHANGE_MOBILE', 'CHANGE_EMAIL', 'RESET_TOKEN')),
    user_id      UUID NOT NULL REFERENCES users (id),
    new_value    VARCHAR(254),
    requested_by UUID NOT NULL REFERENCES operators (id),
    requested_at TIMESTAMPTZ NOT NULL,
    state        VARCHAR(10) NOT NULL CHECK (state IN ('PENDING', 'APPROVED', 'REJECTED')),
    decided_by   UUID REFERENCES operators (id),
    decided_at   TIMESTAMPTZ,
    CHECK (kind = 'RESET_TOKEN' OR new_value IS NOT NULL),
    CHECK (decided_by IS NULL OR decided_by <> requested_by)
);
CREATE INDEX backoffice_requests_pending ON backoffice_requests (requested_at) WHERE state = 'PENDING';
