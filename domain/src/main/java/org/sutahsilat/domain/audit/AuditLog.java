package org.sutahsilat.domain.audit;

import java.util.List;

/** Appends to and reads the audit log. */
public interface AuditLog {

    void record(AuditEntry entry);

    /** The newest entries first (for tests and the admin audit page). */
    List<AuditEntry> latest(int max);
}
