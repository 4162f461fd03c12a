package org.sutahsilat.admin.ui;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sutahsilat.admin.security.CurrentUser;
import org.sutahsilat.domain.device.ReaderDevice;
import org.sutahsilat.domain.device.ReaderDeviceService;
import org.sutahsilat.domain.device.RegisteredDevice;
import org.sutahsilat.domain.institution.InstitutionRepository;
import org.sutahsilat.domain.shared.DomainException;
import org.sutahsilat.domain.user.AuthenticatedUser;
import org.sutahsilat.domain.user.UserAccount;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * reader-devices.xhtml: an operator registers the handheld of a READER (the token is shown once, here, and never
 * again) and revokes lost or retired devices.
 */
@Named
@ViewScoped
public class ReaderDevicesBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
            .withZone(ZoneId.of("Europe/Istanbul"));

    @Inject
    ReaderDeviceService deviceService;
    @Inject
    InstitutionRepository institutionRepository;

    private List<InstitutionOption> institutions;
    private Long institutionId;
    private List<ReaderOption> readers = List.of();
    private List<DeviceRow> devices = List.of();
    private Long readerId;
    private String name;
    /** The token of the device just registered: shown in this one answer only. */
    private transient String newToken;

    public record ReaderOption(long id, String label) implements Serializable {
    }

    public record DeviceRow(long id, String name, String reader, String createdAt, String lastUsedAt,
                            boolean revoked, String revokedAt) implements Serializable {
    }

    @PostConstruct
    void init() {
        institutions = institutionRepository.findVisible().stream().map(InstitutionOption::of).toList();
        if (institutions.size() == 1) {
            institutionId = institutions.get(0).getId();
        }
        reload();
    }

    public void reload() {
        if (institutionId == null) {
            readers = List.of();
            devices = List.of();
            return;
        }
        List<UserAccount> users = deviceService.readers(institutionId);
        readers = users.stream().map(u -> new ReaderOption(u.getId(), u.getFullName() + " (" + u.getUsername() + ")"))
                .toList();
        Map<Long, String> names = users.stream().collect(Collectors.toMap(UserAccount::getId, UserAccount::getFullName,
                (a, b) -> a));
        devices = deviceService.list(institutionId).stream().map(d -> row(d, names)).toList();
    }

    private static DeviceRow row(ReaderDevice d, Map<Long, String> names) {
        Function<Instant, String> fmt = t -> t == null ? "" : TIME.format(t);
        return new DeviceRow(d.getId(), d.getName(), names.getOrDefault(d.getUserId(), "#" + d.getUserId()),
                fmt.apply(d.getCreatedAt()), fmt.apply(d.getLastUsedAt()), d.isRevoked(), fmt.apply(d.getRevokedAt()));
    }

    public void register() {
        newToken = null;
        if (institutionId == null || readerId == null) {
            Messages.error("devices.readerRequired");
            return;
        }
        try {
            RegisteredDevice registered = deviceService.register(institutionId, readerId, name, userId());
            newToken = registered.token().value();
            name = null;
            reload();
        } catch (DomainException e) {
            Messages.error(e.messageKey(), e.arguments());
        }
    }

    public void revoke(long deviceId) {
        newToken = null;
        try {
            deviceService.revoke(deviceId, userId());
            reload();
        } catch (DomainException e) {
            Messages.error(e.messageKey(), e.arguments());
        }
    }

    private static Long userId() {
        return CurrentUser.get().map(AuthenticatedUser::id).orElse(null);
    }

    public List<InstitutionOption> getInstitutions() {
        return institutions;
    }

    public Long getInstitutionId() {
        return institutionId;
    }

    public void setInstitutionId(Long institutionId) {
        this.institutionId = institutionId;
    }

    public List<ReaderOption> getReaders() {
        return readers;
    }

    public List<DeviceRow> getDevices() {
        return devices;
    }

    public Long getReaderId() {
        return readerId;
    }

    public void setReaderId(Long readerId) {
        this.readerId = readerId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getNewToken() {
        return newToken;
    }
}
