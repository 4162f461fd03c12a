package org.sutahsilat.domain.meter;

import org.junit.jupiter.api.Test;
import org.sutahsilat.domain.meter.ReadingEvaluation.Accepted;
import org.sutahsilat.domain.meter.ReadingEvaluation.Rejected;
import org.sutahsilat.domain.shared.BillingPeriod;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated sequences of readings, estimates and meter replacements against the reading rules (seeded, so a
 * failure repeats; the seed and the case are in the assertion message).
 */
class ReadingRulesPropertyTest {

    private static final long SEED = 20261128L;

    private final ReadingEvaluator rules = new ReadingEvaluator(ReadingPolicy.defaults());

    /** One month of a subscriber: water used, whether the reader got in, whether the meter was replaced. */
    record Month(int used, boolean access, boolean replaced, int usedBeforeReplacement, int newInitialIndex) {
    }

    static List<Month> randomYears(Random random) {
        int size = 1 + random.nextInt(36);
        List<Month> months = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int used = random.nextInt(61);
            months.add(new Month(used, random.nextInt(100) < 70, random.nextInt(100) < 5,
                    Math.min(random.nextInt(61), used), random.nextInt(10_000)));
        }
        return months;
    }

    /**
     * Whatever the mix of real readings, estimates, rollovers of a 4-digit dial and replacements, once the last
     * month is really read: Σ billed consumption − Σ over-billed m³ = Σ water that went through the meters.
     * (At most 5 estimates in a row and ≤ 60 m³ a month keep every rollover within the plausible maximum.)
     */
    @Test
    void billedMinusCreditedEqualsWaterUsed() {
        Random random = new Random(SEED);
        for (int run = 0; run < 300; run++) {
            billedMinusCreditedEqualsWaterUsed(randomYears(random), random.nextInt(10_000));
        }
    }

    private void billedMinusCreditedEqualsWaterUsed(List<Month> months, int firstInitialIndex) {
        long meterId = 1;
        MeterView meter = MeterView.installed(meterId, 4, firstInitialIndex);
        long trueIndex = firstInitialIndex;
        List<ReadingEntry> history = new ArrayList<>();
        BillingPeriod period = BillingPeriod.of(2024, 1);
        long used = 0;
        long billed = 0;
        long credited = 0;
        int estimatesInARow = 0;
        for (int i = 0; i < months.size(); i++) {
            Month m = months.get(i);
            used += m.used();
            boolean last = i == months.size() - 1;
            ReadingEvaluation e;
            if (m.replaced()) {
                // the old meter turns until the replacement, the new one from its initial index after it
                long finalIndex = (trueIndex + m.usedBeforeReplacement()) % meter.capacity();
                MeterView removed = MeterView.removed(meter.id(), 4, meter.initialIndex(), finalIndex);
                meter = MeterView.installed(++meterId, 4, m.newInitialIndex());
                trueIndex = (meter.initialIndex() + m.used() - m.usedBeforeReplacement()) % meter.capacity();
                e = rules.evaluate(MeterHistory.afterReplacement(removed, meter, history), period, period.day(15),
                        trueIndex);
            } else {
                trueIndex = (trueIndex + m.used()) % meter.capacity();
                boolean estimate = !m.access() && !last && estimatesInARow < 5;
                MeterHistory h = MeterHistory.of(meter, history);
                e = estimate ? rules.estimate(h, period, period.day(15))
                        : rules.evaluate(h, period, period.day(15), trueIndex);
            }
            assertThat(e).as("month %d: %s", i, e).isInstanceOf(Accepted.class);
            Accepted a = (Accepted) e;
            estimatesInARow = a.kind() == ReadingKind.ESTIMATED ? estimatesInARow + 1 : 0;
            billed += a.consumption().value();
            credited += a.overBilled().value();
            assertThat(a.index()).isBetween(0L, meter.capacity() - 1);
            if (a.kind() == ReadingKind.ACTUAL) {
                assertThat(a.index()).isEqualTo(trueIndex);
            }
            history.add(ReadingEntry.of(a));
            period = period.next();
        }
        assertThat(billed - credited).as("months %s, first index %d", months, firstInitialIndex).isEqualTo(used);
    }

    /** A higher index is always current − previous; a lower one is a plausible rollover or a rejection. */
    @Test
    void lowerIndexIsAPlausibleRolloverOrRejected() {
        Random random = new Random(SEED);
        for (int run = 0; run < 2_000; run++) {
            int digits = 1 + random.nextInt(9);
            long capacity = (long) Math.pow(10, digits);
            // half the cases start near the top of the dial, where rollovers are plausible
            long previous = random.nextBoolean() ? capacity - 1 - random.nextInt((int) Math.max(1, capacity / 10))
                    : random.nextInt(1_000_000_000) % capacity;
            long current = random.nextInt(1_000_000_000) % capacity;
            lowerIndexIsAPlausibleRolloverOrRejected(digits, previous, current);
        }
    }

    private void lowerIndexIsAPlausibleRolloverOrRejected(int digits, long previous, long current) {
        MeterView meter = MeterView.installed(1, digits, 0);
        BillingPeriod feb = BillingPeriod.of(2026, 2);
        MeterHistory h = MeterHistory.of(meter,
                List.of(ReadingEntry.actual(1, feb, feb.day(15), previous, 10)));
        ReadingEvaluation e = rules.evaluate(h, feb.next(), feb.next().day(15), current);
        if (current >= previous) {
            assertThat(e.orThrow().consumption().value()).isEqualTo(current - previous);
            assertThat(e.orThrow().flags()).doesNotContain(ReadingFlag.ROLLOVER);
        } else if (e instanceof Accepted a) {
            long implied = meter.capacity() - previous + current;
            assertThat(a.consumption().value()).isEqualTo(implied).isLessThanOrEqualTo(1_000);
            assertThat(a.flags()).contains(ReadingFlag.ROLLOVER);
            assertThat((meter.capacity() - previous) * 10).isLessThanOrEqualTo(meter.capacity());
        } else {
            assertThat(((Rejected) e).messageKey())
                    .isIn("error.reading.lowerIndex", "error.reading.rolloverImplausible");
        }
    }
}
