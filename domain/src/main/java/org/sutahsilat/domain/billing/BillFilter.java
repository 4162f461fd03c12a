package org.sutahsilat.domain.billing;

import org.sutahsilat.domain.shared.BillingPeriod;

/**
 * What the staff's bill list is narrowed to; every field is optional (null: no condition). The institution only
 * narrows the caller's tenant scope, it never widens it.
 *
 * @param subscriberNo the start of the subscriber number
 */
public record BillFilter(Long institutionId, BillingPeriod period, BillStatus status, String subscriberNo,
                         Long billingRunId) {

    public static BillFilter none() {
        return new BillFilter(null, null, null, null, null);
    }
}
