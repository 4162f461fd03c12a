package org.sutahsilat.portal.lookup;

import org.sutahsilat.domain.billing.AccountStatement;

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
