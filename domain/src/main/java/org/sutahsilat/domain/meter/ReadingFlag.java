package org.sutahsilat.domain.meter;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Why a reading deserves a second look, or how its consumption was obtained. A flagged reading is kept and
 * billed; the flags are stored in {@code reading.flags} as a comma-separated list of these names.
 */
public enum ReadingFlag {
    /** The meter did not move since the base reading (or the estimate is 0 m³). */
    ZERO,
    /** Monthly consumption above the recent average × the policy's high factor. */
    HIGH,
    /** Monthly consumption below the recent average ÷ the policy's low factor. */
    LOW,
    /** The dial passed 99…9 and started again at 0. */
    ROLLOVER,
    /** A meter was replaced since the last reading: the consumption adds the removed meter's tail. */
    REPLACEMENT,
    /** The first reading of a meter: the previous index is its initial index. */
    FIRST_READING,
    /** Not read: the consumption is the recent average. */
    ESTIMATED,
    /** A real reading after estimates: the estimates' consumption was subtracted. */
    TRUE_UP,
    /** The true-up found that the estimates billed more than was used; see the over-billed quantity. */
    OVER_ESTIMATED,
    /** The reading date is far from its period (too long before its start, or after its end). */
    STALE_DATE;

    /** The comma-separated names, in declaration order; {@code null} for no flag (the column is nullable). */
    public static String format(Set<ReadingFlag> flags) {
        if (flags == null || flags.isEmpty()) {
            return null;
        }
        return EnumSet.copyOf(flags).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    /** The inverse of {@link #format(Set)}; blank or {@code null} gives an empty set. */
    public static EnumSet<ReadingFlag> parse(String text) {
        EnumSet<ReadingFlag> flags = EnumSet.noneOf(ReadingFlag.class);
        if (text == null || text.isBlank()) {
            return flags;
        }
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                flags.add(valueOf(part.trim().toUpperCase(Locale.ROOT)));
            }
        }
        return flags;
    }
}
