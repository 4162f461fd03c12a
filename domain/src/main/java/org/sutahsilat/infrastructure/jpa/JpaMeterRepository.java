package org.sutahsilat.infrastructure.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.sutahsilat.domain.meter.Meter;
import org.sutahsilat.domain.meter.MeterRepository;
import org.sutahsilat.domain.tenant.TenantContext;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class JpaMeterRepository extends JpaRepositorySupport implements MeterRepository {

    protected JpaMeterRepository() {
    }

    public JpaMeterRepository(EntityManager em, TenantContext tenant) {
        super(em, tenant);
    }

    @Override
    public Optional<Meter> find(long id) {
        return findScoped(Meter.class, id);
    }

    @Override
    public List<Meter> findBySubscriber(long subscriberId) {
        return findBySubscribers(List.of(subscriberId)).getOrDefault(subscriberId, List.of());
    }

    @Override
    public Map<Long, List<Meter>> findBySubscribers(Collection<Long> subscriberIds) {
        Map<Long, List<Meter>> result = new HashMap<>();
        List<Long> ids = subscriberIds.stream().distinct().toList();
        for (int from = 0; from < ids.size(); from += IN_LIST_SIZE) {
            TypedQuery<Meter> q = em.createQuery("SELECT m FROM Meter m WHERE " + scopeCondition("m")
                    + " AND m.subscriberId IN :ids ORDER BY m.subscriberId, m.installedOn, m.id", Meter.class);
            bindScope(q);
            q.setParameter("ids", ids.subList(from, Math.min(ids.size(), from + IN_LIST_SIZE)));
            for (Meter m : q.getResultList()) {
                result.computeIfAbsent(m.getSubscriberId(), k -> new java.util.ArrayList<>()).add(m);
            }
        }
        return result;
    }

    @Override
    public Meter save(Meter meter) {
        return saveScoped(meter);
    }
}
