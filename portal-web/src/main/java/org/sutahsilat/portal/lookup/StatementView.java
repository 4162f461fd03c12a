package org.sutahsilat.portal.lookup;

import org.sutahsilat.domain.billing.AccountStatement;
import org.sutahsilat.domain.billing.BillBalance;
import org.sutahsilat.domain.payment.PaymentHistory;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The lookup result as the page shows it: masked name only (never the full name), open bills oldest first,
 * amounts in the subscriber's language. Plain getters, because Jakarta EL 5 does not read record components.
 */
public final class StatementView implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String institutionName;
    private final String subscriberNo;
    private final String maskedName;
    private final List<BillRow> bills;
    private final String totalDebt;
    private final boolean hasDebt;
    private final boolean anyOverdue;
    private List<ConsumptionBar> consumption = List.of();
    private List<BillRow> paidBills = List.of();
    private List<ReceiptRow> receipts = List.of();

    private StatementView(AccountStatement statement, List<BillRow> bills, String totalDebt) {
        this.institutionName = statement.institutionName();
        this.subscriberNo = statement.subscriberNo();
        this.maskedName = statement.maskedName();
        this.bills = bills;
        this.totalDebt = totalDebt;
        this.hasDebt = statement.totalDebt().isPositive();
        this.anyOverdue = bills.stream().anyMatch(BillRow::isOverdue);
    }

    public static StatementView of(AccountStatement statement, LocalDate today, Locale locale) {
        PortalFormat format = new PortalFormat(locale);
        List<BillRow> rows = statement.openBills().stream().map(b -> BillRow.of(b, today, format)).toList();
        return new StatementView(statement, rows, format.money(statement.totalDebt()));
    }

    /**
     * With the late-payment surcharge due today per bill ({@code PaymentService.account}: the ledger's rule, charged
     * and unpaid plus accrued): each surcharged bill shows it, and the total is the debt it makes ({@code debt}).
     */
    public static StatementView of(AccountStatement statement, LocalDate today, Locale locale,
                                   java.util.Map<Long, org.sutahsilat.domain.shared.Money> surchargeByBill,
                                   org.sutahsilat.domain.shared.Money debt) {
        PortalFormat format = new PortalFormat(locale);
        List<BillRow> rows = statement.openBills().stream().map(b -> {
            BillRow row = BillRow.of(b, today, format);
            var surcharge = surchargeByBill.get(b.billId());
            return surcharge != null && surcharge.isPositive() ? row.withSurcharge(format.money(surcharge)) : row;
        }).toList();
        StatementView view = new StatementView(statement, rows, format.money(debt));
        view.consumption = ConsumptionBar.of(statement.bills(), java.time.YearMonth.from(today), locale, format);
        return view;
    }

    /**
     * Links every bill (open and paid) to its PDF, adds the paid bills (newest first, with the day each was paid)
     * and the receipts with theirs. {@code billPdf} and {@code receiptPdf} give a row's signed address.
     */
    public StatementView withHistory(AccountStatement statement, PaymentHistory history, Locale locale,
                                     java.util.function.LongFunction<String> billPdf,
                                     java.util.function.LongFunction<String> receiptPdf) {
        PortalFormat format = new PortalFormat(locale);
        List<BillBalance> open = statement.openBills();
        for (int i = 0; i < bills.size() && i < open.size(); i++) {
            bills.get(i).withPdfUrl(billPdf.apply(open.get(i).billId()));
        }
        paidBills = statement.bills().stream().filter(b -> !b.isOpen())
                .sorted(java.util.Comparator.comparing(BillBalance::dueDate).thenComparing(BillBalance::billId)
                        .reversed())
                .map(b -> {
                    LocalDate paid = history.billPaidOn().get(b.billId());
                    return BillRow.of(b, paid == null ? b.dueDate() : paid, format)
                            .withPaidOn(paid == null ? null : format.date(paid)).withPdfUrl(billPdf.apply(b.billId()));
                }).toList();
        receipts = history.receipts().stream()
                .map(r -> ReceiptRow.of(r, format, receiptPdf.apply(r.paymentId()))).toList();
        return this;
    }

    /** Bills paid in full, newest first, each with its PDF. */
    public List<BillRow> getPaidBills() {
        return paidBills;
    }

    /** Every receipt of the subscriber (payments and reversals), newest first, each with its PDF. */
    public List<ReceiptRow> getReceipts() {
        return receipts;
    }

    /** The last twelve months' consumption, oldest first (the chart). */
    public List<ConsumptionBar> getConsumption() {
        return consumption;
    }

    public boolean isHasConsumption() {
        return consumption.stream().anyMatch(c -> c.getM3() > 0);
    }

    public String getInstitutionName() {
        return institutionName;
    }

    public String getSubscriberNo() {
        return subscriberNo;
    }

    public String getMaskedName() {
        return maskedName;
    }

    public List<BillRow> getBills() {
        return bills;
    }

    public String getTotalDebt() {
        return totalDebt;
    }

    public boolean isHasDebt() {
        return hasDebt;
    }

    public boolean isAnyOverdue() {
        return anyOverdue;
    }
}
