package org.sutahsilat.domain.meter;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Meters within the tenant scope in force: nothing outside it is found. */
public interface MeterRepository {

    Optional<Meter> find(long id);

    /** Every meter the subscriber ever had (installed and removed), oldest installation first. */
    List<Meter> findBySubscriber(long subscriberId);

    /** {@link #findBySubscriber} for many subscribers at once (bulk doors such as the CSV import). */
    Map<Long, List<Meter>> findBySubscribers(Collection<Long> subscriberIds);

    Meter save(Meter meter);
}
