package org.sutahsilat.domain.device;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.sutahsilat.domain.tenant.TenantOwned;

import java.time.Instant;
import java.util.Objects;

/**
 * A handheld device of a meter reader (okuma cihazı): it posts readings for one READER user of one institution,
 * authenticated by a token of which only the SHA-256 is kept. Revoked, it is refused; it is never deleted.
 */
@Entity
@Table(name = "reader_device")
public class ReaderDevice extends TenantOwned {

    public static final int MAX_NAME_LENGTH = 100;

    @Column(name = "user_id", nullable = false, updatable = false)
    private Long userId;
    @Column(nullable = false, length = MAX_NAME_LENGTH)
    private String name;
    @Column(name = "token_hash", nullable = false, updatable = false, length = 64)
    private String tokenHash;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "created_by", updatable = false)
    private Long createdBy;
    @Column(name = "last_used_at")
    private Instant lastUsedAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;
    @Column(name = "revoked_by")
    private Long revokedBy;
    @Version
    private long version;

    protected ReaderDevice() {
    }

    private ReaderDevice(long institutionId) {
        super(institutionId);
    }

    /** A new device acting for the reader, authenticated by the token (only its hash is kept). */
    public static ReaderDevice register(long institutionId, long readerUserId, String name, DeviceToken token,
                                        Long createdBy, Instant now) {
        ReaderDevice d = new ReaderDevice(institutionId);
        d.userId = readerUserId;
        d.name = Objects.requireNonNull(name, "name");
        d.tokenHash = token.hash();
        d.createdBy = createdBy;
        d.createdAt = now;
        return d;
    }

    /** Refuses the device from now on (again: nothing changes). */
    public void revoke(Long by, Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
            revokedBy = by;
        }
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public Long getUserId() {
        return userId;
    }

    public String getName() {
        return name;
    }

    public String getTokenHash() {
        return tokenHash;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Long getCreatedBy() {
        return createdBy;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }
}
