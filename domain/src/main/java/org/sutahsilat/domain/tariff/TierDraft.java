package org.sutahsilat.domain.tariff;

import java.io.Serializable;
import java.math.BigDecimal;

/** One row of a tier table as staff type it: from {@code fromM3} up to {@code toM3} (null: and above) at a unit price. */
public record TierDraft(long fromM3, Long toM3, BigDecimal unitPrice) implements TierLimits, Serializable {

    public static TierDraft of(TariffTier tier) {
        return new TierDraft(tier.getFromM3(), tier.getToM3(), tier.getUnitPrice());
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
