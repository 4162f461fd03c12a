package org.sutahsilat.domain.billing;

/**
 * A subscriber a billing run could not bill, reported to the operator.
 *
 * @param detail the rule's message for {@link SkipReason#TARIFF_INVALID}, else null
 */
public record SkippedSubscriber(long subscriberId, String subscriberNo, SkipReason reason, String detail) {
}
