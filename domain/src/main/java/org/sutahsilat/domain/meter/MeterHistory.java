package org.sutahsilat.domain.meter;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the reading rules know before a new reading: the subscriber's current meter, its recent readings (any
 * meter, any order; the caller chooses how far back, e.g. 24 months) and, if a meter was replaced since the last
 * reading, the removed meter with its final index. "Since the last reading" matters: a meter replaced on the 28th,
 * after that month's reading on the 15th, is passed with the next month's reading, because its tail (final index −
 * last index) has not been billed yet. Immutable.
 */
public final class MeterHistory {

    static final Comparator<ReadingEntry> CHRONOLOGICAL =
            Comparator.comparing(ReadingEntry::period).thenComparing(ReadingEntry::readingDate);

    private final MeterView currentMeter;
    private final MeterView removedMeter;
    private final List<ReadingEntry> readings;

    private MeterHistory(MeterView currentMeter, MeterView removedMeter, List<ReadingEntry> readings) {
        this.currentMeter = Objects.requireNonNull(currentMeter, "currentMeter");
        this.removedMeter = removedMeter;
        this.readings = readings.stream().sorted(CHRONOLOGICAL).toList();
    }

    /** No replacement since the last reading. */
    public static MeterHistory of(MeterView currentMeter, List<ReadingEntry> readings) {
        return new MeterHistory(currentMeter, null, readings);
    }

    /** {@code removedMeter} was replaced by {@code currentMeter} after the last reading. */
    public static MeterHistory afterReplacement(MeterView removedMeter, MeterView currentMeter,
                                                List<ReadingEntry> readings) {
        Objects.requireNonNull(removedMeter, "removedMeter");
        if (!removedMeter.isRemoved()) {
            throw new IllegalArgumentException("the removed meter " + removedMeter.id() + " has no final index");
        }
        if (removedMeter.id() == currentMeter.id()) {
            throw new IllegalArgumentException("a meter cannot replace itself: " + currentMeter.id());
        }
        return new MeterHistory(currentMeter, removedMeter, readings);
    }

    public MeterView currentMeter() {
        return currentMeter;
    }

    public Optional<MeterView> removedMeter() {
        return Optional.ofNullable(removedMeter);
    }

    /** Oldest first. */
    public List<ReadingEntry> readings() {
        return readings;
    }

    public Optional<ReadingEntry> lastReading() {
        return readings.isEmpty() ? Optional.empty() : Optional.of(readings.get(readings.size() - 1));
    }
}
