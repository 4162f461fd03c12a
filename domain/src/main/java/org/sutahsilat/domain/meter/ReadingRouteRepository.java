package org.sutahsilat.domain.meter;

import org.sutahsilat.domain.subscriber.Subscriber;

import java.util.List;

/** The reading routes (okuma rotası) of an institution, within the tenant scope in force. */
public interface ReadingRouteRepository {

    /** The institution's route codes, in order; none outside the scope. */
    List<String> routeCodes(long institutionId);

    /** The subscribers of the route in route order (those without an order last, by number); none outside the scope. */
    List<Subscriber> subscribersOn(long institutionId, String routeCode);
}
