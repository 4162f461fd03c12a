package org.sutahsilat.domain.meter;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Set;

/**
 * One subscriber of a reading route as the reader sees it: who (masked name), where, which meter, what was read
 * last time, and whether the period is already read.
 *
 * @param previousIndex   the index the new reading is compared with: the last reading's on the installed meter, or
 *                        the meter's initial index; {@code null} without an installed meter
 * @param previousDate    the date of the last reading; {@code null} without one
 * @param lastConsumption the consumption of the last reading (m³); {@code null} without one
 * @param readIndex       the index of the period's reading when it is already read, else {@code null}
 * @param readFlags       that reading's flags
 */
public record RouteStop(long subscriberId, String subscriberNo, String maskedName, String address,
                        Integer routeOrder, Status status, String meterSerial, Long previousIndex,
                        LocalDate previousDate, Long lastConsumption, Long readIndex, Long readConsumption,
                        ReadingKind readKind, Set<ReadingFlag> readFlags) implements Serializable {

    /** Where the subscriber stands for the period. */
    public enum Status {
        TO_READ, READ, CLOSED, NO_METER
    }

    public RouteStop {
        readFlags = readFlags == null ? Set.of() : Set.copyOf(readFlags);
    }

    public boolean isRead() {
        return status == Status.READ;
    }

    public boolean isReadable() {
        return status == Status.TO_READ;
    }
}
