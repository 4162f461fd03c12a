package org.sutahsilat.domain.meter;

import org.sutahsilat.domain.shared.DomainException;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The configurable thresholds of the reading rules (an institution setting; {@link #defaults()} otherwise).
 *
 * @param highFactor            flag {@link ReadingFlag#HIGH} when the monthly consumption is above average × this
 * @param lowFactor             flag {@link ReadingFlag#LOW} when the monthly consumption is below average ÷ this
 * @param averageMonths         how many of the most recent ACTUAL readings make the average (estimates and flags)
 * @param minimumMonthsForFlags HIGH and LOW are only judged with at least this many ACTUAL readings in the average
 * @param rolloverNearPercent   a lower index is a rollover only if the previous index lies in the top
 *                              this-percent of the dial (e.g. 10: at least 90 000 on a 5-digit dial)
 * @param maxMonthlyConsumption the most a subscriber can plausibly use in a month, in m³; a rollover implying
 *                              more than this × the months covered is rejected
 * @param maxDaysBeforePeriod   flag {@link ReadingFlag#STALE_DATE} when the reading date is more than this many
 *                              days before the first day of its period
 * @param maxDaysAfterPeriod    flag {@link ReadingFlag#STALE_DATE} when the reading date is more than this many
 *                              days after the last day of its period
 */
public record ReadingPolicy(BigDecimal highFactor, BigDecimal lowFactor, int averageMonths, int minimumMonthsForFlags,
                            int rolloverNearPercent, long maxMonthlyConsumption, int maxDaysBeforePeriod,
                            int maxDaysAfterPeriod) {

    public ReadingPolicy {
        Objects.requireNonNull(highFactor, "highFactor");
        Objects.requireNonNull(lowFactor, "lowFactor");
        if (highFactor.compareTo(BigDecimal.ONE) < 0 || lowFactor.compareTo(BigDecimal.ONE) < 0) {
            throw invalid("the high and low factors must be at least 1");
        }
        if (averageMonths < 1 || minimumMonthsForFlags < 1) {
            throw invalid("the average needs at least one month");
        }
        if (rolloverNearPercent < 0 || rolloverNearPercent > 100) {
            throw invalid("rolloverNearPercent must be between 0 and 100");
        }
        if (maxMonthlyConsumption < 1 || maxDaysBeforePeriod < 0 || maxDaysAfterPeriod < 0) {
            throw invalid("maxMonthlyConsumption must be positive and the day limits not negative");
        }
    }

    /**
     * ×3 / ÷3 of the average of the last 6 ACTUAL months, judged from 3 months of history; a rollover only from
     * the top 10% of the dial and up to 1000 m³ a month; a reading date at most 45 days before its period and
     * not after its end.
     */
    public static ReadingPolicy defaults() {
        return new ReadingPolicy(BigDecimal.valueOf(3), BigDecimal.valueOf(3), 6, 3, 10, 1000, 45, 0);
    }

    public ReadingPolicy withFactors(BigDecimal high, BigDecimal low) {
        return new ReadingPolicy(high, low, averageMonths, minimumMonthsForFlags, rolloverNearPercent,
                maxMonthlyConsumption, maxDaysBeforePeriod, maxDaysAfterPeriod);
    }

    public ReadingPolicy withRollover(int nearPercent, long maxMonthly) {
        return new ReadingPolicy(highFactor, lowFactor, averageMonths, minimumMonthsForFlags, nearPercent, maxMonthly,
                maxDaysBeforePeriod, maxDaysAfterPeriod);
    }

    private static DomainException invalid(String why) {
        return new DomainException("error.readingPolicy.invalid", "invalid reading policy: " + why);
    }
}
