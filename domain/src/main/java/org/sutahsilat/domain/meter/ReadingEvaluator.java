package org.sutahsilat.domain.meter;

import org.sutahsilat.domain.meter.ReadingEvaluation.Accepted;
import org.sutahsilat.domain.meter.ReadingEvaluation.Rejected;
import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.shared.CubicMeters;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * The reading rules of domain.md ("Reading rules"): turns a new meter index into the consumption to bill, with
 * flags for review, or rejects it with a reason. Pure and thread-safe: no database, no clock, no CDI.
 *
 * <h2>Real reading ({@link #evaluate})</h2>
 * <ol>
 * <li><b>Base.</b> The previous index is the last ACTUAL reading on the current meter (or on the meter removed since
 * the last reading); without one, the initial index of that meter (a new meter's first reading:
 * {@link ReadingFlag#FIRST_READING}). Estimated indexes are never the base.</li>
 * <li><b>Consumption</b> = current − previous. If current &lt; previous, it is a rollover
 * ({@link ReadingFlag#ROLLOVER}, consumption = 10^digits − previous + current) only if the previous index lies in
 * the top {@link ReadingPolicy#rolloverNearPercent()}% of the dial and that consumption is at most
 * {@link ReadingPolicy#maxMonthlyConsumption()} × the months since the base reading; otherwise the reading is
 * rejected and the message says which of the two failed.</li>
 * <li><b>Replacement</b> since the last reading ({@link ReadingFlag#REPLACEMENT}): consumption = (removed meter's
 * final index − previous) + (current − new meter's initial index), each part with the rollover rule on its own
 * dial. A current index lower than the previous one is then normal: it is on another meter.</li>
 * <li><b>True-up</b> ({@link ReadingFlag#TRUE_UP}): when estimates were billed since the base, consumption =
 * (current − last real index) − what those estimates billed. When the estimates billed more than the meter shows,
 * the consumption is 0 (it is never negative, as in the database) and the excess is reported as
 * {@link Accepted#overBilled()} with {@link ReadingFlag#OVER_ESTIMATED}, for billing to credit; it is not carried
 * into later readings.</li>
 * </ol>
 *
 * <h2>Estimate ({@link #estimate}): no access, broken meter</h2>
 * The consumption is the average of the recent ACTUAL months rounded half-up to a whole m³ (0 without history), the
 * kind ESTIMATED ({@link ReadingFlag#ESTIMATED}), and the stored index is the current meter's last index (of any
 * kind) advanced by it, wrapping at 10^digits. An estimate is refused while a replacement is pending: the fitter
 * has just seen the new meter, so it must be read.
 *
 * <h2>Average and flags</h2>
 * <ul>
 * <li>The recent average is the mean consumption of the last {@link ReadingPolicy#averageMonths()} ACTUAL readings
 * of the subscriber (any meter) that are not true-ups (a true-up's consumption is a remainder, not a month's use).</li>
 * <li>{@link ReadingFlag#ZERO}: the meter did not move since the base (or the estimate is 0 m³).</li>
 * <li>{@link ReadingFlag#HIGH} / {@link ReadingFlag#LOW}: the monthly consumption (meter movement ÷ months since the
 * base, so a true-up or a skipped month is compared fairly) is strictly above average × high factor / strictly
 * below average ÷ low factor. Judged only with at least {@link ReadingPolicy#minimumMonthsForFlags()} months in the
 * average and a positive average; never on estimates. Zero consumption with a positive average is also LOW.</li>
 * <li>{@link ReadingFlag#STALE_DATE}: the reading date is more than {@link ReadingPolicy#maxDaysBeforePeriod()} days
 * before the period's first day or more than {@link ReadingPolicy#maxDaysAfterPeriod()} days after its last day.</li>
 * </ul>
 *
 * <h2>Rejections (message keys)</h2>
 * {@code error.reading.indexOutOfRange}, {@code error.reading.lowerIndex}, {@code error.reading.finalIndexLower},
 * {@code error.reading.rolloverImplausible}, {@code error.reading.replacementMissing},
 * {@code error.reading.replacementAlreadyCounted}, {@code error.reading.periodNotAfterPrevious},
 * {@code error.reading.dateBeforePrevious}, {@code error.reading.estimateAfterReplacement}.
 */
public final class ReadingEvaluator {

    private final ReadingPolicy policy;

    public ReadingEvaluator(ReadingPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public ReadingPolicy policy() {
        return policy;
    }

    /** A real index read on the current meter for {@code period}. */
    public ReadingEvaluation evaluate(MeterHistory history, BillingPeriod period, LocalDate readingDate, long index) {
        Rejected wrongSequence = checkSequence(history, period, readingDate);
        if (wrongSequence != null) {
            return wrongSequence;
        }
        MeterView meter = history.currentMeter();
        if (index < 0 || index >= meter.capacity()) {
            return Rejected.of("error.reading.indexOutOfRange",
                    "index " + index + " does not fit the " + meter.dialDigits() + "-digit dial of meter " + meter.id(),
                    index, meter.dialDigits(), meter.id());
        }
        MeterView removed = history.removedMeter().orElse(null);
        List<ReadingEntry> own = history.readings().stream()
                .filter(r -> r.meterId() == meter.id() || (removed != null && r.meterId() == removed.id()))
                .toList();
        ReadingEntry lastReal = own.stream().filter(ReadingEntry::isActual).max(MeterHistory.CHRONOLOGICAL)
                .orElse(null);
        List<ReadingEntry> estimates = own.stream()
                .filter(r -> !r.isActual() && (lastReal == null || r.period().compareTo(lastReal.period()) > 0))
                .toList();
        MeterView baseMeter = lastReal != null
                ? (lastReal.meterId() == meter.id() ? meter : removed)
                : (removed != null ? removed : meter);
        long previous = lastReal != null ? lastReal.index() : baseMeter.initialIndex();
        long months = lastReal != null ? monthsBetween(lastReal.period(), period) : estimates.size() + 1L;

        EnumSet<ReadingFlag> flags = EnumSet.noneOf(ReadingFlag.class);
        if (own.stream().noneMatch(r -> r.meterId() == meter.id())) {
            flags.add(ReadingFlag.FIRST_READING);
        }
        long movement;
        if (removed != null) {
            Step tail = advance("final index " + removed.finalIndex() + " of removed meter " + removed.id(),
                    "error.reading.finalIndexLower", previous, removed.finalIndex(), removed, months);
            if (tail.rejection != null) {
                return tail.rejection;
            }
            Step head = advance("current index " + index, "error.reading.lowerIndex", meter.initialIndex(), index,
                    meter, months);
            if (head.rejection != null) {
                return head.rejection;
            }
            movement = tail.m3 + head.m3;
            flags.add(ReadingFlag.REPLACEMENT);
            if (tail.rolled || head.rolled) {
                flags.add(ReadingFlag.ROLLOVER);
            }
        } else {
            Step step = advance("current index " + index, "error.reading.lowerIndex", previous, index, meter, months);
            if (step.rejection != null) {
                return step.rejection;
            }
            movement = step.m3;
            if (step.rolled) {
                flags.add(ReadingFlag.ROLLOVER);
            }
        }

        long billedByEstimates = estimates.stream().mapToLong(r -> r.consumption().value()).sum();
        long consumption = Math.max(0, movement - billedByEstimates);
        long overBilled = Math.max(0, billedByEstimates - movement);
        if (!estimates.isEmpty()) {
            flags.add(ReadingFlag.TRUE_UP);
        }
        if (overBilled > 0) {
            flags.add(ReadingFlag.OVER_ESTIMATED);
        }
        if (movement == 0) {
            flags.add(ReadingFlag.ZERO);
        }
        Average average = average(history);
        judge(movement, months, average, flags);
        flagDate(period, readingDate, flags);
        return new Accepted(meter.id(), period, readingDate, index, ReadingKind.ACTUAL, CubicMeters.of(consumption),
                CubicMeters.of(overBilled), flags, average.display(), average.count);
    }

    /** An estimated reading for {@code period}: no access or a broken meter. */
    public ReadingEvaluation estimate(MeterHistory history, BillingPeriod period, LocalDate readingDate) {
        Rejected wrongSequence = checkSequence(history, period, readingDate);
        if (wrongSequence != null) {
            return wrongSequence;
        }
        MeterView meter = history.currentMeter();
        if (history.removedMeter().isPresent()) {
            long removedId = history.removedMeter().get().id();
            return Rejected.of("error.reading.estimateAfterReplacement",
                    "meter " + removedId + " was replaced by meter " + meter.id()
                            + " since the last reading: read the new meter instead of estimating",
                    removedId, meter.id());
        }
        Average average = average(history);
        long estimate = average.rounded();
        long previous = history.readings().stream().filter(r -> r.meterId() == meter.id())
                .max(MeterHistory.CHRONOLOGICAL).map(ReadingEntry::index).orElse(meter.initialIndex());
        long advanced = previous + estimate;
        EnumSet<ReadingFlag> flags = EnumSet.of(ReadingFlag.ESTIMATED);
        if (advanced >= meter.capacity()) {
            flags.add(ReadingFlag.ROLLOVER);
        }
        if (estimate == 0) {
            flags.add(ReadingFlag.ZERO);
        }
        flagDate(period, readingDate, flags);
        return new Accepted(meter.id(), period, readingDate, advanced % meter.capacity(), ReadingKind.ESTIMATED,
                CubicMeters.of(estimate), CubicMeters.ZERO, flags, average.display(), average.count);
    }

    /** The recent average the rules would use now (for the reader's "unusual value" warning). */
    public BigDecimal recentAverage(MeterHistory history) {
        return average(history).display();
    }

    private Rejected checkSequence(MeterHistory history, BillingPeriod period, LocalDate readingDate) {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(readingDate, "readingDate");
        ReadingEntry last = history.lastReading().orElse(null);
        if (last == null) {
            return null;
        }
        MeterView meter = history.currentMeter();
        MeterView removed = history.removedMeter().orElse(null);
        if (removed != null && last.meterId() == meter.id()) {
            return Rejected.of("error.reading.replacementAlreadyCounted",
                    "the replacement of meter " + removed.id() + " is already counted: the new meter " + meter.id()
                            + " was read in " + last.period(),
                    removed.id(), meter.id(), last.period().toString());
        }
        if (last.meterId() != meter.id() && (removed == null || last.meterId() != removed.id())) {
            return Rejected.of("error.reading.replacementMissing",
                    "the last reading (" + last.period() + ") was taken on meter " + last.meterId()
                            + ", not on the current meter " + meter.id() + ", and no replacement of meter "
                            + last.meterId() + " is recorded",
                    last.period().toString(), last.meterId(), meter.id());
        }
        if (period.compareTo(last.period()) <= 0) {
            return Rejected.of("error.reading.periodNotAfterPrevious",
                    "period " + period + " is not after the last reading's period " + last.period(),
                    period.toString(), last.period().toString());
        }
        if (readingDate.isBefore(last.readingDate())) {
            return Rejected.of("error.reading.dateBeforePrevious",
                    "reading date " + readingDate + " is before the last reading's date " + last.readingDate(),
                    readingDate, last.readingDate());
        }
        return null;
    }

    /** The m³ from {@code from} to {@code to} on one dial, with the rollover rule; {@code what} names {@code to}. */
    private Step advance(String what, String lowerKey, long from, long to, MeterView meter, long months) {
        if (to >= from) {
            return new Step(to - from, false, null);
        }
        long capacity = meter.capacity();
        long implied = capacity - from + to;
        // near: capacity − from ≤ capacity × percent / 100, in BigDecimal so that an 18-digit dial cannot overflow
        boolean near = BigDecimal.valueOf(capacity - from).multiply(BigDecimal.valueOf(100))
                .compareTo(BigDecimal.valueOf(capacity).multiply(BigDecimal.valueOf(policy.rolloverNearPercent()))) <= 0;
        if (!near) {
            return new Step(0, false, Rejected.of(lowerKey,
                    what + " is lower than previous " + from + " and the meter (" + meter.dialDigits()
                            + " digits) is not near its rollover",
                    to, from, meter.dialDigits()));
        }
        BigDecimal allowed = BigDecimal.valueOf(policy.maxMonthlyConsumption()).multiply(BigDecimal.valueOf(months));
        if (BigDecimal.valueOf(implied).compareTo(allowed) > 0) {
            return new Step(0, false, Rejected.of("error.reading.rolloverImplausible",
                    what + " is lower than previous " + from + ": a rollover of the " + meter.dialDigits()
                            + "-digit dial would mean " + implied + " m³ in " + months + " month(s), more than the "
                            + "plausible " + policy.maxMonthlyConsumption() + " m³ a month",
                    to, from, meter.dialDigits(), implied, months, policy.maxMonthlyConsumption()));
        }
        return new Step(implied, true, null);
    }

    private Average average(MeterHistory history) {
        List<ReadingEntry> recent = history.readings().stream()
                .filter(r -> r.isActual() && !r.has(ReadingFlag.TRUE_UP))
                .sorted(MeterHistory.CHRONOLOGICAL.reversed())
                .limit(policy.averageMonths())
                .toList();
        return new Average(recent.size(), recent.stream().mapToLong(r -> r.consumption().value()).sum());
    }

    /** HIGH / LOW on the monthly movement, compared exactly (cross-multiplied, no division). */
    private void judge(long movement, long months, Average average, EnumSet<ReadingFlag> flags) {
        if (average.count < policy.minimumMonthsForFlags() || average.sum == 0) {
            return;
        }
        // monthly = movement / months, average = sum / count
        BigDecimal monthlyTimesCount = BigDecimal.valueOf(movement).multiply(BigDecimal.valueOf(average.count));
        BigDecimal sumTimesMonths = BigDecimal.valueOf(average.sum).multiply(BigDecimal.valueOf(months));
        // monthly > average × high  ⇔  movement × count > sum × months × high
        if (monthlyTimesCount.compareTo(sumTimesMonths.multiply(policy.highFactor())) > 0) {
            flags.add(ReadingFlag.HIGH);
        }
        // monthly < average ÷ low  ⇔  movement × count × low < sum × months
        if (monthlyTimesCount.multiply(policy.lowFactor()).compareTo(sumTimesMonths) < 0) {
            flags.add(ReadingFlag.LOW);
        }
    }

    private void flagDate(BillingPeriod period, LocalDate readingDate, EnumSet<ReadingFlag> flags) {
        LocalDate earliest = period.month().atDay(1).minusDays(policy.maxDaysBeforePeriod());
        LocalDate latest = period.month().atEndOfMonth().plusDays(policy.maxDaysAfterPeriod());
        if (readingDate.isBefore(earliest) || readingDate.isAfter(latest)) {
            flags.add(ReadingFlag.STALE_DATE);
        }
    }

    private static long monthsBetween(BillingPeriod from, BillingPeriod to) {
        return Math.max(1, ChronoUnit.MONTHS.between(from.month(), to.month()));
    }

    private record Step(long m3, boolean rolled, Rejected rejection) {
    }

    private record Average(int count, long sum) {

        /** Half-up to a whole m³; 0 without history. */
        long rounded() {
            return count == 0 ? 0 : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 0, RoundingMode.HALF_UP)
                    .longValueExact();
        }

        BigDecimal display() {
            return count == 0 ? BigDecimal.ZERO.setScale(2)
                    : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
        }
    }
}
