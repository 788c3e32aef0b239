-- Online-banking users. One per customer; usernames unique regardless of letter case.
CREATE TABLE users (
    id                  UUID PRIMARY KEY,
    customer_id         BIGINT NOT NULL UNIQUE REFERENCES customers (id),
    username            VARCHAR(32) NOT NULL,
    username_key        VARCHAR(32) NOT NULL UNIQUE,
    password_hash       VARCHAR(200) NOT NULL,
    security_image      VARCHAR(40) NOT NULL,
    security_phrase     VARCHAR(60),
    second_factor       VARCHAR(24) NOT NULL,
    state               VARCHAR(16) NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    password_changed_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE challenge_answers (
    user_id     UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    question_id VARCHAR(16) NOT NULL,
    answer_hash VARCHAR(200) NOT NULL,
    PRIMARY KEY (user_id, question_id)
);
