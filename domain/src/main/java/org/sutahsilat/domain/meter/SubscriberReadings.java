package org.sutahsilat.domain.meter;

import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.subscriber.Subscriber;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the reading rules need to know of one subscriber before a new reading: the subscriber, every meter it had,
 * and its recent readings (at least back to the last ACTUAL one). Loaded by {@link ReadingService#load}.
 */
public record SubscriberReadings(Subscriber subscriber, List<Meter> meters, List<ReadingEntry> readings) {

    public SubscriberReadings {
        Objects.requireNonNull(subscriber, "subscriber");
        meters = List.copyOf(meters);
        readings = readings.stream().sorted(MeterHistory.CHRONOLOGICAL).toList();
    }

    /** The meter installed now (the latest installed one if, wrongly, several are). */
    public Optional<Meter> installedMeter() {
        return meters.stream().filter(Meter::isInstalled)
                .max(Comparator.comparing(Meter::getInstalledOn).thenComparing(Meter::getId));
    }

    /** The reading already posted for the period, if any (on any meter). */
    public Optional<ReadingEntry> readingOf(BillingPeriod period) {
        return readings.stream().filter(r -> r.period().equals(period)).findFirst();
    }

    /**
     * The history for the rules: the installed meter, and the meter removed since the last reading if one was (the
     * meter the last reading was taken on, now removed; without any reading, the last meter removed).
     */
    MeterHistory history(Meter installed) {
        MeterView current = MeterView.of(installed);
        Optional<ReadingEntry> last = readings.isEmpty() ? Optional.empty()
                : Optional.of(readings.get(readings.size() - 1));
        Optional<Meter> removed;
        if (last.isPresent()) {
            long lastMeter = last.get().meterId();
            removed = lastMeter == installed.getId() ? Optional.empty()
                    : meters.stream().filter(m -> m.getId() == lastMeter && !m.isInstalled()).findFirst();
        } else {
            removed = meters.stream().filter(m -> !m.isInstalled() && m.getId() != installed.getId().longValue())
                    .max(Comparator.comparing(Meter::getRemovedOn).thenComparing(Meter::getId));
        }
        return removed.map(m -> MeterHistory.afterReplacement(MeterView.of(m), current, readings))
                .orElseGet(() -> MeterHistory.of(current, readings));
    }
}
