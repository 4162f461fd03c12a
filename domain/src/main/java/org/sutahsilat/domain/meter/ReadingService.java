package org.sutahsilat.domain.meter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.sutahsilat.domain.meter.ReadingEvaluation.Accepted;
import org.sutahsilat.domain.meter.ReadingEvaluation.Rejected;
import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.shared.DomainException;
import org.sutahsilat.domain.shared.NotFoundException;
import org.sutahsilat.domain.subscriber.Subscriber;
import org.sutahsilat.domain.subscriber.SubscriberNo;
import org.sutahsilat.domain.subscriber.SubscriberRepository;
import org.sutahsilat.domain.subscriber.SubscriberStatus;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one application service behind the three doors that take meter readings: the route page (READER), the CSV
 * import ({@link ReadingCsvImport}) and the REST endpoint of the handhelds. Every reading goes through here:
 * <ol>
 * <li>the subscriber is looked up within the tenant scope in force (one of another institution is "not found",
 *     exactly like a missing one);</li>
 * <li>its meter history is loaded ({@link #load}): the installed meter, a meter removed since the last reading,
 *     and the readings of the last {@value #HISTORY_MONTHS} months, or all of them when that window holds no ACTUAL
 *     reading (the base of the consumption and of the true-up must be there);</li>
 * <li>{@link #check}: a closed subscriber, a subscriber without an installed meter, a meter serial that is not the
 *     installed meter's, and a period already read are refused; then {@link ReadingEvaluator} applies the reading
 *     rules of domain.md (rollover, lower index, replacement, true-up, flags);</li>
 * <li>the accepted reading is posted with {@link Reading#record} (who, when, how, GPS, note).</li>
 * </ol>
 * A refusal is a {@link DomainException} carrying the rule's message key and arguments
 * ({@code error.reading.*}; see {@code ReadingMessages.properties}).
 */
@ApplicationScoped
@Transactional
public class ReadingService {

    /** How far back the readings are loaded for the average and the flags (the policy uses 6 ACTUAL months). */
    public static final int HISTORY_MONTHS = 12;

    private SubscriberRepository subscribers;
    private MeterRepository meters;
    private ReadingRepository readings;
    private Clock clock;
    private ReadingEvaluator evaluator = new ReadingEvaluator(ReadingPolicy.defaults());

    protected ReadingService() {
        // for CDI proxies
    }

    @Inject
    public ReadingService(SubscriberRepository subscribers, MeterRepository meters, ReadingRepository readings,
                          Clock clock) {
        this.subscribers = subscribers;
        this.meters = meters;
        this.readings = readings;
        this.clock = clock;
    }

    /** The thresholds of the rules (an institution setting later; {@link ReadingPolicy#defaults()} until then). */
    public ReadingService withPolicy(ReadingPolicy policy) {
        this.evaluator = new ReadingEvaluator(policy);
        return this;
    }

    public ReadingPolicy policy() {
        return evaluator.policy();
    }

    /** Posts a real reading of the subscriber with this number; the stored reading carries consumption and flags. */
    public Reading record(long institutionId, SubscriberNo subscriberNo, NewReading reading) {
        return record(subscriber(institutionId, subscriberNo), reading);
    }

    /** Posts a real reading of the subscriber with this id (which must belong to the institution). */
    public Reading record(long institutionId, long subscriberId, NewReading reading) {
        return record(subscriber(institutionId, subscriberId), reading);
    }

    /**
     * What {@link #record} would post, without posting it: consumption and flags for the reader's "unusual value"
     * warning while typing. Throws like {@code record} when the reading would be refused.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Accepted preview(long institutionId, long subscriberId, NewReading reading) {
        return check(subscriber(institutionId, subscriberId), reading).accepted();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Accepted preview(long institutionId, SubscriberNo subscriberNo, NewReading reading) {
        return check(subscriber(institutionId, subscriberNo), reading).accepted();
    }

    /** Posts an estimated reading (no access, broken meter): the recent average, marked ESTIMATED. */
    public Reading estimate(long institutionId, long subscriberId, BillingPeriod period, LocalDate readingDate,
                            Long readBy, String note) {
        return estimate(subscriber(institutionId, subscriberId), period, readingDate, readBy, note);
    }

    public Reading estimate(long institutionId, SubscriberNo subscriberNo, BillingPeriod period, LocalDate readingDate,
                            Long readBy, String note) {
        return estimate(subscriber(institutionId, subscriberNo), period, readingDate, readBy, note);
    }

    /**
     * The meter histories of many subscribers at once, by subscriber id (bulk doors: one query for the meters and
     * one or two for the readings, whatever the number of subscribers).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, SubscriberReadings> load(Collection<Subscriber> subscriberList, BillingPeriod period) {
        Objects.requireNonNull(period, "period");
        List<Long> ids = subscriberList.stream().map(Subscriber::getId).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<Meter>> meterMap = meters.findBySubscribers(ids);
        BillingPeriod since = new BillingPeriod(period.month().minusMonths(HISTORY_MONTHS));
        Map<Long, List<ReadingEntry>> entries = new HashMap<>(readings.entriesSince(ids, since));
        List<Long> withoutActual = ids.stream()
                .filter(id -> entries.getOrDefault(id, List.of()).stream().noneMatch(ReadingEntry::isActual))
                .toList();
        if (!withoutActual.isEmpty()) {
            entries.putAll(readings.entriesSince(withoutActual, null));
        }
        Map<Long, SubscriberReadings> result = new HashMap<>();
        for (Subscriber s : subscriberList) {
            result.put(s.getId(), new SubscriberReadings(s, meterMap.getOrDefault(s.getId(), List.of()),
                    entries.getOrDefault(s.getId(), List.of())));
        }
        return result;
    }

    /**
     * Checks a real index against the subscriber's history without posting it. Never throws for a broken rule:
     * the rejection is in the returned evaluation.
     *
     * @param meterSerial the serial read on the meter, or {@code null} for the installed meter
     */
    public ReadingCheck check(SubscriberReadings context, String meterSerial, BillingPeriod period,
                              LocalDate readingDate, long index) {
        return check(context, meterSerial, period, readingDate, false, index);
    }

    /** Posts a checked, accepted reading (the bulk doors' second step). */
    public Reading post(ReadingCheck check, ReadingSource source, Long readBy, GpsPosition gps, String note) {
        return add(Reading.record(check.meter(), check.accepted(), source, readBy, clock.instant(), gps, note));
    }

    /** Posts many checked, accepted readings in the caller's transaction: all or none. */
    public void postAll(List<ReadingCheck> checks, ReadingSource source, Long readBy, List<String> notes) {
        if (notes.size() != checks.size()) {
            throw new IllegalArgumentException("one note (or null) per reading");
        }
        List<Reading> posted = new ArrayList<>(checks.size());
        for (int i = 0; i < checks.size(); i++) {
            ReadingCheck c = checks.get(i);
            posted.add(Reading.record(c.meter(), c.accepted(), source, readBy, clock.instant(), null, notes.get(i)));
        }
        try {
            readings.addAll(posted);
        } catch (PersistenceException e) {
            throw alreadyRecordedMeanwhile(e);
        }
    }

    private Reading record(Subscriber subscriber, NewReading reading) {
        ReadingCheck check = check(subscriber, reading);
        return add(Reading.record(check.meter(), check.accepted(), reading.source(), reading.readBy(), clock.instant(),
                reading.gps(), reading.note()));
    }

    private ReadingCheck check(Subscriber subscriber, NewReading reading) {
        SubscriberReadings context = load(List.of(subscriber), reading.period()).get(subscriber.getId());
        return check(context, reading.meterSerial(), reading.period(), reading.readingDate(), reading.index());
    }

    private Reading estimate(Subscriber subscriber, BillingPeriod period, LocalDate readingDate, Long readBy,
                             String note) {
        Objects.requireNonNull(readingDate, "readingDate");
        SubscriberReadings context = load(List.of(subscriber), period).get(subscriber.getId());
        ReadingCheck check = check(context, null, period, readingDate, true, 0);
        return add(Reading.record(check.meter(), check.accepted(), ReadingSource.ESTIMATE, readBy, clock.instant(),
                null, note));
    }

    private ReadingCheck check(SubscriberReadings context, String meterSerial, BillingPeriod period,
                               LocalDate readingDate, boolean estimate, long index) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(readingDate, "readingDate");
        Subscriber subscriber = context.subscriber();
        if (subscriber.getStatus() == SubscriberStatus.CLOSED) {
            return new ReadingCheck(subscriber, null, rejected("error.reading.subscriberClosed",
                    "subscriber " + subscriber.getSubscriberNo() + " is closed", subscriber.getSubscriberNo().value()));
        }
        Meter meter = context.installedMeter().orElse(null);
        if (meter == null) {
            return new ReadingCheck(subscriber, null, rejected("error.reading.noMeter",
                    "subscriber " + subscriber.getSubscriberNo() + " has no installed meter",
                    subscriber.getSubscriberNo().value()));
        }
        if (meterSerial != null && !meterSerial.equalsIgnoreCase(meter.getSerialNo())) {
            return new ReadingCheck(subscriber, meter, rejected("error.reading.wrongMeter",
                    "meter " + meterSerial + " is not the meter installed at subscriber "
                            + subscriber.getSubscriberNo() + " (" + meter.getSerialNo() + ")",
                    meterSerial, subscriber.getSubscriberNo().value(), meter.getSerialNo()));
        }
        ReadingEntry existing = context.readingOf(period).orElse(null);
        if (existing != null) {
            return new ReadingCheck(subscriber, meter, rejected("error.reading.alreadyRecorded",
                    "a reading for " + period + " is already recorded for subscriber " + subscriber.getSubscriberNo()
                            + " (index " + existing.index() + " on " + existing.readingDate() + ")",
                    period.toString(), subscriber.getSubscriberNo().value(), existing.index(),
                    existing.readingDate()));
        }
        MeterHistory history;
        try {
            history = context.history(meter);
        } catch (DomainException e) {
            return new ReadingCheck(subscriber, meter, new Rejected(e.messageKey(), e.getMessage(),
                    java.util.Arrays.asList(e.arguments())));
        }
        ReadingEvaluation evaluation = estimate ? evaluator.estimate(history, period, readingDate)
                : evaluator.evaluate(history, period, readingDate, index);
        return new ReadingCheck(subscriber, meter, evaluation);
    }

    private Reading add(Reading reading) {
        try {
            return readings.add(reading);
        } catch (PersistenceException e) {
            throw alreadyRecordedMeanwhile(e);
        }
    }

    private static DomainException alreadyRecordedMeanwhile(PersistenceException e) {
        DomainException d = new DomainException("error.reading.recordedMeanwhile",
                "a reading of the same subscriber and period was recorded meanwhile; nothing was stored");
        d.initCause(e);
        return d;
    }

    private Subscriber subscriber(long institutionId, SubscriberNo no) {
        Objects.requireNonNull(no, "subscriberNo");
        return subscribers.findByNo(institutionId, no)
                .orElseThrow(() -> new NotFoundException("subscriber", no.value()));
    }

    private Subscriber subscriber(long institutionId, long subscriberId) {
        return subscribers.find(subscriberId).filter(s -> s.getInstitutionId() == institutionId)
                .orElseThrow(() -> new NotFoundException("subscriber", subscriberId));
    }

    private static Rejected rejected(String key, String message, Object... arguments) {
        return new Rejected(key, message, java.util.Arrays.asList(arguments));
    }
}
