-- Handheld devices of meter readers (the REST door of the readings). A device acts for one READER user in one
-- institution; it authenticates with a random token that is shown once at registration. Only the token's SHA-256
-- (64 lowercase hex digits) is stored, never the token. A revoked device stays for the record.
CREATE TABLE reader_device (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    institution_id  BIGINT       NOT NULL,
    user_id         BIGINT       NOT NULL,
    name            VARCHAR(100) COLLATE utf8mb4_turkish_ci NOT NULL,
    token_hash      CHAR(64)     NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    created_by      BIGINT       NULL,
    last_used_at    DATETIME(6)  NULL,
    revoked_at      DATETIME(6)  NULL,
    revoked_by      BIGINT       NULL,
    version         BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_reader_device_token (token_hash),
    KEY ix_reader_device_institution (institution_id, revoked_at),
    CONSTRAINT fk_reader_device_institution FOREIGN KEY (institution_id) REFERENCES institution (id),
    CONSTRAINT fk_reader_device_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT fk_reader_device_created_by FOREIGN KEY (created_by) REFERENCES app_user (id),
    CONSTRAINT fk_reader_device_revoked_by FOREIGN KEY (revoked_by) REFERENCES app_user (id),
    CONSTRAINT ck_reader_device_token CHECK (token_hash REGEXP '^[0-9a-f]{64}$')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
