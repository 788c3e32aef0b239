-- The corporate and merchant portal: companies, their users, and what their landing pages show from the core.

CREATE TABLE companies (
    id         BIGSERIAL PRIMARY KEY,
    ruc        CHAR(13) NOT NULL UNIQUE,
    legal_name VARCHAR(120) NOT NULL,
    profiles   VARCHAR(12) NOT NULL CHECK (profiles IN ('CORPORATE', 'MERCHANT', 'BOTH')),
    state      VARCHAR(12) NOT NULL DEFAULT 'ACTIVE' CHECK (state IN ('ACTIVE', 'SUSPENDED')),
    created_at TIMESTAMPTZ NOT NULL,
    created_by VARCHAR(64) NOT NULL
);

-- A company's people: administrators and additional users. The username is the temporary one until the user
-- creates the definitive one; unique (whatever the case) among users not deleted. A deleted user stays for the audit
-- trail and can no longer log in. Passwords only as Argon2id hashes.
CREATE TABLE company_users (
    id                    UUID PRIMARY KEY,
    company_id            BIGINT NOT NULL REFERENCES companies (id),
    role                  VARCHAR(8) NOT NULL CHECK (role IN ('ADMIN', 'USER')),
    document_type         VARCHAR(8) NOT NULL CHECK (document_type IN ('CEDULA', 'PASSPORT')),
    document_number       VARCHAR(20) NOT NULL,
    first_names           VARCHAR(80) NOT NULL,
    last_names            VARCHAR(80) NOT NULL,
    email                 VARCHAR(254) NOT NULL,
    mobile_phone          VARCHAR(10) NOT NULL,
    profiles              VARCHAR(12) NOT NULL CHECK (profiles IN ('CORPORATE', 'MERCHANT', 'BOTH')),
    username              VARCHAR(32) NOT NULL,
    username_key          VARCHAR(32) NOT NULL,
    password_hash         VARCHAR(200) NOT NULL,
    state                 VARCHAR(12) NOT NULL CHECK (state IN ('TEMPORARY', 'ACTIVE', 'DELETED')),
    credentials_expire_at TIMESTAMPTZ,
    failed_attempts       INT NOT NULL DEFAULT 0,
    locked_until          TIMESTAMPTZ,
    temporary_locks       INT NOT NULL DEFAULT 0,
    lock_reason           VARCHAR(32),
    created_at            TIMESTAMPTZ NOT NULL,
    created_by            VARCHAR(64) NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL,
    password_changed_at   TIMESTAMPTZ NOT NULL,
    deleted_at            TIMESTAMPTZ,
    CHECK (state <> 'TEMPORARY' OR credentials_expire_at IS NOT NULL)
);
CREATE UNIQUE INDEX company_users_username ON company_users (username_key) WHERE state <> 'DELETED';
CREATE UNIQUE INDEX company_users_document ON company_users (company_id, document_type, document_number)
    WHERE state <> 'DELETED';
CREATE INDEX company_users_company ON company_users (company_id, state, last_names, first_names);
CREATE INDEX company_users_document_lookup ON company_users (document_number) WHERE state <> 'DELETED';

CREATE TABLE company_user_password_history (
    user_id       UUID NOT NULL REFERENCES company_users (id),
    password_hash VARCHAR(200) NOT NULL,
    replaced_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX company_user_password_history_user ON company_user_password_history (user_id, replaced_at DESC);

-- The core-banking registry's side, keyed by RUC: a company's corporate cards, a merchant's sales and settlements.
CREATE TABLE corporate_cards (
    id           BIGSERIAL PRIMARY KEY,
    ruc          CHAR(13) NOT NULL,
    last_four    CHAR(4) NOT NULL,
    holder_name  VARCHAR(80) NOT NULL,
    credit_limit NUMERIC(15, 2) NOT NULL,
    balance      NUMERIC(15, 2) NOT NULL,
    currency     CHAR(3) NOT NULL DEFAULT 'USD',
    state        VARCHAR(10) NOT NULL CHECK (state IN ('ACTIVE', 'BLOCKED', 'CANCELLED'))
);
CREATE INDEX corporate_cards_ruc ON corporate_cards (ruc);

CREATE TABLE merchant_sales (
    id            BIGSERIAL PRIMARY KEY,
    ruc           CHAR(13) NOT NULL,
    sold_at       TIMESTAMPTZ NOT NULL,
    card_brand    VARCHAR(20) NOT NULL,
    card_last_four CHAR(4) NOT NULL,
    amount        NUMERIC(15, 2) NOT NULL CHECK (amount > 0),
    authorization_code VARCHAR(12) NOT NULL,
    currency      CHAR(3) NOT NULL DEFAULT 'USD'
);
CREATE INDEX merchant_sales_ruc ON merchant_sales (ruc, sold_at DESC);

CREATE TABLE merchant_settlements (
    id         BIGSERIAL PRIMARY KEY,
    ruc        CHAR(13) NOT NULL,
    settled_on DATE NOT NULL,
    gross      NUMERIC(15, 2) NOT NULL,
    commission NUMERIC(15, 2) NOT NULL,
    net        NUMERIC(15, 2) NOT NULL,
    state      VARCHAR(10) NOT NULL CHECK (state IN ('PAID', 'PENDING')),
    currency   CHAR(3) NOT NULL DEFAULT 'USD'
);
CREATE INDEX merchant_settlements_ruc ON merchant_settlements (ruc, settled_on DESC);
