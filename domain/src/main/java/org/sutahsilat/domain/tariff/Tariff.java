package org.sutahsilat.domain.tariff;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.sutahsilat.domain.subscriber.SubscriberCategory;
import org.sutahsilat.domain.tenant.TenantOwned;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An institution's tariff for one subscriber category, with effective-dated versions. */
@Entity
@Table(name = "tariff")
public class Tariff extends TenantOwned {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SubscriberCategory category;
    @Column(nullable = false)
    private String name;
    @OneToMany(mappedBy = "tariff", cascade = CascadeType.PERSIST)
    @OrderBy("validFrom")
    private List<TariffVersion> versions = new ArrayList<>();

    protected Tariff() {
    }

    private Tariff(long institutionId) {
        super(institutionId);
    }

    public static Tariff create(long institutionId, SubscriberCategory category, String name) {
        Tariff t = new Tariff(institutionId);
        t.category = category;
        t.name = name;
        return t;
    }

    /** The version in force on the given day. */
    public Optional<TariffVersion> versionOn(LocalDate day) {
        TariffVersion found = null;
        for (TariffVersion v : versions) {
            if (!v.getValidFrom().isAfter(day)) {
                found = v;
            }
        }
        return Optional.ofNullable(found);
    }

    void addVersion(TariffVersion version) {
        versions.add(version);
        versions.sort(java.util.Comparator.comparing(TariffVersion::getValidFrom));
    }

    public SubscriberCategory getCategory() {
        return category;
    }

    public String getName() {
        return name;
    }

    public List<TariffVersion> getVersions() {
        return List.copyOf(versions);
    }
}
