-- Office payments with a printable receipt, reversals and the surcharge a payment pays (issue 3, item 4).
--
-- The ledger of domain.md: for every subscriber, Σ bill totals + Σ surcharge charged − Σ payments allocated to bills
-- − Σ credit = open balance. Surcharge (gecikme zammı) accrues day by day but is posted (charged) only when money
-- reaches the bill, as a row of surcharge_charge, so that what a payment allocates to SURCHARGE has an accrual
-- beside it and the ledger balances to the kuruş. Nothing here is ever updated or deleted: a reversal is a payment
-- with the negated rows.

-- debt_after / credit_after: the subscriber's open debt and unspent credit right after the payment, as its receipt
-- prints them (a receipt printed again later shows the same figures). note: the reason of a reversal.
-- The business date of a payment (the day the money was received, what its surcharge is computed for) and of each
-- allocation row (credit spent later is dated the day it is spent). NULL on rows written before this migration
-- (and by raw SQL loaders): read as the date of the payment's paid_at.
ALTER TABLE payment
    ADD COLUMN received_on     DATE         NULL AFTER paid_at,
    ADD COLUMN idempotency_key VARCHAR(64)  NULL AFTER external_ref,
    ADD COLUMN note            VARCHAR(500) COLLATE utf8mb4_turkish_ci NULL AFTER idempotency_key,
    ADD COLUMN debt_after      DECIMAL(19,2) NULL AFTER note,
    ADD COLUMN credit_after    DECIMAL(19,2) NULL AFTER debt_after,
    MODIFY COLUMN receipt_no   VARCHAR(48)  NOT NULL,
    ADD UNIQUE KEY uk_payment_idempotency (institution_id, idempotency_key);

-- seq: the row's place within its payment (a credit transfer is a −CREDIT row followed by its bill row; ids do not
-- keep that order when a JPA provider inserts a batch). NULL on older rows: their id order.
ALTER TABLE payment_allocation
    ADD COLUMN allocated_on DATE NULL AFTER amount,
    ADD COLUMN seq          INT  NULL AFTER allocated_on;

-- Surcharge posted on a bill on a day, by the payment (or the credit transfer) whose money reached the bill.
CREATE TABLE surcharge_charge (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    institution_id  BIGINT        NOT NULL,
    subscriber_id   BIGINT        NOT NULL,
    bill_id         BIGINT        NOT NULL,
    charged_on      DATE          NOT NULL,
    amount          DECIMAL(19,2) NOT NULL,
    payment_id      BIGINT        NULL,
    created_at      DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    KEY ix_surcharge_charge_bill (bill_id, charged_on),
    KEY ix_surcharge_charge_subscriber (subscriber_id),
    CONSTRAINT fk_surcharge_charge_institution FOREIGN KEY (institution_id) REFERENCES institution (id),
    CONSTRAINT fk_surcharge_charge_subscriber FOREIGN KEY (subscriber_id) REFERENCES subscriber (id),
    CONSTRAINT fk_surcharge_charge_bill FOREIGN KEY (bill_id) REFERENCES bill (id),
    CONSTRAINT fk_surcharge_charge_payment FOREIGN KEY (payment_id) REFERENCES payment (id),
    CONSTRAINT ck_surcharge_charge_amount CHECK (amount > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The next receipt number of an institution's yearly series (<institution code>-M<year>-<000001>). Advanced by a
-- locking read in the payment's own transaction: a rolled-back payment gives its number back, no gap, no twin.
CREATE TABLE receipt_number_sequence (
    institution_id  BIGINT   NOT NULL,
    year            SMALLINT NOT NULL,
    next_value      INT      NOT NULL,
    PRIMARY KEY (institution_id, year),
    CONSTRAINT fk_receipt_number_sequence_institution FOREIGN KEY (institution_id) REFERENCES institution (id),
    CONSTRAINT ck_receipt_number_sequence_next CHECK (next_value >= 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The payment list filters by channel and day.
ALTER TABLE payment ADD KEY ix_payment_institution_channel (institution_id, channel, paid_at);
