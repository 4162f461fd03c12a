package org.sutahsilat.admin.ui;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sutahsilat.admin.security.CurrentUser;
import org.sutahsilat.domain.institution.InstitutionRepository;
import org.sutahsilat.domain.meter.NewReading;
import org.sutahsilat.domain.meter.Reading;
import org.sutahsilat.domain.meter.ReadingEvaluation.Accepted;
import org.sutahsilat.domain.meter.ReadingFlag;
import org.sutahsilat.domain.meter.ReadingRouteService;
import org.sutahsilat.domain.meter.ReadingService;
import org.sutahsilat.domain.meter.ReadingSource;
import org.sutahsilat.domain.meter.RouteStop;
import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.shared.DomainException;
import org.sutahsilat.domain.user.AuthenticatedUser;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * reading-route.xhtml, the reader's page on a phone: pick a route of the institution, walk its subscribers in route
 * order, type each index (a warning appears as it is typed: {@link ReadingService#preview}), save it or record "no
 * access" (an estimate). Every rule is the service's; this bean only passes values and shows answers.
 */
@Named
@ViewScoped
public class ReadingRouteBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final ZoneId TURKEY = ZoneId.of("Europe/Istanbul");

    @Inject
    ReadingRouteService routeService;
    @Inject
    ReadingService readingService;
    @Inject
    InstitutionRepository institutionRepository;

    private List<InstitutionOption> institutions;
    private Long institutionId;
    private List<String> routes = List.of();
    private String route;
    private String period;
    private List<RouteStop> stops = List.of();
    /** Typed indexes, warnings and outcomes by subscriber id. */
    private final Map<Long, String> entered = new HashMap<>();
    private final Map<Long, String> notes = new HashMap<>();
    private final Map<Long, Notice> notices = new HashMap<>();

    /** What the page shows under a subscriber: a sentence and its kind (ok, warn, error, saved). */
    public record Notice(String kind, String text) implements Serializable {
    }

    @PostConstruct
    void init() {
        period = BillingPeriod.containing(today()).toString();
        institutions = institutionRepository.findVisible().stream().map(InstitutionOption::of).toList();
        if (institutions.size() == 1) {
            institutionId = institutions.get(0).getId();
            loadRoutes();
        }
    }

    public void loadRoutes() {
        routes = institutionId == null ? List.of() : routeService.routeCodes(institutionId);
        route = routes.size() == 1 ? routes.get(0) : null;
        loadStops();
    }

    public void loadStops() {
        entered.clear();
        notices.clear();
        stops = List.of();
        if (institutionId == null || route == null) {
            return;
        }
        BillingPeriod p = parsedPeriod();
        if (p == null) {
            return;
        }
        stops = new ArrayList<>(routeService.stops(institutionId, route, p));
    }

    /** As the reader types: what the index would record, or why it would be refused (nothing is stored). */
    public void preview(long subscriberId) {
        Long index = index(subscriberId);
        BillingPeriod p = parsedPeriod();
        if (index == null || p == null) {
            return;
        }
        try {
            Accepted a = readingService.preview(institutionId, subscriberId, NewReading.of(p, today(), index,
                    ReadingSource.HANDHELD, userId()));
            notices.put(subscriberId, new Notice(ReadingTexts.needsAttention(a.flags()) ? "warn" : "ok",
                    ReadingTexts.accepted(Messages.locale(), a)));
        } catch (DomainException e) {
            notices.put(subscriberId, refusal(e));
        }
    }

    public void save(long subscriberId) {
        Long index = index(subscriberId);
        BillingPeriod p = parsedPeriod();
        if (index == null || p == null) {
            return;
        }
        try {
            Reading r = readingService.record(institutionId, subscriberId, new NewReading(null, p, today(), index,
                    ReadingSource.HANDHELD, userId(), null, notes.get(subscriberId)));
            saved(subscriberId, r);
        } catch (DomainException e) {
            notices.put(subscriberId, refusal(e));
        }
    }

    /** No access / broken meter: the service records an estimate (the recent average). */
    public void noAccess(long subscriberId) {
        BillingPeriod p = parsedPeriod();
        if (p == null) {
            return;
        }
        try {
            Reading r = readingService.estimate(institutionId, subscriberId, p, today(), userId(),
                    notes.get(subscriberId));
            saved(subscriberId, r);
        } catch (DomainException e) {
            notices.put(subscriberId, refusal(e));
        }
    }

    private void saved(long subscriberId, Reading r) {
        String flags = ReadingTexts.flags(Messages.locale(), ReadingFlag.parse(r.getFlags()));
        String text = Messages.text("route.saved", r.getMeterIndex(), r.getConsumption().value());
        entered.remove(subscriberId);
        // the row now shows the stored reading (and the route its new state)
        stops = new ArrayList<>(routeService.stops(institutionId, route, parsedPeriod()));
        notices.put(subscriberId, new Notice("saved", flags.isEmpty() ? text : text + " · " + flags));
    }

    private Notice refusal(DomainException e) {
        String key = e.messageKey();
        String text = "error.notFound".equals(key) ? Messages.text("error.notFound")
                : ReadingTexts.refusal(Messages.locale(), key, java.util.Arrays.asList(e.arguments()), e.getMessage());
        return new Notice("error", text);
    }

    /** The typed index, or {@code null} (with a notice) when it is not a whole non-negative number. */
    private Long index(long subscriberId) {
        String text = entered.get(subscriberId);
        if (text == null || text.isBlank()) {
            notices.remove(subscriberId);
            return null;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the notice
        }
        notices.put(subscriberId, new Notice("error", Messages.text("route.badIndex")));
        return null;
    }

    private BillingPeriod parsedPeriod() {
        try {
            return BillingPeriod.parse(period);
        } catch (RuntimeException e) {
            Messages.error("error.period.invalid");
            return null;
        }
    }

    private static LocalDate today() {
        return LocalDate.now(TURKEY);
    }

    private static Long userId() {
        return CurrentUser.get().map(AuthenticatedUser::id).orElse(null);
    }

    public long getReadCount() {
        return stops.stream().filter(RouteStop::isRead).count();
    }

    public String noticeKind(long subscriberId) {
        Notice n = notices.get(subscriberId);
        return n == null ? "none" : n.kind();
    }

    public String noticeText(long subscriberId) {
        Notice n = notices.get(subscriberId);
        return n == null ? "" : n.text();
    }

    public String flagText(RouteStop stop) {
        return ReadingTexts.flags(Messages.locale(), stop.readFlags());
    }

    public Map<Long, String> getEntered() {
        return entered;
    }

    public Map<Long, String> getNotes() {
        return notes;
    }

    public List<InstitutionOption> getInstitutions() {
        return institutions;
    }

    public Long getInstitutionId() {
        return institutionId;
    }

    public void setInstitutionId(Long institutionId) {
        this.institutionId = institutionId;
    }

    public List<String> getRoutes() {
        return routes;
    }

    public String getRoute() {
        return route;
    }

    public void setRoute(String route) {
        this.route = route;
    }

    public String getPeriod() {
        return period;
    }

    public void setPeriod(String period) {
        this.period = period;
    }

    public List<RouteStop> getStops() {
        return stops;
    }
}
