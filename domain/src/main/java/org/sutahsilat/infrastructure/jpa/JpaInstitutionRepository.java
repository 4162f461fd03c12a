package org.sutahsilat.infrastructure.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.sutahsilat.domain.institution.Institution;
import org.sutahsilat.domain.institution.InstitutionRepository;
import org.sutahsilat.domain.shared.NotFoundException;
import org.sutahsilat.domain.tenant.TenantContext;

import java.util.List;
import java.util.Optional;

/** Institutions are the tenants themselves: the scope applies to their ids. */
@ApplicationScoped
public class JpaInstitutionRepository extends JpaRepositorySupport implements InstitutionRepository {

    protected JpaInstitutionRepository() {
    }

    public JpaInstitutionRepository(EntityManager em, TenantContext tenant) {
        super(em, tenant);
    }

    @Override
    public Optional<Institution> find(long id) {
        if (!scope().permits(id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(Institution.class, id));
    }

    @Override
    public List<Institution> findVisible() {
        TypedQuery<Institution> q = em.createQuery("SELECT i FROM Institution i WHERE " + scopeConditionOn("i.id")
                + " ORDER BY i.name", Institution.class);
        bindScope(q);
        return q.getResultList();
    }

    @Override
    public List<Institution> findActiveForPublicListing() {
        return em.createQuery("SELECT i FROM Institution i WHERE i.active = TRUE ORDER BY i.name", Institution.class)
                .getResultList();
    }

    @Override
    public Optional<Institution> findActiveForPublic(long id) {
        return em.createQuery("SELECT i FROM Institution i WHERE i.id = :id AND i.active = TRUE", Institution.class)
                .setParameter("id", id)
                .getResultStream().findFirst();
    }

    @Override
    public Institution save(Institution institution) {
        if (institution.getId() == null) {
            if (!scope().isAll()) {
                throw new NotFoundException("institution", "new");
            }
            em.persist(institution);
            return institution;
        }
        if (!scope().permits(institution.getId())) {
            throw new NotFoundException("institution", institution.getId());
        }
        return em.merge(institution);
    }
}
