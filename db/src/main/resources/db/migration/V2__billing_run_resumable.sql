-- Billing runs that are idempotent and resumable (issue 3, item 3).
--
-- A run processes an institution's subscribers in chunks; each chunk is one transaction that inserts the chunk's
-- bills and lines, the subscribers it had to skip, advances the bill number series and the run's progress. A chunk
-- killed halfway rolls all of that back together, so a restart finds exactly the subscribers still to do, with no
-- duplicate bill and no gap in the numbers.

-- Progress of a run, for the progress bar and to tell a live run from a dead one (heartbeat).
ALTER TABLE billing_run
    ADD COLUMN total_subscribers INT           NOT NULL DEFAULT 0 AFTER bills_created,
    ADD COLUMN processed         INT           NOT NULL DEFAULT 0 AFTER total_subscribers,
    ADD COLUMN skipped           INT           NOT NULL DEFAULT 0 AFTER processed,
    ADD COLUMN heartbeat_at      DATETIME(6)   NULL AFTER skipped,
    ADD COLUMN last_error        VARCHAR(1000) NULL AFTER heartbeat_at;

ALTER TABLE billing_run
    ADD CONSTRAINT ck_billing_run_counts CHECK (total_subscribers >= 0 AND processed >= 0 AND skipped >= 0
        AND bills_created >= 0),
    ADD CONSTRAINT ck_billing_run_finished CHECK ((status = 'COMPLETED') = (finished_at IS NOT NULL));

-- A run bills a subscriber at most once. Bills issued outside a run (reissues, reversals) have no run
-- (NULL never collides).
ALTER TABLE bill
    ADD COLUMN payment_code VARCHAR(12) NULL AFTER subscriber_id,
    ADD UNIQUE KEY uk_bill_run_subscriber (billing_run_id, subscriber_id);

-- The next bill number of an institution's yearly series (<institution code>-<year>-<000001>). Advanced by a
-- locking read in the same transaction that inserts the bills, so a rolled-back chunk gives its numbers back.
CREATE TABLE bill_number_sequence (
    institution_id  BIGINT   NOT NULL,
    year            SMALLINT NOT NULL,
    next_value      INT      NOT NULL,
    PRIMARY KEY (institution_id, year),
    CONSTRAINT fk_bill_number_sequence_institution FOREIGN KEY (institution_id) REFERENCES institution (id),
    CONSTRAINT ck_bill_number_sequence_next CHECK (next_value >= 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Subscribers a run could not bill, and why: reported, never silently dropped. Written in the chunk's transaction,
-- so a resumed run neither loses nor repeats them.
CREATE TABLE billing_run_skip (
    billing_run_id  BIGINT       NOT NULL,
    subscriber_id   BIGINT       NOT NULL,
    reason          VARCHAR(24)  NOT NULL,
    detail          VARCHAR(300) NULL,
    PRIMARY KEY (billing_run_id, subscriber_id),
    CONSTRAINT fk_billing_run_skip_run FOREIGN KEY (billing_run_id) REFERENCES billing_run (id),
    CONSTRAINT fk_billing_run_skip_subscriber FOREIGN KEY (subscriber_id) REFERENCES subscriber (id),
    CONSTRAINT ck_billing_run_skip_reason CHECK (reason IN ('NO_READING', 'NO_TARIFF', 'NO_TARIFF_VERSION', 'TARIFF_INVALID'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Chunk queries walk an institution's subscribers by id, and fetch the period's readings of a chunk by subscriber.
ALTER TABLE subscriber ADD KEY ix_subscriber_institution_id (institution_id, id);
ALTER TABLE reading ADD KEY ix_reading_billing (institution_id, period, subscriber_id);
