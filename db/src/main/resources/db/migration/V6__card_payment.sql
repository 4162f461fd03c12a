-- Card payment attempts (iyzico Checkout Form), settled exactly once.
-- An attempt is stored before the gateway is called: our id is the conversationId, our reference the basketId.
-- active_subscriber_id is set while the attempt is OPEN or UNKNOWN and cleared when it ends: the unique key gives one
-- active attempt per subscriber (two clicks on Pay). payment_id is unique: one payment per attempt; the payment's
-- idempotency key is 'card:' + attempt id and its external_ref the gateway's payment id (unique per channel).
CREATE TABLE payment_attempt (
    id                    BIGINT        NOT NULL AUTO_INCREMENT,
    institution_id        BIGINT        NOT NULL,
    subscriber_id         BIGINT        NOT NULL,
    reference             CHAR(32)      NOT NULL,
    amount_kurus          BIGINT        NOT NULL,
    currency              CHAR(3)       NOT NULL,
    status                VARCHAR(16)   NOT NULL,
    active_subscriber_id  BIGINT        NULL,
    token                 VARCHAR(128)  NULL,
    page_url              VARCHAR(512)  NULL,
    token_expires_at      DATETIME(6)   NULL,
    gateway_payment_id    VARCHAR(64)   NULL,
    payment_id            BIGINT        NULL,
    needs_review          BOOLEAN       NOT NULL DEFAULT FALSE,
    client_ip             VARCHAR(45)   NULL,
    last_error            VARCHAR(500)  NULL,
    created_at            DATETIME(6)   NOT NULL,
    updated_at            DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_attempt_reference (reference),
    UNIQUE KEY uk_attempt_token (token),
    UNIQUE KEY uk_attempt_gateway_payment (gateway_payment_id),
    UNIQUE KEY uk_attempt_payment (payment_id),
    UNIQUE KEY uk_attempt_active (active_subscriber_id),
    KEY ix_attempt_status (status, created_at),
    KEY ix_attempt_subscriber (subscriber_id, created_at),
    CONSTRAINT fk_attempt_institution FOREIGN KEY (institution_id) REFERENCES institution (id),
    CONSTRAINT fk_attempt_subscriber FOREIGN KEY (subscriber_id) REFERENCES subscriber (id),
    CONSTRAINT fk_attempt_payment FOREIGN KEY (payment_id) REFERENCES payment (id),
    CONSTRAINT ck_attempt_amount CHECK (amount_kurus > 0),
    CONSTRAINT ck_attempt_status CHECK (status IN ('OPEN', 'UNKNOWN', 'SUCCEEDED', 'FAILED', 'EXPIRED', 'REJECTED')),
    CONSTRAINT ck_attempt_active CHECK (active_subscriber_id IS NULL
        OR (active_subscriber_id = subscriber_id AND status IN ('OPEN', 'UNKNOWN'))),
    CONSTRAINT ck_attempt_paid CHECK ((status = 'SUCCEEDED') = (payment_id IS NOT NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The bills of an attempt's basket, in allocation order, each with its amount (principal + surcharge due that day).
CREATE TABLE payment_attempt_bill (
    attempt_id    BIGINT  NOT NULL,
    seq           INT     NOT NULL,
    bill_id       BIGINT  NOT NULL,
    amount_kurus  BIGINT  NOT NULL,
    PRIMARY KEY (attempt_id, seq),
    UNIQUE KEY uk_attempt_bill (attempt_id, bill_id),
    KEY ix_attempt_bill_bill (bill_id),
    CONSTRAINT fk_attempt_bill_attempt FOREIGN KEY (attempt_id) REFERENCES payment_attempt (id),
    CONSTRAINT fk_attempt_bill_bill FOREIGN KEY (bill_id) REFERENCES bill (id),
    CONSTRAINT ck_attempt_bill_amount CHECK (amount_kurus > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Deliveries that were refused (unknown or forged token, amount/currency/basket mismatch, bad webhook signature):
-- append-only, for staff. attempt_id is NULL when the delivery named no attempt of ours.
CREATE TABLE payment_incident (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    occurred_at  DATETIME(6)   NOT NULL,
    kind         VARCHAR(32)   NOT NULL,
    channel      VARCHAR(16)   NOT NULL,
    attempt_id   BIGINT        NULL,
    token        VARCHAR(128)  NULL,
    detail       VARCHAR(500)  NULL,
    client_ip    VARCHAR(45)   NULL,
    PRIMARY KEY (id),
    KEY ix_incident_time (occurred_at),
    KEY ix_incident_attempt (attempt_id),
    CONSTRAINT fk_incident_attempt FOREIGN KEY (attempt_id) REFERENCES payment_attempt (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One node at a time for periodic jobs (card reconciliation): a job takes its row with
-- UPDATE ... WHERE name = ? AND (expires_at < now OR holder = me).
CREATE TABLE job_lease (
    name        VARCHAR(64)   NOT NULL,
    holder      VARCHAR(128)  NULL,
    expires_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO job_lease (name, holder, expires_at) VALUES ('card-reconciliation', NULL, '2000-01-01 00:00:00');
