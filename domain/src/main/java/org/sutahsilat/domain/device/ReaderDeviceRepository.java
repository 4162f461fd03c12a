package org.sutahsilat.domain.device;

import org.sutahsilat.domain.user.UserAccount;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reader devices. Everything but {@link #findByTokenHash} is within the tenant scope in force. */
public interface ReaderDeviceRepository {

    Optional<ReaderDevice> find(long id);

    /** The institution's devices, the newest first. */
    List<ReaderDevice> findByInstitution(long institutionId);

    /**
     * The device with this token hash, whatever the tenant scope: this is how a request that has no scope yet
     * finds the institution it acts for (the hash of a 256-bit random token is its only key).
     */
    Optional<ReaderDevice> findByTokenHash(String tokenHash);

    /** Notes the device's last request (outside the tenant scope, like {@link #findByTokenHash}). */
    void touch(long deviceId, Instant at);

    /** The enabled users with the READER role assigned to the institution, by name (within the scope). */
    List<UserAccount> readersOf(long institutionId);

    ReaderDevice save(ReaderDevice device);
}
