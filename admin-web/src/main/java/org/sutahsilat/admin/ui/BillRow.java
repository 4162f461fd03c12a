package org.sutahsilat.admin.ui;

import org.sutahsilat.domain.billing.BillSummary;
import org.sutahsilat.domain.shared.Money;

import java.io.Serializable;
import java.time.LocalDate;

/** A row of the bill table: {@link BillSummary} with JavaBean getters (EL and PrimeFaces' field/export need them). */
public final class BillRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final BillSummary summary;

    public BillRow(BillSummary summary) {
        this.summary = summary;
    }

    public long getId() {
        return summary.id();
    }

    public long getInstitutionId() {
        return summary.institutionId();
    }

    public String getBillNo() {
        return summary.billNo();
    }

    public String getSubscriberNo() {
        return summary.subscriberNo();
    }

    /** Always masked (KVKK). */
    public String getMaskedName() {
        return summary.maskedName();
    }

    public String getPeriod() {
        return summary.period().toString();
    }

    public LocalDate getIssueDate() {
        return summary.issueDate();
    }

    public LocalDate getDueDate() {
        return summary.dueDate();
    }

    public long getConsumptionM3() {
        return summary.consumptionM3();
    }

    public Money getTotal() {
        return summary.total();
    }

    public String getStatus() {
        return summary.status().name();
    }
}
