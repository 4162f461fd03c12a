package org.sutahsilat.domain.tariff;

import java.math.BigDecimal;

/** A tier's bounds and unit price, as {@link TariffRules#checkTiers} reads them (a saved tier or a draft row). */
public interface TierLimits {

    long getFromM3();

    /** Null for the open-ended last tier. */
    Long getToM3();

    BigDecimal getUnitPrice();
}
