package org.sutahsilat.domain.billing;

import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.shared.Money;

import java.time.LocalDate;

/** A bill with what has been paid on it and what is still open. */
public record BillBalance(long billId, String billNo, BillingPeriod period, LocalDate dueDate, long consumptionM3,
                          Money total, Money paid) {

    public Money open() {
        return total.minus(paid);
    }

    public boolean isOpen() {
        return open().isPositive();
    }

    public boolean isOverdueOn(LocalDate day) {
        return isOpen() && day.isAfter(dueDate);
    }
}
