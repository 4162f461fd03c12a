package org.sutahsilat.infrastructure.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sutahsilat.domain.portal.LookupThrottle;

import java.time.Instant;
import java.util.List;

/** {@link LookupThrottle.Store} on table {@code portal_lookup_failure} (migration V7). */
@ApplicationScoped
public class JpaLookupThrottleStore implements LookupThrottle.Store {

    @PersistenceContext(unitName = JpaRepositorySupport.UNIT)
    EntityManager em;

    protected JpaLookupThrottleStore() {
    }

    public JpaLookupThrottleStore(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<Instant> failuresSince(String kind, String keyHash, Instant since) {
        return em.createNativeQuery("SELECT failed_at_ms FROM portal_lookup_failure WHERE key_kind = ? AND key_hash = ?"
                        + " AND failed_at_ms >= ? ORDER BY failed_at_ms")
                .setParameter(1, kind).setParameter(2, keyHash).setParameter(3, since.toEpochMilli())
                .getResultList().stream().map(v -> Instant.ofEpochMilli(((Number) v).longValue())).toList();
    }

    @Override
    public void add(String kind, String keyHash, Instant at) {
        em.createNativeQuery("INSERT INTO portal_lookup_failure (key_kind, key_hash, failed_at_ms) VALUES (?, ?, ?)")
                .setParameter(1, kind).setParameter(2, keyHash).setParameter(3, at.toEpochMilli()).executeUpdate();
    }

    @Override
    public void purgeBefore(Instant before) {
        em.createNativeQuery("DELETE FROM portal_lookup_failure WHERE failed_at_ms < ?")
                .setParameter(1, before.toEpochMilli()).executeUpdate();
    }
}
