package org.sutahsilat.portal.lookup;

import org.sutahsilat.domain.payment.PaymentHistory;

import java.io.Serializable;

/** One receipt on the statement (strings formatted for the subscriber's language) with its PDF address. */
public final class ReceiptRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String receiptNo;
    private final String receivedOn;
    private final String amount;
    private final String channel;
    private final boolean reversal;
    private final boolean reversed;
    private final String pdfUrl;

    private ReceiptRow(String receiptNo, String receivedOn, String amount, String channel, boolean reversal,
                       boolean reversed, String pdfUrl) {
        this.receiptNo = receiptNo;
        this.receivedOn = receivedOn;
        this.amount = amount;
        this.channel = channel;
        this.reversal = reversal;
        this.reversed = reversed;
        this.pdfUrl = pdfUrl;
    }

    static ReceiptRow of(PaymentHistory.Receipt r, PortalFormat format, String pdfUrl) {
        return new ReceiptRow(r.receiptNo(), format.date(r.receivedOn()), format.money(r.amount()),
                r.channel().name(), r.reversal(), r.reversed(), pdfUrl);
    }

    public String getReceiptNo() {
        return receiptNo;
    }

    public String getReceivedOn() {
        return receivedOn;
    }

    public String getAmount() {
        return amount;
    }

    /** The channel's name (CASH, CARD, ...), a key of the {@code channel.*} texts. */
    public String getChannel() {
        return channel;
    }

    public boolean isReversal() {
        return reversal;
    }

    public boolean isReversed() {
        return reversed;
    }

    public String getPdfUrl() {
        return pdfUrl;
    }
}
