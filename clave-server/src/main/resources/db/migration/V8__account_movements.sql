-- What the signed-in home shows: each account's movements and the balances of credit cards.

-- The movements of an account as the core posts them: amount signed (credits positive, debits negative) and the
-- account's balance right after it, so that a statement needs no running sum.
CREATE TABLE account_movements (
    id            BIGSERIAL PRIMARY KEY,
    account_id    BIGINT NOT NULL REFERENCES accounts (id),
    posted_at     TIMESTAMPTZ NOT NULL,
    description   VARCHAR(120) NOT NULL,
    amount        NUMERIC(15, 2) NOT NULL CHECK (amount <> 0),
    balance_after NUMERIC(15, 2) NOT NULL
);
CREATE INDEX account_movements_account ON account_movements (account_id, posted_at DESC, id DESC);

-- Credit cards: the limit, what is owed, the minimum payment and when it is due. Empty for debit cards.
ALTER TABLE cards
    ADD COLUMN credit_limit     NUMERIC(15, 2),
    ADD COLUMN balance          NUMERIC(15, 2),
    ADD COLUMN minimum_payment  NUMERIC(15, 2),
    ADD COLUMN payment_due_date DATE,
    ADD COLUMN currency         CHAR(3) NOT NULL DEFAULT 'USD';
ALTER TABLE cards ADD CONSTRAINT cards_credit_balance_only_on_credit CHECK (
    kind = 'CREDIT' OR (credit_limit IS NULL AND balance IS NULL AND minimum_payment IS NULL
                        AND payment_due_date IS NULL));
