package org.sutahsilat.domain.payment;

import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.shared.Money;

import java.io.Serializable;
import java.time.LocalDate;

/** A bill with something still to pay on a day: its open principal and the surcharge due that day. */
public record OpenBill(long billId, String billNo, BillingPeriod period, LocalDate dueDate, Money openPrincipal,
                       Money surchargeDue) implements Serializable {

    public Money total() {
        return openPrincipal.plus(surchargeDue);
    }

    OpenItem item() {
        return new OpenItem(billId, dueDate, openPrincipal, surchargeDue);
    }
}
