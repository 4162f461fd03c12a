package org.sutahsilat.domain.meter;

import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.shared.CubicMeters;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** One past reading of a subscriber, as the reading rules see it. Immutable. */
public record ReadingEntry(long meterId, BillingPeriod period, LocalDate readingDate, long index, ReadingKind kind,
                           CubicMeters consumption, Set<ReadingFlag> flags) {

    public ReadingEntry {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(readingDate, "readingDate");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(consumption, "consumption");
        flags = flags == null || flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    public static ReadingEntry actual(long meterId, BillingPeriod period, LocalDate readingDate, long index,
                                      long consumption, ReadingFlag... flags) {
        return new ReadingEntry(meterId, period, readingDate, index, ReadingKind.ACTUAL, CubicMeters.of(consumption),
                Set.of(flags));
    }

    public static ReadingEntry estimated(long meterId, BillingPeriod period, LocalDate readingDate, long index,
                                         long consumption) {
        return new ReadingEntry(meterId, period, readingDate, index, ReadingKind.ESTIMATED,
                CubicMeters.of(consumption), Set.of(ReadingFlag.ESTIMATED));
    }

    /** The entry of a stored reading. */
    public static ReadingEntry of(Reading reading) {
        return new ReadingEntry(reading.getMeterId(), reading.getPeriod(), reading.getReadingDate(),
                reading.getMeterIndex(), reading.getKind(), reading.getConsumption(),
                ReadingFlag.parse(reading.getFlags()));
    }

    /** The entry an accepted evaluation becomes once posted (e.g. to validate several periods of a file in a row). */
    public static ReadingEntry of(ReadingEvaluation.Accepted accepted) {
        return new ReadingEntry(accepted.meterId(), accepted.period(), accepted.readingDate(), accepted.index(),
                accepted.kind(), accepted.consumption(), accepted.flags());
    }

    public boolean isActual() {
        return kind == ReadingKind.ACTUAL;
    }

    public boolean has(ReadingFlag flag) {
        return flags.contains(flag);
    }
}
