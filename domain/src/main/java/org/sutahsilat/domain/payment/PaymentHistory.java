package org.sutahsilat.domain.payment;

import org.sutahsilat.domain.shared.Money;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A subscriber's receipts, newest first, and the day each fully paid bill was paid (the last principal allocation
 * to it from a payment in force): what the portal's statement shows below the open bills.
 */
public record PaymentHistory(List<Receipt> receipts, Map<Long, LocalDate> billPaidOn) implements Serializable {

    public PaymentHistory {
        receipts = List.copyOf(receipts);
        billPaidOn = Map.copyOf(billPaidOn);
    }

    /** One receipt: a payment, or the reversal of one (with its own receipt number). */
    public record Receipt(long paymentId, String receiptNo, LocalDate receivedOn, Money amount,
                          PaymentChannel channel, boolean reversal, boolean reversed) implements Serializable {
    }
}
