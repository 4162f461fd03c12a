package org.sutahsilat.domain.subscriber;

import org.sutahsilat.domain.shared.Page;
import org.sutahsilat.domain.shared.PageRequest;

import java.util.Optional;
import java.util.Set;

/** Subscribers within the tenant scope in force: nothing outside it is found, counted or listed. */
public interface SubscriberRepository {

    /** Sort keys accepted by {@link #search}. */
    Set<String> SORT_KEYS = Set.of("subscriberNo", "fullName", "category", "status", "institutionId", "routeOrder");

    Optional<Subscriber> find(long id);

    Optional<Subscriber> findByNo(long institutionId, SubscriberNo no);

    Page<Subscriber> search(SubscriberFilter filter, PageRequest page);

    Subscriber save(Subscriber subscriber);
}
