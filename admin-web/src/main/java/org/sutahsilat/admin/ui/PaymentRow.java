package org.sutahsilat.admin.ui;

import org.sutahsilat.domain.payment.PaymentSummary;
import org.sutahsilat.domain.shared.Money;

import java.io.Serializable;
import java.time.LocalDate;

/** A payment list row with bean getters for the page (EL 5 does not read record components). */
public final class PaymentRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final PaymentSummary p;

    public PaymentRow(PaymentSummary p) {
        this.p = p;
    }

    public long getId() {
        return p.id();
    }

    public long getInstitutionId() {
        return p.institutionId();
    }

    public String getReceiptNo() {
        return p.receiptNo();
    }

    public LocalDate getReceivedOn() {
        return p.receivedOn();
    }

    public String getSubscriberNo() {
        return p.subscriberNo();
    }

    public String getMaskedName() {
        return p.maskedName();
    }

    public Money getAmount() {
        return p.amount();
    }

    public String getChannel() {
        return p.channel().name();
    }

    public String getReference() {
        return p.reference();
    }

    public String getStaffName() {
        return p.staffName();
    }

    /** VALID, REVERSED or REVERSAL (bundle keys {@code payments.state.X}). */
    public String getState() {
        return p.reversal() ? "REVERSAL" : p.reversed() ? "REVERSED" : "VALID";
    }

    public boolean isReversible() {
        return p.reversible();
    }
}
