package org.sutahsilat.domain.subscriber;

/**
 * Filters of the subscriber list; null fields do not filter. Text filters match the start of the subscriber
 * number and any part of the name (Turkish collation, case-insensitive).
 */
public record SubscriberFilter(Long institutionId, String subscriberNoPrefix, String nameContains,
                               SubscriberCategory category, SubscriberStatus status) {

    public static SubscriberFilter none() {
        return new SubscriberFilter(null, null, null, null, null);
    }
}
