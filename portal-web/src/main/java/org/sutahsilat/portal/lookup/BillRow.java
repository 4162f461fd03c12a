package org.sutahsilat.portal.lookup;

import org.sutahsilat.domain.billing.BillBalance;

import java.io.Serializable;
import java.time.LocalDate;

/** One open bill as the page shows it (strings already formatted for the subscriber's language). */
public final class BillRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String billNo;
    private final String period;
    private final String dueDate;
    private final long consumptionM3;
    private final String total;
    private final String open;
    private final boolean overdue;
    private String surcharge;
    private String paidOn;
    private String pdfUrl;

    private BillRow(String billNo, String period, String dueDate, long consumptionM3, String total, String open,
                    boolean overdue) {
        this.billNo = billNo;
        this.period = period;
        this.dueDate = dueDate;
        this.consumptionM3 = consumptionM3;
        this.total = total;
        this.open = open;
        this.overdue = overdue;
    }

    static BillRow of(BillBalance bill, LocalDate today, PortalFormat format) {
        return new BillRow(bill.billNo(), format.period(bill.period()), format.date(bill.dueDate()),
                bill.consumptionM3(), format.money(bill.total()), format.money(bill.open()), bill.isOverdueOn(today));
    }

    public String getBillNo() {
        return billNo;
    }

    public String getPeriod() {
        return period;
    }

    public String getDueDate() {
        return dueDate;
    }

    public long getConsumptionM3() {
        return consumptionM3;
    }

    public String getTotal() {
        return total;
    }

    public String getOpen() {
        return open;
    }

    /** The late-payment surcharge due on this bill today, formatted; null when none. */
    public String getSurcharge() {
        return surcharge;
    }

    BillRow withSurcharge(String formatted) {
        this.surcharge = formatted;
        return this;
    }

    /** The day a paid bill was paid, formatted; null for an open bill (or a bill paid before our records). */
    public String getPaidOn() {
        return paidOn;
    }

    /** The bill's PDF (its signed bill address, the same as its printed QR code), relative to the portal. */
    public String getPdfUrl() {
        return pdfUrl;
    }

    BillRow withPaidOn(String formatted) {
        this.paidOn = formatted;
        return this;
    }

    BillRow withPdfUrl(String url) {
        this.pdfUrl = url;
        return this;
    }

    public boolean isOverdue() {
        return overdue;
    }
}
