package org.sutahsilat.domain.billing;

import org.sutahsilat.domain.institution.SurchargePolicy;
import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.shared.Money;

import java.time.LocalDate;

/**
 * A bill in force (ISSUED) of an active institution, with what the public page of that one bill needs of its
 * subscriber and institution, read in one go ({@link BillRepository#publicBill}). The name is the stored one: mask it
 * before it is shown.
 */
public record PublicBill(long institutionId, String institutionName, SurchargePolicy surchargePolicy,
                         long subscriberId, String subscriberNo, String subscriberName, long billId, String billNo,
                         BillingPeriod period, LocalDate dueDate, long consumptionM3, Money total) {
}
