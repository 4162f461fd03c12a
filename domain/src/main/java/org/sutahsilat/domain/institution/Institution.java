package org.sutahsilat.domain.institution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.sutahsilat.domain.shared.AbstractEntity;
import org.sutahsilat.domain.shared.BillingPeriod;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A tenant: a village administration or a small municipality that hands its water collection to the company. */
@Entity
@Table(name = "institution")
public class Institution extends AbstractEntity {

    @Column(nullable = false, unique = true, length = 32)
    private String code;
    @Column(nullable = false)
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InstitutionKind kind;
    @Column(nullable = false)
    private String province;
    @Column(nullable = false)
    private String district;
    @Column(name = "reading_day", nullable = false)
    private int readingDay;
    @Column(name = "due_days", nullable = false)
    private int dueDays;
    @Enumerated(EnumType.STRING)
    @Column(name = "surcharge_policy", nullable = false)
    private SurchargePolicy surchargePolicy;
    @Column(name = "kdv_exempt", nullable = false)
    private boolean kdvExempt;
    @Column(name = "remittance_days", nullable = false)
    private int remittanceDays;
    @Column(name = "commission_rate", nullable = false)
    private BigDecimal commissionRate;
    @Column(nullable = false)
    private boolean active;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Version
    private long version;

    protected Institution() {
    }

    public static Institution register(String code, String name, InstitutionKind kind, String province, String district,
                                       Instant now) {
        Institution i = new Institution();
        i.code = code;
        i.name = name;
        i.kind = kind;
        i.province = province;
        i.district = district;
        i.readingDay = 1;
        i.dueDays = 15;
        // Water a village legal entity supplies to its residents is exempt from KDV (KDV Law 17/4-h).
        i.kdvExempt = kind == InstitutionKind.VILLAGE;
        i.surchargePolicy = SurchargePolicy.NONE;
        i.remittanceDays = 25;
        i.commissionRate = BigDecimal.ZERO;
        i.active = true;
        i.createdAt = now;
        return i;
    }

    /** Reading day of the given period; the due date follows after {@link #getDueDays()} days. */
    public LocalDate readingDate(BillingPeriod period) {
        return period.day(readingDay);
    }

    public LocalDate dueDate(LocalDate readingDate) {
        return readingDate.plusDays(dueDays);
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public InstitutionKind getKind() {
        return kind;
    }

    public String getProvince() {
        return province;
    }

    public String getDistrict() {
        return district;
    }

    public int getReadingDay() {
        return readingDay;
    }

    public int getDueDays() {
        return dueDays;
    }

    public SurchargePolicy getSurchargePolicy() {
        return surchargePolicy;
    }

    public boolean isKdvExempt() {
        return kdvExempt;
    }

    public int getRemittanceDays() {
        return remittanceDays;
    }

    public BigDecimal getCommissionRate() {
        return commissionRate;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
