package org.sutahsilat.domain.meter;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.sutahsilat.domain.tenant.TenantOwned;

import java.time.LocalDate;

/** Sayaç: a water meter installed at a subscriber. Its index rolls over at 10^dialDigits. */
@Entity
@Table(name = "meter")
public class Meter extends TenantOwned {

    @Column(name = "subscriber_id", nullable = false)
    private Long subscriberId;
    @Column(name = "serial_no", nullable = false, length = 40)
    private String serialNo;
    @Column(name = "dial_digits", nullable = false)
    private int dialDigits;
    @Column(name = "initial_index", nullable = false)
    private long initialIndex;
    @Column(name = "installed_on", nullable = false)
    private LocalDate installedOn;
    @Column(name = "removed_on")
    private LocalDate removedOn;
    @Column(name = "final_index")
    private Long finalIndex;
    @Version
    private long version;

    protected Meter() {
    }

    private Meter(long institutionId) {
        super(institutionId);
    }

    public static Meter install(long institutionId, long subscriberId, String serialNo, int dialDigits, long initialIndex,
                                LocalDate installedOn) {
        Meter m = new Meter(institutionId);
        m.subscriberId = subscriberId;
        m.serialNo = serialNo;
        m.dialDigits = dialDigits;
        m.initialIndex = initialIndex;
        m.installedOn = installedOn;
        return m;
    }

    /** 10^dialDigits: the index after 99…9 is 0. */
    public long capacity() {
        long c = 1;
        for (int i = 0; i < dialDigits; i++) {
            c *= 10;
        }
        return c;
    }

    public void remove(LocalDate on, long finalIndex) {
        this.removedOn = on;
        this.finalIndex = finalIndex;
    }

    public boolean isInstalled() {
        return removedOn == null;
    }

    public Long getSubscriberId() {
        return subscriberId;
    }

    public String getSerialNo() {
        return serialNo;
    }

    public int getDialDigits() {
        return dialDigits;
    }

    public long getInitialIndex() {
        return initialIndex;
    }

    public LocalDate getInstalledOn() {
        return installedOn;
    }

    public LocalDate getRemovedOn() {
        return removedOn;
    }

    public Long getFinalIndex() {
        return finalIndex;
    }
}
