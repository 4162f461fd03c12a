package org.sutahsilat.infrastructure.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.shared.DomainException;
import org.sutahsilat.domain.shared.NotFoundException;
import org.sutahsilat.domain.subscriber.SubscriberCategory;
import org.sutahsilat.domain.tariff.Tariff;
import org.sutahsilat.domain.tariff.TariffRepository;
import org.sutahsilat.domain.tariff.TariffVersion;
import org.sutahsilat.domain.tenant.TenantContext;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaTariffRepository extends JpaRepositorySupport implements TariffRepository {

    protected JpaTariffRepository() {
    }

    public JpaTariffRepository(EntityManager em, TenantContext tenant) {
        super(em, tenant);
    }

    @Override
    public Optional<Tariff> findForUpdate(long id) {
        Optional<Tariff> tariff = findScoped(Tariff.class, id);
        tariff.ifPresent(t -> em.refresh(t, LockModeType.PESSIMISTIC_WRITE));
        return tariff.map(JpaTariffRepository::loaded);
    }

    @Override
    public Optional<Tariff> find(long id) {
        return findScoped(Tariff.class, id).map(JpaTariffRepository::loaded);
    }

    @Override
    public List<Tariff> findVisible(Long institutionId) {
        if (institutionId != null && !scope().permits(institutionId)) {
            return List.of();
        }
        TypedQuery<Tariff> q = em.createQuery("SELECT t FROM Tariff t WHERE " + scopeCondition("t")
                + (institutionId == null ? "" : " AND t.institutionId = :institution")
                + " ORDER BY t.institutionId, t.category", Tariff.class);
        bindScope(q);
        if (institutionId != null) {
            q.setParameter("institution", institutionId);
        }
        return q.getResultList().stream().map(JpaTariffRepository::loaded).toList();
    }

    @Override
    public Optional<Tariff> findByCategory(long institutionId, SubscriberCategory category) {
        if (!scope().permits(institutionId)) {
            return Optional.empty();
        }
        return em.createQuery("SELECT t FROM Tariff t WHERE t.institutionId = :i AND t.category = :c", Tariff.class)
                .setParameter("i", institutionId).setParameter("c", category)
                .getResultList().stream().findFirst().map(JpaTariffRepository::loaded);
    }

    @Override
    public Tariff add(Tariff tariff) {
        if (tariff.getId() != null) {
            throw new IllegalArgumentException("tariff " + tariff.getId() + " is already saved");
        }
        try {
            saveScoped(tariff);
            em.flush();
            return tariff;
        } catch (PersistenceException e) {
            // uk_tariff (institution_id, category): another user created it meanwhile
            DomainException d = new DomainException("error.tariff.exists", "the institution already has a tariff for "
                    + tariff.getCategory(), tariff.getCategory().name());
            d.initCause(e);
            throw d;
        }
    }

    @Override
    public void addVersion(TariffVersion version) {
        Tariff tariff = version.getTariff();
        if (tariff.getId() == null || !scope().permits(tariff.getInstitutionId())) {
            throw new NotFoundException("tariff", tariff.getId());
        }
        try {
            em.persist(version);
            em.flush();
        } catch (PersistenceException e) {
            // uk_tariff_version (tariff_id, valid_from): the same day was saved meanwhile
            DomainException d = new DomainException("error.tariff.validFrom.taken",
                    "the tariff already has a version from " + version.getValidFrom(), version.getValidFrom());
            d.initCause(e);
            throw d;
        }
    }

    @Override
    public Optional<LocalDate> billedThrough(long institutionId) {
        if (!scope().permits(institutionId)) {
            throw new NotFoundException("institution", institutionId);
        }
        // bills are priced on their reading's date (issued later, on the day of the run): the latest day priced
        Object lastIssue = em.createNativeQuery("SELECT MAX(COALESCE(r.reading_date, b.issue_date)) FROM bill b"
                        + " LEFT JOIN reading r ON r.id = b.reading_id WHERE b.institution_id = ?")
                .setParameter(1, institutionId).getSingleResult();
        Object lastPeriod = em.createNativeQuery("SELECT MAX(period) FROM billing_run WHERE institution_id = ?")
                .setParameter(1, institutionId).getSingleResult();
        LocalDate issued = toDate(lastIssue);
        LocalDate periodEnd = lastPeriod == null ? null
                : BillingPeriod.parse(lastPeriod.toString()).month().atEndOfMonth();
        if (issued == null) {
            return Optional.ofNullable(periodEnd);
        }
        return Optional.of(periodEnd == null || issued.isAfter(periodEnd) ? issued : periodEnd);
    }

    private static LocalDate toDate(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof Date d) {
            return d.toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }

    /** Versions and tiers loaded, so that the tariff can be read after the transaction. */
    private static Tariff loaded(Tariff t) {
        for (TariffVersion v : t.getVersions()) {
            v.getTiers();
        }
        return t;
    }
}
