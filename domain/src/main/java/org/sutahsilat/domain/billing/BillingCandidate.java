package org.sutahsilat.domain.billing;

import org.sutahsilat.domain.shared.CubicMeters;
import org.sutahsilat.domain.subscriber.PaymentCode;
import org.sutahsilat.domain.subscriber.SubscriberCategory;

import java.time.LocalDate;

/**
 * A subscriber a billing run has still to bill, with the period's reading. When the subscriber has several meters
 * read in the period, the consumption is their sum and the reading is the latest of them.
 *
 * @param readingId   null when the period has no reading for the subscriber
 * @param readingDate null when there is no reading
 * @param consumption null when there is no reading
 */
public record BillingCandidate(long subscriberId, String subscriberNo, SubscriberCategory category,
                               PaymentCode paymentCode, Long readingId, LocalDate readingDate,
                               CubicMeters consumption) {

    public boolean hasReading() {
        return readingId != null;
    }
}
