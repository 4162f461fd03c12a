package org.sutahsilat.infrastructure.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.sutahsilat.domain.meter.Reading;
import org.sutahsilat.domain.meter.ReadingEntry;
import org.sutahsilat.domain.meter.ReadingFlag;
import org.sutahsilat.domain.meter.ReadingKind;
import org.sutahsilat.domain.meter.ReadingRepository;
import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.shared.CubicMeters;
import org.sutahsilat.domain.shared.NotFoundException;
import org.sutahsilat.domain.tenant.TenantContext;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class JpaReadingRepository extends JpaRepositorySupport implements ReadingRepository {

    /** Readings persisted between two flushes of {@link #addAll}. */
    private static final int FLUSH_EVERY = 500;

    protected JpaReadingRepository() {
    }

    public JpaReadingRepository(EntityManager em, TenantContext tenant) {
        super(em, tenant);
    }

    /** A projection, not entities: a bulk check of thousands of subscribers keeps no managed readings. */
    @Override
    public Map<Long, List<ReadingEntry>> entriesSince(Collection<Long> subscriberIds, BillingPeriod since) {
        Map<Long, List<ReadingEntry>> result = new HashMap<>();
        List<Long> ids = subscriberIds.stream().distinct().toList();
        for (int from = 0; from < ids.size(); from += IN_LIST_SIZE) {
            TypedQuery<Object[]> q = em.createQuery("SELECT r.subscriberId, r.meterId, r.period, r.readingDate,"
                    + " r.meterIndex, r.kind, r.consumption, r.flags FROM Reading r WHERE " + scopeCondition("r")
                    + " AND r.subscriberId IN :ids" + (since == null ? "" : " AND r.period >= :since"), Object[].class);
            bindScope(q);
            q.setParameter("ids", ids.subList(from, Math.min(ids.size(), from + IN_LIST_SIZE)));
            if (since != null) {
                q.setParameter("since", since);
            }
            for (Object[] row : q.getResultList()) {
                ReadingEntry entry = new ReadingEntry(((Number) row[1]).longValue(), (BillingPeriod) row[2],
                        (LocalDate) row[3], ((Number) row[4]).longValue(), (ReadingKind) row[5], (CubicMeters) row[6],
                        ReadingFlag.parse((String) row[7]));
                result.computeIfAbsent(((Number) row[0]).longValue(), k -> new ArrayList<>()).add(entry);
            }
        }
        return result;
    }

    @Override
    public List<Reading> findBySubscriber(long subscriberId) {
        TypedQuery<Reading> q = em.createQuery("SELECT r FROM Reading r WHERE " + scopeCondition("r")
                + " AND r.subscriberId = :id ORDER BY r.period, r.readingDate, r.id", Reading.class);
        bindScope(q);
        return q.setParameter("id", subscriberId).getResultList();
    }

    @Override
    public Reading add(Reading reading) {
        if (reading.getId() != null) {
            throw new IllegalArgumentException("a posted reading is never changed: " + reading.getId());
        }
        saveScoped(reading);
        em.flush();
        return reading;
    }

    @Override
    public void addAll(List<Reading> readings) {
        int pending = 0;
        for (Reading reading : readings) {
            if (reading.getId() != null) {
                throw new IllegalArgumentException("a posted reading is never changed: " + reading.getId());
            }
            if (!scope().permits(reading.getInstitutionId())) {
                throw new NotFoundException("institution", reading.getInstitutionId());
            }
            em.persist(reading);
            if (++pending == FLUSH_EVERY) {
                em.flush();
                pending = 0;
            }
        }
        em.flush();
    }
}
