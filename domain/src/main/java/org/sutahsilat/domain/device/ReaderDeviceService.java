package org.sutahsilat.domain.device;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.sutahsilat.domain.shared.DomainException;
import org.sutahsilat.domain.shared.NotFoundException;
import org.sutahsilat.domain.user.Role;
import org.sutahsilat.domain.user.UserAccount;
import org.sutahsilat.domain.user.UserAccountRepository;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Registration, revocation and authentication of the handheld devices of meter readers. Registering and revoking
 * happen within the tenant scope of the operator; {@link #authenticate} runs before any scope exists and gives the
 * scope the request may have (the device's institution, nothing else).
 */
@ApplicationScoped
@Transactional
public class ReaderDeviceService {

    private ReaderDeviceRepository devices;
    private UserAccountRepository users;
    private Clock clock;

    protected ReaderDeviceService() {
        // for CDI proxies
    }

    @Inject
    public ReaderDeviceService(ReaderDeviceRepository devices, UserAccountRepository users, Clock clock) {
        this.devices = devices;
        this.users = users;
        this.clock = clock;
    }

    /**
     * Registers a device for a READER of the institution and returns its token (shown once; only its hash is kept).
     *
     * @param createdBy the operator registering it
     */
    public RegisteredDevice register(long institutionId, long readerUserId, String name, Long createdBy) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.codePointCount(0, trimmed.length()) > ReaderDevice.MAX_NAME_LENGTH) {
            throw new DomainException("error.device.name", "a device name has 1 to " + ReaderDevice.MAX_NAME_LENGTH
                    + " characters", ReaderDevice.MAX_NAME_LENGTH);
        }
        boolean reader = devices.readersOf(institutionId).stream().anyMatch(u -> u.getId() == readerUserId);
        if (!reader) {
            throw new DomainException("error.device.notReader",
                    "user " + readerUserId + " is not an enabled READER of institution " + institutionId);
        }
        DeviceToken token = DeviceToken.generate();
        ReaderDevice device = devices.save(ReaderDevice.register(institutionId, readerUserId, trimmed, token,
                createdBy, clock.instant()));
        return new RegisteredDevice(device, token);
    }

    /** Revokes the device (of an institution in scope): its token is refused from now on. */
    public void revoke(long deviceId, Long revokedBy) {
        ReaderDevice device = devices.find(deviceId).orElseThrow(() -> new NotFoundException("device", deviceId));
        device.revoke(revokedBy, clock.instant());
        devices.save(device);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReaderDevice> list(long institutionId) {
        return devices.findByInstitution(institutionId);
    }

    /** The READER users a device of the institution may act for. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UserAccount> readers(long institutionId) {
        return devices.readersOf(institutionId);
    }

    /**
     * Who the token acts for: empty for an unknown or revoked token, and when its reader is disabled, no longer a
     * READER or no longer assigned to the device's institution. Notes the device's use.
     */
    public Optional<DeviceIdentity> authenticate(DeviceToken token) {
        Optional<ReaderDevice> found = devices.findByTokenHash(token.hash());
        if (found.isEmpty() || found.get().isRevoked()) {
            return Optional.empty();
        }
        ReaderDevice device = found.get();
        Optional<UserAccount> user = users.find(device.getUserId());
        if (user.isEmpty() || !user.get().isEnabled() || !user.get().hasRole(Role.READER)
                || !user.get().getInstitutionIds().contains(device.getInstitutionId())) {
            return Optional.empty();
        }
        devices.touch(device.getId(), clock.instant());
        return Optional.of(new DeviceIdentity(device.getId(), device.getInstitutionId(), device.getUserId(),
                device.getName()));
    }
}
