package org.sutahsilat.domain.tariff;

import org.sutahsilat.domain.institution.InstitutionKind;
import org.sutahsilat.domain.subscriber.SubscriberCategory;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A tariff as the admin pages show it: a serializable snapshot with every version, oldest first.
 *
 * @param versions       the version history, oldest first
 * @param earliestNewFrom the first day a new version may start: after the latest version and after everything billed
 */
public record TariffView(long id, long institutionId, String institutionName, InstitutionKind institutionKind,
                         SubscriberCategory category, String name, List<VersionView> versions,
                         LocalDate earliestNewFrom) implements Serializable {

    public TariffView {
        versions = List.copyOf(versions);
    }

    /** The version in force on the day (none before the first version starts). */
    public Optional<VersionView> versionOn(LocalDate day) {
        VersionView found = null;
        for (VersionView v : versions) {
            if (!v.terms().validFrom().isAfter(day)) {
                found = v;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The newest version (in force or planned); the pre-fill of the next one. */
    public Optional<VersionView> latest() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    /** A saved version: its id, when it was created and by whom, and its terms. */
    public record VersionView(long id, VersionDraft terms, java.time.Instant createdAt, Long createdBy)
            implements Serializable {

        public static VersionView of(TariffVersion v) {
            return new VersionView(v.getId(), VersionDraft.of(v), v.getCreatedAt(), v.getCreatedBy());
        }
    }
}
