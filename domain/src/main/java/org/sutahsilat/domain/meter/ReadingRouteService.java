package org.sutahsilat.domain.meter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.subscriber.Subscriber;
import org.sutahsilat.domain.subscriber.SubscriberStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reading routes for the reader's doors (route page, handheld REST): the subscribers of a route in route order
 * with their previous reading, from the same meter histories {@link ReadingService} applies the rules to.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReadingRouteService {

    private ReadingRouteRepository routes;
    private ReadingService readings;

    protected ReadingRouteService() {
        // for CDI proxies
    }

    @Inject
    public ReadingRouteService(ReadingRouteRepository routes, ReadingService readings) {
        this.routes = routes;
        this.readings = readings;
    }

    public List<String> routeCodes(long institutionId) {
        return routes.routeCodes(institutionId);
    }

    /** The route's subscribers in route order, as they stand for the period (empty outside the scope). */
    public List<RouteStop> stops(long institutionId, String routeCode, BillingPeriod period) {
        List<Subscriber> subscribers = routes.subscribersOn(institutionId, routeCode);
        Map<Long, SubscriberReadings> contexts = readings.load(subscribers, period);
        List<RouteStop> stops = new ArrayList<>(subscribers.size());
        for (Subscriber s : subscribers) {
            stops.add(stop(contexts.get(s.getId()), period));
        }
        return stops;
    }

    static RouteStop stop(SubscriberReadings context, BillingPeriod period) {
        Subscriber s = context.subscriber();
        Optional<Meter> meter = context.installedMeter();
        Optional<ReadingEntry> current = context.readingOf(period);
        Optional<ReadingEntry> last = context.readings().stream()
                .filter(r -> r.period().compareTo(period) < 0).reduce((a, b) -> b);
        Long previousIndex = meter.map(m -> last.filter(r -> r.meterId() == m.getId()).map(ReadingEntry::index)
                .orElse(m.getInitialIndex())).orElse(null);
        RouteStop.Status status = current.isPresent() ? RouteStop.Status.READ
                : s.getStatus() == SubscriberStatus.CLOSED ? RouteStop.Status.CLOSED
                : meter.isEmpty() ? RouteStop.Status.NO_METER : RouteStop.Status.TO_READ;
        return new RouteStop(s.getId(), s.getSubscriberNo().value(), s.maskedName(), s.getAddress(),
                s.getRouteOrder(), status, meter.map(Meter::getSerialNo).orElse(null), previousIndex,
                last.map(ReadingEntry::readingDate).orElse(null),
                last.map(r -> r.consumption().value()).orElse(null),
                current.map(ReadingEntry::index).orElse(null),
                current.map(r -> r.consumption().value()).orElse(null),
                current.map(ReadingEntry::kind).orElse(null),
                current.map(ReadingEntry::flags).orElse(null));
    }
}
