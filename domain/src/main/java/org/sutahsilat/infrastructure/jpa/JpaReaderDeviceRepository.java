package org.sutahsilat.infrastructure.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.sutahsilat.domain.device.ReaderDevice;
import org.sutahsilat.domain.device.ReaderDeviceRepository;
import org.sutahsilat.domain.tenant.TenantContext;
import org.sutahsilat.domain.user.Role;
import org.sutahsilat.domain.user.UserAccount;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaReaderDeviceRepository extends JpaRepositorySupport implements ReaderDeviceRepository {

    protected JpaReaderDeviceRepository() {
    }

    public JpaReaderDeviceRepository(EntityManager em, TenantContext tenant) {
        super(em, tenant);
    }

    @Override
    public Optional<ReaderDevice> find(long id) {
        return findScoped(ReaderDevice.class, id);
    }

    @Override
    public List<ReaderDevice> findByInstitution(long institutionId) {
        if (!scope().permits(institutionId)) {
            return List.of();
        }
        return em.createQuery("SELECT d FROM ReaderDevice d WHERE d.institutionId = :institutionId"
                        + " ORDER BY d.createdAt DESC, d.id DESC", ReaderDevice.class)
                .setParameter("institutionId", institutionId)
                .getResultList();
    }

    @Override
    public Optional<ReaderDevice> findByTokenHash(String tokenHash) {
        return em.createQuery("SELECT d FROM ReaderDevice d WHERE d.tokenHash = :hash", ReaderDevice.class)
                .setParameter("hash", tokenHash)
                .getResultStream().findFirst();
    }

    @Override
    public void touch(long deviceId, Instant at) {
        // a plain UPDATE: no version bump, no lost update against a revocation in progress
        em.createNativeQuery("UPDATE reader_device SET last_used_at = ? WHERE id = ?")
                .setParameter(1, java.time.LocalDateTime.ofInstant(at, java.time.ZoneOffset.UTC)) // UTC, as InstantConverter
                .setParameter(2, deviceId)
                .executeUpdate();
    }

    @Override
    public List<UserAccount> readersOf(long institutionId) {
        if (!scope().permits(institutionId)) {
            return List.of();
        }
        return em.createQuery("SELECT DISTINCT u FROM UserAccount u JOIN u.roles r JOIN u.institutionIds i"
                        + " WHERE r = :role AND i = :institutionId AND u.enabled = TRUE ORDER BY u.fullName",
                        UserAccount.class)
                .setParameter("role", Role.READER)
                .setParameter("institutionId", institutionId)
                .getResultList();
    }

    @Override
    public ReaderDevice save(ReaderDevice device) {
        return saveScoped(device);
    }
}
