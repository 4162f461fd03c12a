package org.sutahsilat.domain.tariff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.sutahsilat.domain.shared.AbstractEntity;

import java.math.BigDecimal;

/** Kademe: consumption from {@code fromM3} up to {@code toM3} (open-ended when null) at a unit price (TRY/m³, scale 4). */
@Entity
@Table(name = "tariff_tier")
public class TariffTier extends AbstractEntity implements TierLimits {

    @ManyToOne(optional = false)
    @JoinColumn(name = "tariff_version_id", nullable = false, updatable = false)
    private TariffVersion version;
    @Column(nullable = false, updatable = false)
    private int seq;
    @Column(name = "from_m3", nullable = false, updatable = false)
    private long fromM3;
    @Column(name = "to_m3", updatable = false)
    private Long toM3;
    @Column(name = "unit_price", nullable = false, updatable = false)
    private BigDecimal unitPrice;

    protected TariffTier() {
    }

    TariffTier(TariffVersion version, int seq, long fromM3, Long toM3, BigDecimal unitPrice) {
        if (toM3 != null && toM3 <= fromM3) {
            throw new IllegalArgumentException("tier must end after it starts");
        }
        this.version = version;
        this.seq = seq;
        this.fromM3 = fromM3;
        this.toM3 = toM3;
        this.unitPrice = unitPrice.setScale(4, java.math.RoundingMode.UNNECESSARY);
    }

    public int getSeq() {
        return seq;
    }

    @Override
    public long getFromM3() {
        return fromM3;
    }

    @Override
    public Long getToM3() {
        return toM3;
    }

    @Override
    public BigDecimal getUnitPrice() {
        return unitPrice;
    }
}
