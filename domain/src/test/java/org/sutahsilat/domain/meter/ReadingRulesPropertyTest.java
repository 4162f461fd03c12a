package org.sutahsilat.domain.meter;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.sutahsilat.domain.meter.ReadingEvaluation.Accepted;
import org.sutahsilat.domain.meter.ReadingEvaluation.Rejected;
import org.sutahsilat.domain.shared.BillingPeriod;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Generated sequences of readings, estimates and meter replacements against the reading rules. */
class ReadingRulesPropertyTest {

    private final ReadingEvaluator rules = new ReadingEvaluator(ReadingPolicy.defaults());

    /** One month of a subscriber: water used, whether the reader got in, whether the meter was replaced. */
    record Month(int used, boolean access, boolean replaced, int usedBeforeReplacement, int newInitialIndex) {
    }

    @Provide
    Arbitrary<List<Month>> years() {
        Arbitrary<Month> month = Combinators.combine(
                Arbitraries.integers().between(0, 60),
                Arbitraries.integers().between(0, 99).map(p -> p < 70),
                Arbitraries.integers().between(0, 99).map(p -> p < 5),
                Arbitraries.integers().between(0, 60),
                Arbitraries.integers().between(0, 9_999)
        ).as((used, access, replaced, before, initial) -> new Month(used, access, replaced, Math.min(before, used),
                initial));
        return month.list().ofMinSize(1).ofMaxSize(36);
    }

    /**
     * Whatever the mix of real readings, estimates, rollovers of a 4-digit dial and replacements, once the last
     * month is really read: Σ billed consumption − Σ over-billed m³ = Σ water that went through the meters.
     * (At most 5 estimates in a row and ≤ 60 m³ a month keep every rollover within the plausible maximum.)
     */
    @Property(tries = 300)
    void billedMinusCreditedEqualsWaterUsed(@ForAll("years") List<Month> months,
                                            @ForAll @IntRange(min = 0, max = 9_999) int firstInitialIndex) {
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
        assertThat(billed - credited).isEqualTo(used);
    }

    /** A higher index is always current − previous; a lower one is a plausible rollover or a rejection. */
    @Property(tries = 500)
    void lowerIndexIsAPlausibleRolloverOrRejected(@ForAll @IntRange(min = 1, max = 9) int digits,
                                                  @ForAll @IntRange(min = 0, max = 999_999_999) int previousSeed,
                                                  @ForAll @IntRange(min = 0, max = 999_999_999) int currentSeed) {
        MeterView meter = MeterView.installed(1, digits, 0);
        long previous = previousSeed % meter.capacity();
        long current = currentSeed % meter.capacity();
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
