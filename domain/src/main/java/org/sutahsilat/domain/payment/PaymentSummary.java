package org.sutahsilat.domain.payment;

import org.sutahsilat.domain.shared.Money;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/** One row of the payment list; the subscriber's name is masked. */
public record PaymentSummary(long id, long institutionId, String receiptNo, Instant paidAt, LocalDate receivedOn,
                             String subscriberNo, String maskedName, Money amount, PaymentChannel channel,
                             String reference, boolean reversal, boolean reversed, String staffName)
        implements Serializable {

    /** A payment in force can still be reversed (not a reversal, not reversed yet). */
    public boolean reversible() {
        return !reversal && !reversed;
    }
}
