package org.sutahsilat.domain.payment;

import org.sutahsilat.domain.shared.Money;

import java.util.Objects;

/** One planned allocation: an amount for a bill's surcharge or principal, or kept as credit (no bill). */
public record AllocationLine(Long billId, AllocationKind kind, Money amount) {

    public AllocationLine {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
        if ((kind == AllocationKind.CREDIT) != (billId == null)) {
            throw new IllegalArgumentException("credit has no bill; principal and surcharge have one");
        }
    }

    public static AllocationLine credit(Money amount) {
        return new AllocationLine(null, AllocationKind.CREDIT, amount);
    }
}
