-- The bank's data that enrollment checks against (the core-banking registry).
-- Card numbers are kept only as a keyed hash (for look-up) and their last four digits; card PINs never in clear.
CREATE TABLE customers (
    id           BIGSERIAL PRIMARY KEY,
    cedula       VARCHAR(10) NOT NULL UNIQUE,
    first_names  VARCHAR(80) NOT NULL,
    last_names   VARCHAR(80) NOT NULL,
    birth_date   DATE NOT NULL,
    email        VARCHAR(254) NOT NULL,
    mobile_phone VARCHAR(10) NOT NULL,
    home_phone   VARCHAR(10),
    work_phone   VARCHAR(10),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE cards (
    id           BIGSERIAL PRIMARY KEY,
    customer_id  BIGINT NOT NULL REFERENCES customers (id),
    kind         VARCHAR(8) NOT NULL CHECK (kind IN ('DEBIT', 'CREDIT')),
    pan_hmac     BYTEA NOT NULL UNIQUE,
    last_four    CHAR(4) NOT NULL,
    pin_hmac     BYTEA NOT NULL,
    issue_date   DATE NOT NULL,
    expiry_month SMALLINT NOT NULL CHECK (expiry_month BETWEEN 1 AND 12),
    expiry_year  SMALLINT NOT NULL,
    state        VARCHAR(10) NOT NULL CHECK (state IN ('ACTIVE', 'BLOCKED', 'EXPIRED', 'CANCELLED'))
);
CREATE INDEX cards_customer ON cards (customer_id);

CREATE TABLE accounts (
    id          BIGSERIAL PRIMARY KEY,
    customer_id BIGINT NOT NULL REFERENCES customers (id),
    kind        VARCHAR(10) NOT NULL CHECK (kind IN ('SAVINGS', 'CHECKING')),
    number      VARCHAR(20) NOT NULL UNIQUE,
    balance     NUMERIC(15, 2) NOT NULL,
    currency    CHAR(3) NOT NULL DEFAULT 'USD',
    state       VARCHAR(10) NOT NULL DEFAULT 'ACTIVE'
);
CREATE INDEX accounts_customer ON accounts (customer_id);
