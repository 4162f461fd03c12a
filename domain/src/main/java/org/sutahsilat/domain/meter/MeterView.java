package org.sutahsilat.domain.meter;

import org.sutahsilat.domain.shared.DomainException;

/**
 * What the reading rules need of a meter: its id, dial and the indexes it was installed and removed with.
 *
 * @param finalIndex the index read when the meter was removed; {@code null} while it is installed
 */
public record MeterView(long id, int dialDigits, long initialIndex, Long finalIndex) {

    public MeterView {
        if (dialDigits < 1 || dialDigits > 18) {
            throw new DomainException("error.meter.dialDigits", "a meter has 1 to 18 dial digits, not " + dialDigits,
                    dialDigits);
        }
        long capacity = capacity(dialDigits);
        if (initialIndex < 0 || initialIndex >= capacity) {
            throw new DomainException("error.meter.indexOutOfRange",
                    "initial index " + initialIndex + " does not fit a " + dialDigits + "-digit dial", initialIndex,
                    dialDigits);
        }
        if (finalIndex != null && (finalIndex < 0 || finalIndex >= capacity)) {
            throw new DomainException("error.meter.indexOutOfRange",
                    "final index " + finalIndex + " does not fit a " + dialDigits + "-digit dial", finalIndex,
                    dialDigits);
        }
    }

    public static MeterView installed(long id, int dialDigits, long initialIndex) {
        return new MeterView(id, dialDigits, initialIndex, null);
    }

    public static MeterView removed(long id, int dialDigits, long initialIndex, long finalIndex) {
        return new MeterView(id, dialDigits, initialIndex, finalIndex);
    }

    /** The view of a stored meter (it must have an id). */
    public static MeterView of(Meter meter) {
        if (meter.getId() == null) {
            throw new IllegalArgumentException("the meter is not stored yet");
        }
        return new MeterView(meter.getId(), meter.getDialDigits(), meter.getInitialIndex(), meter.getFinalIndex());
    }

    /** 10^dialDigits: the index after 99…9 is 0. */
    public long capacity() {
        return capacity(dialDigits);
    }

    public boolean isRemoved() {
        return finalIndex != null;
    }

    private static long capacity(int digits) {
        long c = 1;
        for (int i = 0; i < digits; i++) {
            c *= 10;
        }
        return c;
    }
}
