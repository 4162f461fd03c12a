package org.sutahsilat.domain.tariff;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.sutahsilat.domain.shared.AbstractEntity;
import org.sutahsilat.domain.shared.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One effective-dated version of a tariff. Never changed once saved (every column is {@code updatable = false} and the
 * builder methods refuse a saved version): a change of price is a new version from a later date.
 */
@Entity
@Table(name = "tariff_version")
public class TariffVersion extends AbstractEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "tariff_id", nullable = false, updatable = false)
    private Tariff tariff;
    @Column(name = "valid_from", nullable = false, updatable = false)
    private LocalDate validFrom;
    @Enumerated(EnumType.STRING)
    @Column(name = "tier_mode", nullable = false, updatable = false)
    private TierMode tierMode;
    @Column(name = "fixed_fee", nullable = false, updatable = false)
    private Money fixedFee;
    @Column(name = "minimum_charge", nullable = false, updatable = false)
    private Money minimumCharge;
    @Enumerated(EnumType.STRING)
    @Column(name = "wastewater_mode", nullable = false, updatable = false)
    private WastewaterMode wastewaterMode;
    @Column(name = "wastewater_value", nullable = false, updatable = false)
    private BigDecimal wastewaterValue;
    @Column(name = "ctv_per_m3", nullable = false, updatable = false)
    private BigDecimal ctvPerM3;
    @Column(name = "kdv_water_rate", nullable = false, updatable = false)
    private BigDecimal kdvWaterRate;
    @Column(name = "kdv_wastewater_rate", nullable = false, updatable = false)
    private BigDecimal kdvWastewaterRate;
    @Column(name = "kdv_fixed_fee_rate", nullable = false, updatable = false)
    private BigDecimal kdvFixedFeeRate;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "created_by", updatable = false)
    private Long createdBy;
    @OneToMany(mappedBy = "version", cascade = CascadeType.PERSIST)
    @OrderBy("seq")
    private List<TariffTier> tiers = new ArrayList<>();

    protected TariffVersion() {
    }

    /** A version with no charges yet; fill it with the setters of the builder methods below before persisting. */
    public static TariffVersion of(Tariff tariff, LocalDate validFrom, TierMode mode, Instant now) {
        TariffVersion v = new TariffVersion();
        v.tariff = tariff;
        v.validFrom = validFrom;
        v.tierMode = mode;
        v.fixedFee = Money.ZERO;
        v.minimumCharge = Money.ZERO;
        v.wastewaterMode = WastewaterMode.NONE;
        v.wastewaterValue = BigDecimal.ZERO;
        v.ctvPerM3 = BigDecimal.ZERO;
        v.kdvWaterRate = BigDecimal.ZERO;
        v.kdvWastewaterRate = BigDecimal.ZERO;
        v.kdvFixedFeeRate = BigDecimal.ZERO;
        v.createdAt = now;
        tariff.addVersion(v);
        return v;
    }

    public TariffVersion tier(long fromM3, Long toM3, BigDecimal unitPrice) {
        requireUnsaved();
        tiers.add(new TariffTier(this, tiers.size() + 1, fromM3, toM3, unitPrice));
        return this;
    }

    public TariffVersion fees(Money fixedFee, Money minimumCharge) {
        requireUnsaved();
        this.fixedFee = fixedFee;
        this.minimumCharge = minimumCharge;
        return this;
    }

    public TariffVersion wastewater(WastewaterMode mode, BigDecimal value) {
        requireUnsaved();
        this.wastewaterMode = mode;
        this.wastewaterValue = value;
        return this;
    }

    public TariffVersion ctv(BigDecimal perM3) {
        requireUnsaved();
        this.ctvPerM3 = perM3;
        return this;
    }

    public TariffVersion kdv(BigDecimal water, BigDecimal wastewater, BigDecimal fixedFee) {
        requireUnsaved();
        this.kdvWaterRate = water;
        this.kdvWastewaterRate = wastewater;
        this.kdvFixedFeeRate = fixedFee;
        return this;
    }

    /** Who created the version (the audit log has the details). */
    public TariffVersion createdBy(Long userId) {
        requireUnsaved();
        this.createdBy = userId;
        return this;
    }

    private void requireUnsaved() {
        if (getId() != null) {
            throw new IllegalStateException("tariff version " + getId() + " is saved and never changes;"
                    + " add a new version instead");
        }
    }

    public Long getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Tariff getTariff() {
        return tariff;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public TierMode getTierMode() {
        return tierMode;
    }

    public Money getFixedFee() {
        return fixedFee;
    }

    public Money getMinimumCharge() {
        return minimumCharge;
    }

    public WastewaterMode getWastewaterMode() {
        return wastewaterMode;
    }

    public BigDecimal getWastewaterValue() {
        return wastewaterValue;
    }

    public BigDecimal getCtvPerM3() {
        return ctvPerM3;
    }

    public BigDecimal getKdvWaterRate() {
        return kdvWaterRate;
    }

    public BigDecimal getKdvWastewaterRate() {
        return kdvWastewaterRate;
    }

    public BigDecimal getKdvFixedFeeRate() {
        return kdvFixedFeeRate;
    }

    public List<TariffTier> getTiers() {
        return List.copyOf(tiers);
    }
}
