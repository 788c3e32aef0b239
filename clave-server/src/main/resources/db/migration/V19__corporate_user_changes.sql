-- An administrator's change to the company's users, waiting for its confirmation ("Aceptar") and, when it is
-- sensitive (adding a user, changing a user's e-mail or mobile), for the clave temporal sent to the administrator's
-- mobile (its key flow is this row's id). What the change sets holds personal data: it is kept encrypted. A change
-- belongs to its company and to the administrator who asked for it; nobody else may confirm it. The rows stay after
-- the change is done or dropped, for the records.
CREATE TABLE company_user_changes (
    id           UUID PRIMARY KEY,
    company_id   BIGINT NOT NULL REFERENCES companies (id),
    requested_by UUID NOT NULL REFERENCES company_users (id),
    kind         VARCHAR(8) NOT NULL CHECK (kind IN ('ADD', 'EDIT')),
    target_id    UUID REFERENCES company_users (id),
    payload      BYTEA NOT NULL,
    needs_key    BOOLEAN NOT NULL,
    state        VARCHAR(10) NOT NULL CHECK (state IN ('PENDING', 'DONE', 'DROPPED')),
    result_id    UUID REFERENCES company_users (id),
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    done_at      TIMESTAMPTZ,
    CHECK (kind = 'ADD' OR target_id IS NOT NULL)
);
CREATE INDEX company_user_changes_company ON company_user_changes (company_id, requested_by, created_at DESC);
