-- su-tahsilat core schema. Flyway owns the schema; JPA schema generation stays off.
-- All tables InnoDB, utf8mb4. Names that people sort (subscriber and institution names) use the
-- Turkish collation so that "Çelik" sorts after "Cengiz" and "İnce" after "Işık".
-- Money: DECIMAL(19,2) TRY; unit prices DECIMAL(19,4); never floating point.

CREATE TABLE institution (
    id                  BIGINT       NOT NULL AUTO_INCREMENT,
    code                VARCHAR(32)  NOT NULL,
    name                VARCHAR(200) COLLATE utf8mb4_turkish_ci NOT NULL,
    kind                VARCHAR(16)  NOT NULL,
    province            VARCHAR(100) COLLATE utf8mb4_turkish_ci NOT NULL,
    district            VARCHAR(100) COLLATE utf8mb4_turkish_ci NOT NULL,
    reading_day         TINYINT      NOT NULL DEFAULT 1,
    due_days            SMALLINT     NOT NULL DEFAULT 15,
    surcharge_policy    VARCHAR(24)  NOT NULL DEFAULT 'NONE',
    kdv_exempt          BOOLEAN      NOT NULL DEFAULT FALSE,
    remittance_days     SMALLINT     NOT NULL DEFAULT 25,
    commission_rate     DECIMAL(7,4) NOT NULL DEFAULT 0,
    active              BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at          DATETIME(6)  NOT NULL,
    version             BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_institution_code (code),
    KEY ix_institution_name (name),
    CONSTRAINT ck_institution_kind CHECK (kind IN ('VILLAGE', 'MUNICIPALITY')),
    CONSTRAINT ck_institution_surcharge CHECK (surcharge_policy IN ('NONE', 'LAW_6183', 'STATUTORY_INTEREST')),
    CONSTRAINT ck_institution_reading_day CHECK (reading_day BETWEEN 1 AND 28),
    CONSTRAINT ck_institution_due_days CHECK (due_days BETWEEN 0 AND 90)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Dated late-payment surcharge rates (gecikme zammı), per policy. Rates change by decree.
CREATE TABLE surcharge_rate (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    policy          VARCHAR(24)  NOT NULL,
    valid_from      DATE         NOT NULL,
    monthly_rate    DECIMAL(9,6) NOT NULL,
    source          VARCHAR(300) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_surcharge_rate (policy, valid_from)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO surcharge_rate (policy, valid_from, monthly_rate, source) VALUES
    ('LAW_6183', '2025-11-14', 0.037000, 'Presidential Decision 10556, Official Gazette 13.11.2025 no. 33076');

CREATE TABLE app_user (
    id                  BIGINT       NOT NULL AUTO_INCREMENT,
    username            VARCHAR(64)  NOT NULL,
    full_name           VARCHAR(200) COLLATE utf8mb4_turkish_ci NOT NULL,
    email               VARCHAR(200) NULL,
    password_hash       VARCHAR(255) NOT NULL,
    enabled             BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_attempts     INT          NOT NULL DEFAULT 0,
    locked_until        DATETIME(6)  NULL,
    last_login_at       DATETIME(6)  NULL,
    password_changed_at DATETIME(6)  NOT NULL,
    created_at          DATETIME(6)  NOT NULL,
    version             BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_app_user_username (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE user_role (
    user_id     BIGINT      NOT NULL,
    role        VARCHAR(32) NOT NULL,
    PRIMARY KEY (user_id, role),
    CONSTRAINT fk_user_role_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT ck_user_role CHECK (role IN ('COMPANY_ADMIN', 'OPERATOR', 'READER', 'LEGAL', 'INSTITUTION_VIEWER'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Which institutions a user may see. COMPANY_ADMIN sees every institution without rows here.
CREATE TABLE user_institution (
    user_id         BIGINT NOT NULL,
    institution_id  BIGINT NOT NULL,
    PRIMARY KEY (user_id, institution_id),
    CONSTRAINT fk_user_institution_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT fk_user_institution_institution FOREIGN KEY (institution_id) REFERENCES institution (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE subscriber (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    institution_id  BIGINT        NOT NULL,
    subscriber_no   VARCHAR(20)   NOT NULL,
    full_name       VARCHAR(200)  COLLATE utf8mb4_turkish_ci NOT NULL,
    category        VARCHAR(16)   NOT NULL,
    status          VARCHAR(16)   NOT NULL DEFAULT 'ACTIVE',
    tckn_encrypted  VARBINARY(128) NULL,
    tckn_hash       BINARY(32)    NULL,
    phone           VARCHAR(20)   NULL,
    address         VARCHAR(500)  COLLATE utf8mb4_turkish_ci NULL,
    payment_code    VARCHAR(12)   NOT NULL,
    route_code      VARCHAR(32)   NULL,
    route_order     INT           NULL,
    sms_opt_out     BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at      DATETIME(6)   NOT NULL,
    version         BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_subscriber_no (institution_id, subscriber_no),
    KEY ix_subscriber_name (institution_id, full_name),
    KEY ix_subscriber_tckn (institution_id, tckn_hash),
    KEY ix_subscriber_route (institution_id, route_code, route_order),
    CONSTRAINT fk_subscriber_institution FOREIGN KEY (institution_id) REFERENCES institution (id),
    CONSTRAINT ck_subscriber_category CHECK (category IN ('RESIDENTIAL', 'COMMERCIAL', 'PUBLIC', 'AGRICULTURAL', 'LIVESTOCK')),
    CONSTRAINT ck_subscriber_status CHECK (status IN ('ACTIVE', 'SUSPENDED', 'SHUT_OFF', 'CLOSED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE meter (
    id              BIGINT      NOT NULL AUTO_INCREMENT,
    institution_id  BIGINT      NOT NULL,
    subscriber_id   BIGINT      NOT NULL,
    serial_no       VARCHAR(40) NOT NULL,
    dial_digits     TINYINT     NOT NULL,
    initial_index   BIGINT      NOT NULL DEFAULT 0,
    installed_on    DATE        NOT NULL,
    removed_on      DATE        NULL,
    final_index     BIGINT      NULL,
    version         BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_meter_serial (institution_id, serial_no),
    KEY ix_meter_subscriber (subscriber_id, installed_on),
    CONSTRAINT fk_meter_institution FOREIGN KEY (institution_id) REFERENCES institution (id),
    CONSTRAINT fk_meter_subscriber FOREIGN KEY (subscriber_id) REFERENCES subscriber (id),
    CONSTRAINT ck_meter_digits CHECK (dial_digits BETWEEN 3 AND 9),
    CONSTRAINT ck_meter_removed CHECK ((removed_on IS NULL AND final_index IS NULL) OR (removed_on IS NOT NULL AND final_index IS NOT NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE reading (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    institution_id  BIGINT       NOT NULL,
    subscriber_id   BIGINT       NOT NULL,
    meter_id        BIGINT       NOT NULL,
    period          CHAR(7)      NOT NULL,
    reading_date    DATE         NOT NULL,
    meter_index     BIGINT       NOT NULL,
    consumption_m3  BIGINT       NOT NULL,
    kind            VARCHAR(16)  NOT NULL DEFAULT 'ACTUAL',
    source          VARCHAR(16)  NOT NULL,
    flags           VARCHAR(200) NULL,
    read_by         BIGINT       NULL,
    recorded_at     DATETIME(6)  NOT NULL,
    gps_lat         DECIMAL(9,6) NULL,
    gps_lng         DECIMAL(9,6) NULL,
    photo_ref       VARCHAR(200) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_reading_period (subscriber_id, meter_id, period),
    KEY ix_reading_institution_period (institution_id, period),
    CONSTRAINT fk_reading_institution FOREIGN KEY (institution_id) REFERENCES institution (id),
    CONSTRAINT fk_reading_subscriber FOREIGN KEY (subscriber_id) REFERENCES subscriber (id),
    CONSTRAINT fk_reading_meter FOREIGN KEY (meter_id) REFERENCES meter (id),
    CONSTRAINT fk_reading_user FOREIGN KEY (read_by) REFERENCES app_user (id),
    CONSTRAINT ck_reading_kind CHECK (kind IN ('ACTUAL', 'ESTIMATED')),
    CONSTRAINT ck_reading_source CHECK (source IN ('HANDHELD', 'OFFICE', 'IMPORT', 'SELF', 'ESTIMATE')),
    CONSTRAINT ck_reading_consumption CHECK (consumption_m3 >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE tariff (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    institution_id  BIGINT       NOT NULL,
    category        VARCHAR(16)  NOT NULL,
    name            VARCHAR(200) COLLATE utf8mb4_turkish_ci NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_tariff (institution_id, category),
    CONSTRAINT fk_tariff_institution FOREIGN KEY (institution_id) REFERENCES institution (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE tariff_version (
    id                      BIGINT        NOT NULL AUTO_INCREMENT,
    tariff_id               BIGINT        NOT NULL,
    valid_from              DATE          NOT NULL,
    tier_mode               VARCHAR(16)   NOT NULL,
    fixed_fee               DECIMAL(19,2) NOT NULL DEFAULT 0,
    minimum_charge          DECIMAL(19,2) NOT NULL DEFAULT 0,
    wastewater_mode         VARCHAR(16)   NOT NULL DEFAULT 'NONE',
    wastewater_value        DECIMAL(19,4) NOT NULL DEFAULT 0,
    ctv_per_m3              DECIMAL(19,4) NOT NULL DEFAULT 0,
    kdv_water_rate          DECIMAL(7,4)  NOT NULL DEFAULT 0,
    kdv_wastewater_rate     DECIMAL(7,4)  NOT NULL DEFAULT 0,
    kdv_fixed_fee_rate      DECIMAL(7,4)  NOT NULL DEFAULT 0,
    created_at              DATETIME(6)   NOT NULL,
    created_by              BIGINT        NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_tariff_version (tariff_id, valid_from),
    CONSTRAINT fk_tariff_version_tariff FOREIGN KEY (tariff_id) REFERENCES tariff (id),
    CONSTRAINT ck_tariff_version_mode CHECK (tier_mode IN ('PROGRESSIVE', 'WHOLE_BAND')),
    CONSTRAINT ck_tariff_version_ww CHECK (wastewater_mode IN ('NONE', 'PER_M3', 'SHARE_OF_WATER'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE tariff_tier (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    tariff_version_id   BIGINT        NOT NULL,
    seq                 INT           NOT NULL,
    from_m3             BIGINT        NOT NULL,
    to_m3               BIGINT        NULL,
    unit_price          DECIMAL(19,4) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_tariff_tier (tariff_version_id, seq),
    CONSTRAINT fk_tariff_tier_version FOREIGN KEY (tariff_version_id) REFERENCES tariff_version (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE billing_run (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    institution_id  BIGINT       NOT NULL,
    period          CHAR(7)      NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    started_at      DATETIME(6)  NOT NULL,
    finished_at     DATETIME(6)  NULL,
    started_by      BIGINT       NULL,
    bills_created   INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_billing_run (institution_id, period),
    CONSTRAINT fk_billing_run_institution FOREIGN KEY (institution_id) REFERENCES institution (id),
    CONSTRAINT ck_billing_run_status CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE bill (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    institution_id      BIGINT        NOT NULL,
    subscriber_id       BIGINT        NOT NULL,
    bill_no             VARCHAR(30)   NOT NULL,
    period              CHAR(7)       NOT NULL,
    billing_run_id      BIGINT        NULL,
    reading_id          BIGINT        NULL,
    issue_date          DATE          NOT NULL,
    due_date            DATE          NOT NULL,
    consumption_m3      BIGINT        NOT NULL,
    total               DECIMAL(19,2) NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    reverses_bill_id    BIGINT        NULL,
    created_at          DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_bill_no (institution_id, bill_no),
    UNIQUE KEY uk_bill_reverses (reverses_bill_id),
    KEY ix_bill_subscriber (subscriber_id, period),
    KEY ix_bill_institution_period (institution_id, period),
    CONSTRAINT fk_bill_institution FOREIGN KEY (institution_id) REFERENCES institution (id),
    CONSTRAINT fk_bill_subscriber FOREIGN KEY (subscriber_id) REFERENCES subscriber (id),
    CONSTRAINT fk_bill_run FOREIGN KEY (billing_run_id) REFERENCES billing_run (id),
    CONSTRAINT fk_bill_reading FOREIGN KEY (reading_id) REFERENCES reading (id),
    CONSTRAINT fk_bill_reverses FOREIGN KEY (reverses_bill_id) REFERENCES bill (id),
    CONSTRAINT ck_bill_status CHECK (status IN ('ISSUED', 'REVERSED', 'REVERSAL'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE bill_line (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    bill_id         BIGINT        NOT NULL,
    seq             INT           NOT NULL,
    kind            VARCHAR(24)   NOT NULL,
    description     VARCHAR(200)  COLLATE utf8mb4_turkish_ci NOT NULL,
    quantity        DECIMAL(19,3) NULL,
    unit_price      DECIMAL(19,4) NULL,
    amount          DECIMAL(19,2) NOT NULL,
    kdv_rate        DECIMAL(7,4)  NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_bill_line (bill_id, seq),
    CONSTRAINT fk_bill_line_bill FOREIGN KEY (bill_id) REFERENCES bill (id),
    CONSTRAINT ck_bill_line_kind CHECK (kind IN ('WATER', 'WASTEWATER', 'FIXED_FEE', 'MINIMUM_CHARGE', 'CTV', 'KDV', 'OTHER'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE payment (
    id                      BIGINT        NOT NULL AUTO_INCREMENT,
    institution_id          BIGINT        NOT NULL,
    subscriber_id           BIGINT        NOT NULL,
    amount                  DECIMAL(19,2) NOT NULL,
    channel                 VARCHAR(16)   NOT NULL,
    paid_at                 DATETIME(6)   NOT NULL,
    receipt_no              VARCHAR(30)   NOT NULL,
    external_ref            VARCHAR(96)   NULL,
    received_by             BIGINT        NULL,
    reverses_payment_id     BIGINT        NULL,
    created_at              DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_payment_receipt (institution_id, receipt_no),
    UNIQUE KEY uk_payment_external (channel, external_ref),
    UNIQUE KEY uk_payment_reverses (reverses_payment_id),
    KEY ix_payment_subscriber (subscriber_id, paid_at),
    KEY ix_payment_institution (institution_id, paid_at),
    CONSTRAINT fk_payment_institution FOREIGN KEY (institution_id) REFERENCES institution (id),
    CONSTRAINT fk_payment_subscriber FOREIGN KEY (subscriber_id) REFERENCES subscriber (id),
    CONSTRAINT fk_payment_user FOREIGN KEY (received_by) REFERENCES app_user (id),
    CONSTRAINT fk_payment_reverses FOREIGN KEY (reverses_payment_id) REFERENCES payment (id),
    CONSTRAINT ck_payment_channel CHECK (channel IN ('CASH', 'OFFICE', 'BANK', 'CARD'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- How a payment was spent: on a bill's surcharge, on its principal, or kept as credit (bill_id NULL).
CREATE TABLE payment_allocation (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    payment_id  BIGINT        NOT NULL,
    bill_id     BIGINT        NULL,
    kind        VARCHAR(16)   NOT NULL,
    amount      DECIMAL(19,2) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_allocation_payment (payment_id),
    KEY ix_allocation_bill (bill_id),
    CONSTRAINT fk_allocation_payment FOREIGN KEY (payment_id) REFERENCES payment (id),
    CONSTRAINT fk_allocation_bill FOREIGN KEY (bill_id) REFERENCES bill (id),
    CONSTRAINT ck_allocation_kind CHECK (kind IN ('PRINCIPAL', 'SURCHARGE', 'CREDIT')),
    CONSTRAINT ck_allocation_credit CHECK ((kind = 'CREDIT') = (bill_id IS NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE audit_log (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    occurred_at     DATETIME(6)   NOT NULL,
    user_id         BIGINT        NULL,
    username        VARCHAR(64)   NULL,
    institution_id  BIGINT        NULL,
    action          VARCHAR(64)   NOT NULL,
    entity_type     VARCHAR(64)   NULL,
    entity_id       VARCHAR(64)   NULL,
    detail          VARCHAR(2000) NULL,
    client_address  VARCHAR(64)   NULL,
    PRIMARY KEY (id),
    KEY ix_audit_time (occurred_at),
    KEY ix_audit_institution (institution_id, occurred_at),
    KEY ix_audit_user (user_id, occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
