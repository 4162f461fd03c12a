package org.sutahsilat.domain.payment;

import org.sutahsilat.domain.shared.Money;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * What the cashier sees before taking money: the subscriber's open bills with the surcharge due on {@code asOf},
 * the total debt, the unspent credit and what is left to pay (debt − credit, never below zero).
 */
public record SubscriberAccount(long institutionId, long subscriberId, String subscriberNo, String maskedName,
                                LocalDate asOf, List<OpenBill> openBills, Money debt, Money credit)
        implements Serializable {

    public SubscriberAccount {
        openBills = List.copyOf(openBills);
    }

    public Money amountDue() {
        return debt.minus(credit).max(Money.ZERO);
    }
}
