package org.sutahsilat.domain.subscriber;

import org.sutahsilat.domain.shared.Page;
import org.sutahsilat.domain.shared.PageRequest;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Subscribers within the tenant scope in force: nothing outside it is found, counted or listed. */
public interface SubscriberRepository {

    /** Sort keys accepted by {@link #search}. */
    Set<String> SORT_KEYS = Set.of("subscriberNo", "fullName", "category", "status", "institutionId", "routeOrder");

    Optional<Subscriber> find(long id);

    Optional<Subscriber> findByNo(long institutionId, SubscriberNo no);

    /**
     * The subscribers of the institution with these numbers (bulk doors such as the CSV import), by number; numbers
     * not found, and every number when the institution is outside the scope, are absent from the map.
     */
    default Map<SubscriberNo, Subscriber> findByNos(long institutionId, Collection<SubscriberNo> nos) {
        Map<SubscriberNo, Subscriber> found = new HashMap<>();
        for (SubscriberNo no : nos) {
            findByNo(institutionId, no).ifPresent(s -> found.put(no, s));
        }
        return found;
    }

    Page<Subscriber> search(SubscriberFilter filter, PageRequest page);

    Subscriber save(Subscriber subscriber);
}
