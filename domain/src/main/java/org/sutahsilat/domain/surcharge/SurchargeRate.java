package org.sutahsilat.domain.surcharge;

import org.sutahsilat.domain.shared.DomainException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of a dated rate table (table {@code surcharge_rate}): the rate in force from {@code validFrom} until the
 * next row's {@code validFrom}. The unit depends on the policy: a <em>monthly</em> rate for
 * {@link org.sutahsilat.domain.institution.SurchargePolicy#LAW_6183} (0.037 = 3.7% a month), an <em>annual</em>
 * simple rate for {@link org.sutahsilat.domain.institution.SurchargePolicy#STATUTORY_INTEREST} (0.24 = 24% a year).
 * Rates change by decree, so they are data, never constants in code.
 */
public record SurchargeRate(LocalDate validFrom, BigDecimal rate) {

    public SurchargeRate {
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(rate, "rate");
        if (rate.signum() < 0) {
            throw new DomainException("error.surcharge.negativeRate", "a surcharge rate cannot be negative: " + rate,
                    rate);
        }
    }

    public static SurchargeRate of(String validFrom, String rate) {
        return new SurchargeRate(LocalDate.parse(validFrom), new BigDecimal(rate));
    }
}
