-- Which kind of app each token was activated for: the bank's Token digital app (CLAVE_TOKEN, every token so far) or
-- a standard authenticator app fed an otpauth:// QR (STANDARD_AUTHENTICATOR). The deployment setting
-- clave.softtoken.app chooses the kind of new tokens only; tokens in use keep theirs.
ALTER TABLE soft_tokens
    ADD COLUMN app VARCHAR(24) NOT NULL DEFAULT 'CLAVE_TOKEN'
        CONSTRAINT soft_tokens_app CHECK (app IN ('CLAVE_TOKEN', 'STANDARD_AUTHENTICATOR'));

-- A standard app has no PIN and so no unlock code: its tokens have no unlock seed. Every Clave token still has one.
ALTER TABLE soft_tokens ALTER COLUMN unlock_seed_box DROP NOT NULL;
ALTER TABLE soft_tokens
    ADD CONSTRAINT soft_tokens_unlock_seed CHECK (app <> 'CLAVE_TOKEN' OR unlock_seed_box IS NOT NULL);

-- the reseal job looks for tokens sealed under an older key
CREATE INDEX soft_tokens_seed_key ON soft_tokens (seed_key_id) WHERE state <> 'REVOKED';
