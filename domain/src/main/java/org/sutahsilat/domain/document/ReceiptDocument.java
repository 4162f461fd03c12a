package org.sutahsilat.domain.document;

import org.sutahsilat.domain.payment.PaymentChannel;
import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.shared.Money;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything a printed receipt (makbuz) shows, as plain values: no entity, no lazy loading. The subscriber's name is
 * already masked.
 *
 * @param paymentId        the payment's id (for links; not printed)
 * @param institutionId    the institution that collected
 * @param institutionName  the institution (kurum)
 * @param receiptNo        makbuz no (per institution, yearly series)
 * @param paidAt           when the payment was recorded
 * @param receivedOn       the business day the money was received
 * @param subscriberNo     abone no
 * @param maskedName       the subscriber's masked name
 * @param amount           the amount received (negative on a reversal)
 * @param channel          how it was paid
 * @param reference        bank / POS reference; null when none
 * @param lines            what it paid, bill by bill: surcharge and principal
 * @param creditKept       what of it was kept as credit (overpayment)
 * @param debtAfter        the subscriber's open debt right after it; null for payments recorded before receipts
 * @param creditAfter      the subscriber's unspent credit right after it; null likewise
 * @param staffName        who received it; null for online payments
 * @param reversed         true when this payment was cancelled by a reversal (the receipt prints "İPTAL")
 * @param reversalReceiptNo the receipt no of that reversal, or for a reversal the receipt it cancels
 * @param reversalReason   why it was reversed
 * @param reversal         true when this is itself the compensating entry
 */
public record ReceiptDocument(long paymentId, long institutionId, String institutionName, String receiptNo,
                              Instant paidAt, LocalDate receivedOn, String subscriberNo, String maskedName,
                              Money amount, PaymentChannel channel, String reference, List<Line> lines,
                              Money creditKept, Money debtAfter, Money creditAfter, String staffName,
                              boolean reversed, String reversalReceiptNo, String reversalReason, boolean reversal)
        implements Serializable {

    /** What the payment paid on one bill. */
    public record Line(String billNo, BillingPeriod period, Money surcharge, Money principal) implements Serializable {

        public Money total() {
            return surcharge.plus(principal);
        }
    }

    public ReceiptDocument {
        Objects.requireNonNull(receiptNo, "receiptNo");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(channel, "channel");
        lines = List.copyOf(lines);
    }

    /** Printed "İPTAL": a reversed payment, or the reversal itself. */
    public boolean cancelled() {
        return reversed || reversal;
    }
}
