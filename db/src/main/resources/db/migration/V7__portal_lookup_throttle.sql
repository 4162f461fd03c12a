-- Failed portal lookups, to slow down guessing of payment codes: per client address and per subscriber number
-- (within an institution). Only SHA-256 hashes of the keys are kept (no address, no number in clear), with the
-- time in epoch milliseconds; rows older than the window are purged as new ones come.
CREATE TABLE portal_lookup_failure (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    key_kind     VARCHAR(8)  NOT NULL,
    key_hash     CHAR(64)    NOT NULL,
    failed_at_ms BIGINT      NOT NULL,
    PRIMARY KEY (id),
    KEY ix_portal_lookup_failure_key (key_kind, key_hash, failed_at_ms),
    KEY ix_portal_lookup_failure_time (failed_at_ms),
    CONSTRAINT ck_portal_lookup_failure_kind CHECK (key_kind IN ('ADDRESS', 'NUMBER'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
