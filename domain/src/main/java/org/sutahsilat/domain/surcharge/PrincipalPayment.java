package org.sutahsilat.domain.surcharge;

import org.sutahsilat.domain.shared.Money;

import java.time.LocalDate;
import java.util.Objects;

/** Part of a bill's principal paid on a day; from that day on it no longer bears surcharge. */
public record PrincipalPayment(LocalDate on, Money amount) {

    public PrincipalPayment {
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(amount, "amount");
    }
}
