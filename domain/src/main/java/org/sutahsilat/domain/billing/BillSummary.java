package org.sutahsilat.domain.billing;

import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.shared.Money;

import java.time.LocalDate;

/** A row of the staff's bill list; the subscriber's name is masked. */
public record BillSummary(long id, long institutionId, String billNo, String subscriberNo, String maskedName,
                          BillingPeriod period, LocalDate issueDate, LocalDate dueDate, long consumptionM3,
                          Money total, BillStatus status) {
}
