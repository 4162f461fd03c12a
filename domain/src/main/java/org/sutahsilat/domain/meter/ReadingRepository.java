package org.sutahsilat.domain.meter;

import org.sutahsilat.domain.shared.BillingPeriod;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Readings within the tenant scope in force. Readings are posted, never edited: there is no update. */
public interface ReadingRepository {

    /**
     * The readings of these subscribers from period {@code since} on ({@code null}: all of them), as the reading rules
     * see them, by subscriber id; a subscriber without readings is absent from the map.
     */
    Map<Long, List<ReadingEntry>> entriesSince(Collection<Long> subscriberIds, BillingPeriod since);

    /** The subscriber's readings, oldest period first. */
    List<Reading> findBySubscriber(long subscriberId);

    /** Posts a new reading (flushed: a second reading of the same subscriber, meter and period fails here). */
    Reading add(Reading reading);

    /** Posts many new readings in the caller's transaction. */
    void addAll(List<Reading> readings);
}
