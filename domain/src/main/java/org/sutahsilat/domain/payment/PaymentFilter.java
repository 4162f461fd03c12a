package org.sutahsilat.domain.payment;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * What the payment list is narrowed to; every field optional. The institution only narrows the tenant scope the
 * repository applies anyway.
 *
 * @param from     first business day (inclusive)
 * @param to       last business day (inclusive)
 * @param reversed TRUE: reversed payments and reversals only; FALSE: payments in force only; null: all
 */
public record PaymentFilter(Long institutionId, LocalDate from, LocalDate to, PaymentChannel channel,
                            String subscriberNoPrefix, Boolean reversed) implements Serializable {

    public static PaymentFilter none() {
        return new PaymentFilter(null, null, null, null, null, null);
    }
}
