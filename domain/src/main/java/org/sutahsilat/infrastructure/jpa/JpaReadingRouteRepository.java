package org.sutahsilat.infrastructure.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.sutahsilat.domain.meter.ReadingRouteRepository;
import org.sutahsilat.domain.subscriber.Subscriber;
import org.sutahsilat.domain.tenant.TenantContext;

import java.util.List;

@ApplicationScoped
public class JpaReadingRouteRepository extends JpaRepositorySupport implements ReadingRouteRepository {

    protected JpaReadingRouteRepository() {
    }

    public JpaReadingRouteRepository(EntityManager em, TenantContext tenant) {
        super(em, tenant);
    }

    @Override
    public List<String> routeCodes(long institutionId) {
        if (!scope().permits(institutionId)) {
            return List.of();
        }
        return em.createQuery("SELECT DISTINCT s.routeCode FROM Subscriber s WHERE s.institutionId = :institutionId"
                        + " AND s.routeCode IS NOT NULL ORDER BY s.routeCode", String.class)
                .setParameter("institutionId", institutionId)
                .getResultList();
    }

    @Override
    public List<Subscriber> subscribersOn(long institutionId, String routeCode) {
        if (!scope().permits(institutionId) || routeCode == null) {
            return List.of();
        }
        // route order first; subscribers without one after them (MySQL sorts NULL first in ascending order)
        return em.createQuery("SELECT s FROM Subscriber s WHERE s.institutionId = :institutionId"
                        + " AND s.routeCode = :route ORDER BY CASE WHEN s.routeOrder IS NULL THEN 1 ELSE 0 END,"
                        + " s.routeOrder, s.subscriberNo", Subscriber.class)
                .setParameter("institutionId", institutionId)
                .setParameter("route", routeCode)
                .getResultList();
    }
}
