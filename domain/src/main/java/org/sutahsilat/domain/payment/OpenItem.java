package org.sutahsilat.domain.payment;

import org.sutahsilat.domain.shared.DomainException;
import org.sutahsilat.domain.shared.Money;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;

/**
 * A bill of a subscriber with something still to pay on the day of a payment: its open principal and the surcharge
 * due on that day (surcharge already charged and unpaid plus what accrued since it was last charged).
 */
public record OpenItem(long billId, LocalDate dueDate, Money openPrincipal, Money surchargeDue) {

    /** Oldest debt first: by due date, then by bill id (the older bill of two due the same day). */
    public static final Comparator<OpenItem> OLDEST_FIRST =
            Comparator.comparing(OpenItem::dueDate).thenComparingLong(OpenItem::billId);

    public OpenItem {
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(openPrincipal, "openPrincipal");
        Objects.requireNonNull(surchargeDue, "surchargeDue");
        if (openPrincipal.isNegative() || surchargeDue.isNegative()) {
            throw new DomainException("error.allocation.negativeItem",
                    "bill " + billId + " has a negative open amount", billId);
        }
    }

    public Money total() {
        return openPrincipal.plus(surchargeDue);
    }
}
