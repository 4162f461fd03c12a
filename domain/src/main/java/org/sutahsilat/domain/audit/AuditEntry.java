package org.sutahsilat.domain.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.sutahsilat.domain.shared.AbstractEntity;

import java.time.Instant;

/** One line of the audit log: who did what, when, to which record. Append-only. Never holds personal data. */
@Entity
@Table(name = "audit_log")
public class AuditEntry extends AbstractEntity {

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;
    @Column(name = "user_id", updatable = false)
    private Long userId;
    @Column(updatable = false)
    private String username;
    @Column(name = "institution_id", updatable = false)
    private Long institutionId;
    @Column(nullable = false, updatable = false)
    private String action;
    @Column(name = "entity_type", updatable = false)
    private String entityType;
    @Column(name = "entity_id", updatable = false)
    private String entityId;
    @Column(updatable = false, length = 2000)
    private String detail;
    @Column(name = "client_address", updatable = false)
    private String clientAddress;

    protected AuditEntry() {
    }

    public static AuditEntry of(Instant at, Long userId, String username, Long institutionId, String action,
                                String entityType, Object entityId, String detail, String clientAddress) {
        AuditEntry e = new AuditEntry();
        e.occurredAt = at;
        e.userId = userId;
        e.username = username == null ? null : truncate(username, 64);
        e.institutionId = institutionId;
        e.action = action;
        e.entityType = entityType;
        e.entityId = entityId == null ? null : String.valueOf(entityId);
        e.detail = detail == null ? null : truncate(detail, 2000);
        e.clientAddress = clientAddress == null ? null : truncate(clientAddress, 64);
        return e;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public Long getUserId() {
        return userId;
    }

    public String getUsername() {
        return username;
    }

    public Long getInstitutionId() {
        return institutionId;
    }

    public String getAction() {
        return action;
    }

    public String getEntityType() {
        return entityType;
    }

    public String getEntityId() {
        return entityId;
    }

    public String getDetail() {
        return detail;
    }
}
