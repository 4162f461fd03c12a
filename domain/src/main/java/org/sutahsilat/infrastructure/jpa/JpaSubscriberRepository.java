package org.sutahsilat.infrastructure.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.sutahsilat.domain.shared.Page;
import org.sutahsilat.domain.shared.PageRequest;
import org.sutahsilat.domain.subscriber.Subscriber;
import org.sutahsilat.domain.subscriber.SubscriberFilter;
import org.sutahsilat.domain.subscriber.SubscriberNo;
import org.sutahsilat.domain.subscriber.SubscriberRepository;
import org.sutahsilat.domain.tenant.TenantContext;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class JpaSubscriberRepository extends JpaRepositorySupport implements SubscriberRepository {

    protected JpaSubscriberRepository() {
    }

    public JpaSubscriberRepository(EntityManager em, TenantContext tenant) {
        super(em, tenant);
    }

    @Override
    public Optional<Subscriber> find(long id) {
        return findScoped(Subscriber.class, id);
    }

    @Override
    public Optional<Subscriber> findByNo(long institutionId, SubscriberNo no) {
        if (!scope().permits(institutionId)) {
            return Optional.empty();
        }
        return em.createQuery("SELECT s FROM Subscriber s WHERE s.institutionId = :institutionId"
                        + " AND s.subscriberNo = :no", Subscriber.class)
                .setParameter("institutionId", institutionId)
                .setParameter("no", no.value())
                .getResultStream().findFirst();
    }

    @Override
    public Map<SubscriberNo, Subscriber> findByNos(long institutionId, Collection<SubscriberNo> nos) {
        Map<SubscriberNo, Subscriber> found = new HashMap<>();
        if (!scope().permits(institutionId) || nos.isEmpty()) {
            return found;
        }
        List<String> values = nos.stream().map(SubscriberNo::value).distinct().toList();
        for (int from = 0; from < values.size(); from += IN_LIST_SIZE) {
            List<String> chunk = values.subList(from, Math.min(values.size(), from + IN_LIST_SIZE));
            em.createQuery("SELECT s FROM Subscriber s WHERE s.institutionId = :institutionId"
                            + " AND s.subscriberNo IN :nos", Subscriber.class)
                    .setParameter("institutionId", institutionId)
                    .setParameter("nos", chunk)
                    .getResultList()
                    .forEach(s -> found.put(s.getSubscriberNo(), s));
        }
        return found;
    }

    @Override
    public Page<Subscriber> search(SubscriberFilter filter, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE ").append(scopeCondition("s"));
        Map<String, Object> params = new HashMap<>();
        if (filter.institutionId() != null) {
            where.append(" AND s.institutionId = :institutionId");
            params.put("institutionId", filter.institutionId());
        }
        if (filter.subscriberNoPrefix() != null && !filter.subscriberNoPrefix().isBlank()) {
            where.append(" AND s.subscriberNo LIKE :noPrefix ESCAPE '\\'");
            params.put("noPrefix", likeEscape(filter.subscriberNoPrefix().trim()) + "%");
        }
        if (filter.nameContains() != null && !filter.nameContains().isBlank()) {
            where.append(" AND s.fullName LIKE :name ESCAPE '\\'");
            params.put("name", "%" + likeEscape(filter.nameContains().trim()) + "%");
        }
        if (filter.category() != null) {
            where.append(" AND s.category = :category");
            params.put("category", filter.category());
        }
        if (filter.status() != null) {
            where.append(" AND s.status = :status");
            params.put("status", filter.status());
        }
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(s) FROM Subscriber s" + where, Long.class);
        bindScope(count);
        params.forEach(count::setParameter);
        long total = count.getSingleResult();
        if (total == 0) {
            return new Page<>(List.of(), 0);
        }
        String sortKey = page.sortKey() != null && SORT_KEYS.contains(page.sortKey()) ? page.sortKey() : "subscriberNo";
        String direction = page.ascending() ? " ASC" : " DESC";
        TypedQuery<Subscriber> query = em.createQuery("SELECT s FROM Subscriber s" + where
                + " ORDER BY s." + sortKey + direction + ", s.id" + direction, Subscriber.class);
        bindScope(query);
        params.forEach(query::setParameter);
        query.setFirstResult(page.offset());
        query.setMaxResults(page.limit());
        return new Page<>(query.getResultList(), total);
    }

    @Override
    public Subscriber save(Subscriber subscriber) {
        return saveScoped(subscriber);
    }
}
