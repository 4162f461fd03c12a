package org.sutahsilat.domain.meter;

import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.shared.CubicMeters;
import org.sutahsilat.domain.shared.DomainException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/** The outcome of the reading rules: an accepted reading to post, or a rejection that says why. */
public sealed interface ReadingEvaluation {

    boolean isAccepted();

    /** The accepted reading, or the rejection as a {@link DomainException}. */
    Accepted orThrow();

    /**
     * A reading to post.
     *
     * @param meterId       the meter the index was read on (the current meter)
     * @param index         the index to store: the one read, or for an estimate the previous index advanced by it
     * @param consumption   the m³ to bill for this period (never negative)
     * @param overBilled    m³ the estimates since the last real reading billed beyond what the meter shows; zero
     *                      unless {@link ReadingFlag#OVER_ESTIMATED}. Billing credits it; it is not subtracted from
     *                      later consumption here
     * @param recentAverage the average monthly consumption the flags and the estimate used (scale 2, half-up; 0.00
     *                      without history)
     * @param averageMonths how many ACTUAL readings that average covers (0: no history)
     */
    record Accepted(long meterId, BillingPeriod period, LocalDate readingDate, long index, ReadingKind kind,
                    CubicMeters consumption, CubicMeters overBilled, EnumSet<ReadingFlag> flags,
                    BigDecimal recentAverage, int averageMonths) implements ReadingEvaluation {

        public Accepted {
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(readingDate, "readingDate");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(consumption, "consumption");
            Objects.requireNonNull(overBilled, "overBilled");
            Objects.requireNonNull(recentAverage, "recentAverage");
            flags = EnumSet.copyOf(flags);
        }

        /** A copy: the evaluation stays immutable. */
        @Override
        public EnumSet<ReadingFlag> flags() {
            return EnumSet.copyOf(flags);
        }

        public boolean has(ReadingFlag flag) {
            return flags.contains(flag);
        }

        /** The value of the {@code reading.flags} column. */
        public String flagsText() {
            return ReadingFlag.format(flags);
        }

        @Override
        public boolean isAccepted() {
            return true;
        }

        @Override
        public Accepted orThrow() {
            return this;
        }
    }

    /** A reading refused, with a message key for the UI bundles, an English text and the key's arguments. */
    record Rejected(String messageKey, String message, List<Object> arguments) implements ReadingEvaluation {

        public Rejected {
            Objects.requireNonNull(messageKey, "messageKey");
            Objects.requireNonNull(message, "message");
            arguments = List.copyOf(arguments);
        }

        static Rejected of(String messageKey, String message, Object... arguments) {
            return new Rejected(messageKey, message, Arrays.asList(arguments));
        }

        public DomainException toException() {
            return new DomainException(messageKey, message, arguments.toArray());
        }

        @Override
        public boolean isAccepted() {
            return false;
        }

        @Override
        public Accepted orThrow() {
            throw toException();
        }
    }
}
