package org.sutahsilat.infrastructure.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sutahsilat.domain.audit.AuditEntry;
import org.sutahsilat.domain.audit.AuditLog;

import java.util.List;

@ApplicationScoped
public class JpaAuditLog implements AuditLog {

    @PersistenceContext(unitName = JpaRepositorySupport.UNIT)
    private EntityManager em;

    protected JpaAuditLog() {
    }

    public JpaAuditLog(EntityManager em) {
        this.em = em;
    }

    @Override
    public void record(AuditEntry entry) {
        em.persist(entry);
    }

    @Override
    public List<AuditEntry> latest(int max) {
        return em.createQuery("SELECT e FROM AuditEntry e ORDER BY e.occurredAt DESC, e.id DESC", AuditEntry.class)
                .setMaxResults(max)
                .getResultList();
    }
}
