package org.sutahsilat.infrastructure.jpa;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import org.sutahsilat.domain.shared.NotFoundException;
import org.sutahsilat.domain.tenant.TenantContext;
import org.sutahsilat.domain.tenant.TenantOwned;
import org.sutahsilat.domain.tenant.TenantScope;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Tenant scoping for every JPA repository: finds return nothing outside the scope in force, queries carry
 * {@link #scopeCondition(String)}, and saves refuse rows of another institution.
 */
public abstract class JpaRepositorySupport {

    public static final String UNIT = "sutahsilat";
    /** The most values bound to one {@code IN (…)} list; longer lists are queried in chunks. */
    protected static final int IN_LIST_SIZE = 1000;

    @PersistenceContext(unitName = UNIT)
    protected EntityManager em;

    @Inject
    protected TenantContext tenant;

    protected JpaRepositorySupport() {
    }

    protected JpaRepositorySupport(EntityManager em, TenantContext tenant) {
        this.em = em;
        this.tenant = tenant;
    }

    protected TenantScope scope() {
        return tenant.scope();
    }

    protected <T extends TenantOwned> Optional<T> findScoped(Class<T> type, long id) {
        TenantScope scope = scope();
        if (scope.isEmpty()) {
            return Optional.empty();
        }
        T entity = em.find(type, id);
        return entity != null && scope.permits(entity.getInstitutionId()) ? Optional.of(entity) : Optional.empty();
    }

    /**
     * JPQL condition restricting {@code alias.institutionId} to the scope; bind with {@link #bindScope}. A scope of
     * one institution (the portal, a card payment, most staff) is an equality: EclipseLink keeps such a query
     * prepared, while a collection parameter makes it build the SQL again at every execution.
     */
    protected String scopeCondition(String alias) {
        return scopeConditionOn(alias + ".institutionId");
    }

    /** {@link #scopeCondition(String)} on any path holding an institution id (the institution's own {@code i.id}). */
    protected String scopeConditionOn(String institutionIdPath) {
        TenantScope scope = scope();
        if (scope.isAll()) {
            return "1 = 1";
        }
        if (scope.isEmpty()) {
            return "1 = 0";
        }
        if (scope.institutionIds().size() == 1) {
            return institutionIdPath + " = :scopeInstitutionId";
        }
        return institutionIdPath + " IN :scopeInstitutionIds";
    }

    protected void bindScope(Query query) {
        TenantScope scope = scope();
        if (scope.isAll() || scope.isEmpty()) {
            return;
        }
        if (scope.institutionIds().size() == 1) {
            query.setParameter("scopeInstitutionId", scope.institutionIds().iterator().next());
        } else {
            query.setParameter("scopeInstitutionIds", scope.institutionIds());
        }
    }

    protected <T extends TenantOwned> T saveScoped(T entity) {
        if (!scope().permits(entity.getInstitutionId())) {
            // the same answer as for a missing row: do not reveal that the institution exists
            throw new NotFoundException("institution", entity.getInstitutionId());
        }
        if (entity.getId() == null) {
            em.persist(entity);
            return entity;
        }
        return em.merge(entity);
    }

    protected static String likeEscape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** A date-time column of a native query, read as UTC. */
    protected static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (value instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC);
        }
        return value == null ? null : Instant.parse(value.toString());
    }

    /** A date column of a native query, whatever type the driver gave it. */
    protected static LocalDate localDate(Object value) {
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof LocalDateTime t) {
            return t.toLocalDate();
        }
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime().toLocalDate();
        }
        return value == null ? null : LocalDate.parse(value.toString().substring(0, 10));
    }
}
