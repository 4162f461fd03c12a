package org.sutahsilat.domain.shared;

import java.io.Serializable;
import java.math.BigDecimal;

/** A whole number of cubic meters (meters are read in whole m³). Never negative. */
public record CubicMeters(long value) implements Comparable<CubicMeters>, Serializable {

    public static final CubicMeters ZERO = new CubicMeters(0);

    public CubicMeters {
        if (value < 0) {
            throw new DomainException("error.cubicMeters.negative", "consumption cannot be negative: " + value, value);
        }
    }

    public static CubicMeters of(long value) {
        return new CubicMeters(value);
    }

    public CubicMeters plus(CubicMeters other) {
        return new CubicMeters(Math.addExact(value, other.value));
    }

    /** This minus other, never below zero. */
    public CubicMeters minusFloored(CubicMeters other) {
        return new CubicMeters(Math.max(0, value - other.value));
    }

    public BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(value);
    }

    @Override
    public int compareTo(CubicMeters o) {
        return Long.compare(value, o.value);
    }

    @Override
    public String toString() {
        return value + " m³";
    }
}
