package org.sutahsilat.domain.meter;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.sutahsilat.domain.meter.ReadingEvaluation.Accepted;
import org.sutahsilat.domain.meter.ReadingEvaluation.Rejected;
import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.shared.CubicMeters;
import org.sutahsilat.domain.shared.DomainException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sutahsilat.domain.meter.ReadingFlag.ESTIMATED;
import static org.sutahsilat.domain.meter.ReadingFlag.FIRST_READING;
import static org.sutahsilat.domain.meter.ReadingFlag.HIGH;
import static org.sutahsilat.domain.meter.ReadingFlag.LOW;
import static org.sutahsilat.domain.meter.ReadingFlag.OVER_ESTIMATED;
import static org.sutahsilat.domain.meter.ReadingFlag.REPLACEMENT;
import static org.sutahsilat.domain.meter.ReadingFlag.ROLLOVER;
import static org.sutahsilat.domain.meter.ReadingFlag.STALE_DATE;
import static org.sutahsilat.domain.meter.ReadingFlag.TRUE_UP;
import static org.sutahsilat.domain.meter.ReadingFlag.ZERO;

/** Hand-computed cases of the reading rules with {@link ReadingPolicy#defaults()}; the arithmetic is in the comments. */
class ReadingEvaluatorTest {

    private static final long OLD = 7;
    private static final long NEW = 9;
    private static final BillingPeriod JAN = BillingPeriod.of(2026, 1);
    private static final BillingPeriod FEB = BillingPeriod.of(2026, 2);
    private static final BillingPeriod MAR = BillingPeriod.of(2026, 3);
    private static final BillingPeriod APR = BillingPeriod.of(2026, 4);
    private static final BillingPeriod MAY = BillingPeriod.of(2026, 5);
    private static final BillingPeriod JUN = BillingPeriod.of(2026, 6);

    private final ReadingEvaluator rules = new ReadingEvaluator(ReadingPolicy.defaults());
    private final MeterView fiveDigits = MeterView.installed(NEW, 5, 0);

    /** Sep 2025 … Feb 2026 on a 5-digit meter: 10, 12, 14, 9, 11, 16 m³ = 72 m³, average 72 ÷ 6 = 12 m³. */
    private static List<ReadingEntry> sixMonths() {
        return List.of(
                ReadingEntry.actual(NEW, BillingPeriod.of(2025, 9), LocalDate.of(2025, 9, 15), 1010, 10),
                ReadingEntry.actual(NEW, BillingPeriod.of(2025, 10), LocalDate.of(2025, 10, 15), 1022, 12),
                ReadingEntry.actual(NEW, BillingPeriod.of(2025, 11), LocalDate.of(2025, 11, 15), 1036, 14),
                ReadingEntry.actual(NEW, BillingPeriod.of(2025, 12), LocalDate.of(2025, 12, 15), 1045, 9),
                ReadingEntry.actual(NEW, JAN, LocalDate.of(2026, 1, 15), 1056, 11),
                ReadingEntry.actual(NEW, FEB, LocalDate.of(2026, 2, 15), 1072, 16));
    }

    private MeterHistory sixMonthHistory() {
        return MeterHistory.of(fiveDigits, sixMonths());
    }

    private static LocalDate mid(BillingPeriod p) {
        return p.day(15);
    }

    private Accepted read(MeterHistory h, BillingPeriod p, long index) {
        ReadingEvaluation e = rules.evaluate(h, p, mid(p), index);
        assertThat(e).isInstanceOf(Accepted.class);
        return (Accepted) e;
    }

    private Rejected rejected(ReadingEvaluation e) {
        assertThat(e).isInstanceOf(Rejected.class);
        return (Rejected) e;
    }

    private static MeterHistory oneReading(MeterView meter, BillingPeriod p, long index) {
        return MeterHistory.of(meter, List.of(ReadingEntry.actual(meter.id(), p, mid(p), index, 10)));
    }

    @Test
    void normalReading() {
        // 1085 − 1072 = 13 m³; average 12: not above 12 × 3 = 36, not below 12 ÷ 3 = 4
        Accepted a = read(sixMonthHistory(), MAR, 1085);
        assertThat(a.consumption()).isEqualTo(CubicMeters.of(13));
        assertThat(a.kind()).isEqualTo(ReadingKind.ACTUAL);
        assertThat(a.index()).isEqualTo(1085);
        assertThat(a.meterId()).isEqualTo(NEW);
        assertThat(a.flags()).isEmpty();
        assertThat(a.flagsText()).isNull();
        assertThat(a.overBilled()).isEqualTo(CubicMeters.ZERO);
        assertThat(a.recentAverage()).isEqualByComparingTo("12.00");
        assertThat(a.averageMonths()).isEqualTo(6);
    }

    @Test
    void firstReadingOfANewMeterStartsFromItsInitialIndex() {
        // new meter installed at 250, no reading yet: 262 − 250 = 12 m³
        Accepted a = read(MeterHistory.of(MeterView.installed(NEW, 5, 250), List.of()), MAR, 262);
        assertThat(a.consumption()).isEqualTo(CubicMeters.of(12));
        assertThat(a.flags()).containsExactly(FIRST_READING);
        assertThat(a.averageMonths()).isZero();
    }

    @Nested
    class Rollover {

        @Test
        void exactRolloverOnFiveDigits() {
            // 99 980 → 15 on a 5-digit dial: 100 000 − 99 980 + 15 = 35 m³
            Accepted a = read(oneReading(fiveDigits, FEB, 99_980), MAR, 15);
            assertThat(a.consumption()).isEqualTo(CubicMeters.of(35));
            assertThat(a.flags()).containsExactly(ROLLOVER);
            assertThat(a.flagsText()).isEqualTo("ROLLOVER");
        }

        @Test
        void exactRolloverOnFourDigits() {
            MeterView four = MeterView.installed(NEW, 4, 0);
            // 9 990 → 7: 10 000 − 9 990 + 7 = 17 m³
            assertThat(read(oneReading(four, FEB, 9_990), MAR, 7).consumption()).isEqualTo(CubicMeters.of(17));
            // 9 999 → 0: 10 000 − 9 999 + 0 = 1 m³
            assertThat(read(oneReading(four, FEB, 9_999), MAR, 0).consumption()).isEqualTo(CubicMeters.of(1));
        }

        @Test
        void implausibleLowerIndexIsRejectedWithTheReason() {
            // 450 is 99 550 away from 100 000, far outside the top 10% (10 000): not a rollover
            Rejected r = rejected(rules.evaluate(oneReading(fiveDigits, FEB, 450), MAR, mid(MAR), 120));
            assertThat(r.messageKey()).isEqualTo("error.reading.lowerIndex");
            assertThat(r.message())
                    .isEqualTo("current index 120 is lower than previous 450 and the meter (5 digits) is not near its rollover");
            assertThat(r.arguments()).containsExactly(120L, 450L, 5);
            assertThatThrownBy(r::orThrow).isInstanceOf(DomainException.class)
                    .hasMessage(r.message())
                    .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("error.reading.lowerIndex");
        }

        @Test
        void nearnessBoundaryOnFourDigits() {
            MeterView four = MeterView.installed(NEW, 4, 0);
            // top 10% of 10 000 = 1 000: 8 999 is 1 001 away → not near
            assertThat(rejected(rules.evaluate(oneReading(four, FEB, 8_999), MAR, mid(MAR), 5)).messageKey())
                    .isEqualTo("error.reading.lowerIndex");
            // 9 000 is exactly 1 000 away → near; 9 000 → 0 implies 1 000 m³ = the 1 000 m³ monthly maximum → accepted
            assertThat(read(oneReading(four, FEB, 9_000), MAR, 0).consumption()).isEqualTo(CubicMeters.of(1_000));
        }

        @Test
        void rolloverImplyingMoreThanThePlausibleMaximumIsRejected() {
            MeterView four = MeterView.installed(NEW, 4, 0);
            // 9 000 → 100: 10 000 − 9 000 + 100 = 1 100 m³ in 1 month > 1 000 m³
            Rejected r = rejected(rules.evaluate(oneReading(four, FEB, 9_000), MAR, mid(MAR), 100));
            assertThat(r.messageKey()).isEqualTo("error.reading.rolloverImplausible");
            assertThat(r.message()).isEqualTo("current index 100 is lower than previous 9000: a rollover of the 4-digit "
                    + "dial would mean 1100 m³ in 1 month(s), more than the plausible 1000 m³ a month");
        }

        @Test
        void theMaximumScalesWithTheMonthsSinceTheLastReading() {
            // 99 500 → 700: 100 000 − 99 500 + 700 = 1 200 m³
            // one month (Feb → Mar): 1 200 > 1 000 → rejected; two months (Jan → Mar): 1 200 ≤ 2 000 → accepted
            assertThat(rules.evaluate(oneReading(fiveDigits, FEB, 99_500), MAR, mid(MAR), 700).isAccepted()).isFalse();
            Accepted a = read(oneReading(fiveDigits, JAN, 99_500), MAR, 700);
            assertThat(a.consumption()).isEqualTo(CubicMeters.of(1_200));
            assertThat(a.flags()).containsExactly(ROLLOVER);
        }
    }

    @Nested
    class Replacement {

        private final List<ReadingEntry> febOnOldMeter =
                List.of(ReadingEntry.actual(OLD, FEB, mid(FEB), 450, 12));

        @Test
        void lowerIndexIsAcceptedWhenAReplacementIsRecorded() {
            // old meter read 450 in Feb, removed at 460; new meter from 0 reads 12:
            // (460 − 450) + (12 − 0) = 10 + 12 = 22 m³
            MeterHistory h = MeterHistory.afterReplacement(MeterView.removed(OLD, 5, 0, 460), fiveDigits, febOnOldMeter);
            Accepted a = read(h, MAR, 12);
            assertThat(a.consumption()).isEqualTo(CubicMeters.of(22));
            assertThat(a.meterId()).isEqualTo(NEW);
            assertThat(a.flags()).containsExactly(REPLACEMENT, FIRST_READING);
        }

        @Test
        void withoutTheRecordedReplacementTheSameReadingIsRejected() {
            Rejected r = rejected(rules.evaluate(MeterHistory.of(fiveDigits, febOnOldMeter), MAR, mid(MAR), 12));
            assertThat(r.messageKey()).isEqualTo("error.reading.replacementMissing");
            assertThat(r.message()).isEqualTo("the last reading (2026-02) was taken on meter 7, not on the current "
                    + "meter 9, and no replacement of meter 7 is recorded");
        }

        @Test
        void bothMetersContribute() {
            // old 4-digit meter: previous 9 940, final 9 996 → 56 m³; new 5-digit meter installed at 3, reads 41 → 38 m³
            // 56 + 38 = 94 m³
            List<ReadingEntry> h = List.of(ReadingEntry.actual(OLD, FEB, mid(FEB), 9_940, 12));
            Accepted a = read(MeterHistory.afterReplacement(MeterView.removed(OLD, 4, 0, 9_996),
                    MeterView.installed(NEW, 5, 3), h), MAR, 41);
            assertThat(a.consumption()).isEqualTo(CubicMeters.of(94));
            assertThat(a.flags()).containsExactly(REPLACEMENT, FIRST_READING);
        }

        @Test
        void theRemovedMetersTailMayRollOver() {
            // old 4-digit meter: previous 9 990, final 4 → 10 000 − 9 990 + 4 = 14 m³; new meter 0 → 20 = 20 m³; 34 m³
            List<ReadingEntry> h = List.of(ReadingEntry.actual(OLD, FEB, mid(FEB), 9_990, 12));
            Accepted a = read(MeterHistory.afterReplacement(MeterView.removed(OLD, 4, 0, 4), fiveDigits, h), MAR, 20);
            assertThat(a.consumption()).isEqualTo(CubicMeters.of(34));
            assertThat(a.flags()).containsExactly(ROLLOVER, REPLACEMENT, FIRST_READING);
        }

        @Test
        void aFinalIndexBelowThePreviousIsRejected() {
            List<ReadingEntry> h = List.of(ReadingEntry.actual(OLD, FEB, mid(FEB), 450, 12));
            Rejected r = rejected(rules.evaluate(MeterHistory.afterReplacement(MeterView.removed(OLD, 5, 0, 440),
                    fiveDigits, h), MAR, mid(MAR), 12));
            assertThat(r.messageKey()).isEqualTo("error.reading.finalIndexLower");
            assertThat(r.message()).isEqualTo("final index 440 of removed meter 7 is lower than previous 450 and the "
                    + "meter (5 digits) is not near its rollover");
        }

        @Test
        void aReplacementAlreadyCountedIsNotCountedTwice() {
            List<ReadingEntry> h = List.of(ReadingEntry.actual(OLD, FEB, mid(FEB), 450, 12),
                    ReadingEntry.actual(NEW, MAR, mid(MAR), 12, 22));
            Rejected r = rejected(rules.evaluate(MeterHistory.afterReplacement(MeterView.removed(OLD, 5, 0, 460),
                    fiveDigits, h), APR, mid(APR), 30));
            assertThat(r.messageKey()).isEqualTo("error.reading.replacementAlreadyCounted");
        }

        @Test
        void aReplacedMeterIsReadNotEstimated() {
            MeterHistory h = MeterHistory.afterReplacement(MeterView.removed(OLD, 5, 0, 460), fiveDigits, febOnOldMeter);
            assertThat(rejected(rules.estimate(h, MAR, mid(MAR))).messageKey())
                    .isEqualTo("error.reading.estimateAfterReplacement");
        }
    }

    @Nested
    class EstimateAndTrueUp {

        @Test
        void estimateIsTheAverageOfTheLastSixActualMonthsRoundedHalfUp() {
            // Aug 100 m³ is the 7th month back and is left out; Sep … Feb: 10 + 12 + 14 + 9 + 11 + 19 = 75 m³
            // 75 ÷ 6 = 12.5 → 13 m³ (half-up); index 1 075 + 13 = 1 088
            List<ReadingEntry> h = new ArrayList<>(sixMonths().subList(0, 5));
            h.add(0, ReadingEntry.actual(NEW, BillingPeriod.of(2025, 8), LocalDate.of(2025, 8, 15), 1000, 100));
            h.add(ReadingEntry.actual(NEW, FEB, mid(FEB), 1075, 19));
            Accepted e = rules.estimate(MeterHistory.of(fiveDigits, h), MAR, mid(MAR)).orThrow();
            assertThat(e.kind()).isEqualTo(ReadingKind.ESTIMATED);
            assertThat(e.consumption()).isEqualTo(CubicMeters.of(13));
            assertThat(e.index()).isEqualTo(1088);
            assertThat(e.recentAverage()).isEqualByComparingTo("12.50");
            assertThat(e.averageMonths()).isEqualTo(6);
            assertThat(e.flags()).containsExactly(ESTIMATED);
        }

        @Test
        void estimateWithoutHistoryIsZero() {
            // no ACTUAL month: 0 m³, the index stays at the initial 250
            Accepted e = rules.estimate(MeterHistory.of(MeterView.installed(NEW, 5, 250), List.of()), MAR, mid(MAR))
                    .orThrow();
            assertThat(e.consumption()).isEqualTo(CubicMeters.ZERO);
            assertThat(e.index()).isEqualTo(250);
            assertThat(e.flags()).containsExactly(ZERO, ESTIMATED);
            assertThat(e.recentAverage()).isEqualByComparingTo("0.00");
        }

        @Test
        void estimatedIndexWrapsAtTheDial() {
            // 10 + 12 + 14 = 36, ÷ 3 = 12 m³; 99 995 + 12 = 100 007 → 7 on a 5-digit dial
            List<ReadingEntry> h = List.of(
                    ReadingEntry.actual(NEW, BillingPeriod.of(2025, 12), LocalDate.of(2025, 12, 15), 99_969, 10),
                    ReadingEntry.actual(NEW, JAN, mid(JAN), 99_981, 12),
                    ReadingEntry.actual(NEW, FEB, mid(FEB), 99_995, 14));
            Accepted e = rules.estimate(MeterHistory.of(fiveDigits, h), MAR, mid(MAR)).orThrow();
            assertThat(e.consumption()).isEqualTo(CubicMeters.of(12));
            assertThat(e.index()).isEqualTo(7);
            assertThat(e.flags()).containsExactly(ROLLOVER, ESTIMATED);
        }

        /** Mar and Apr estimated from the six months (12 m³ each): indexes 1 084 and 1 096, 24 m³ billed. */
        private List<ReadingEntry> twoEstimates() {
            List<ReadingEntry> h = new ArrayList<>(sixMonths());
            Accepted mar = rules.estimate(MeterHistory.of(fiveDigits, h), MAR, mid(MAR)).orThrow();
            assertThat(mar.consumption()).isEqualTo(CubicMeters.of(12));
            assertThat(mar.index()).isEqualTo(1084);
            h.add(ReadingEntry.of(mar));
            // the Mar estimate is not an ACTUAL month: the average is still 72 ÷ 6 = 12
            Accepted apr = rules.estimate(MeterHistory.of(fiveDigits, h), APR, mid(APR)).orThrow();
            assertThat(apr.consumption()).isEqualTo(CubicMeters.of(12));
            assertThat(apr.index()).isEqualTo(1096);
            h.add(ReadingEntry.of(apr));
            return h;
        }

        @Test
        void trueUpAfterUnderEstimation() {
            // May real 1 110; last real index 1 072 (Feb): 1 110 − 1 072 = 38 m³ used, estimates billed 24
            // consumption 38 − 24 = 14 m³; monthly 38 ÷ 3 = 12.67: within 4 … 36, no HIGH/LOW
            Accepted a = read(MeterHistory.of(fiveDigits, twoEstimates()), MAY, 1110);
            assertThat(a.consumption()).isEqualTo(CubicMeters.of(14));
            assertThat(a.overBilled()).isEqualTo(CubicMeters.ZERO);
            assertThat(a.kind()).isEqualTo(ReadingKind.ACTUAL);
            assertThat(a.flags()).containsExactly(TRUE_UP);
        }

        @Test
        void trueUpAfterOverEstimationBillsZeroAndReportsTheExcess() {
            // May real 1 080 (lower than the estimated 1 096, but not than the real 1 072: no rejection)
            // used 1 080 − 1 072 = 8 m³, estimates billed 24: consumption max(0, 8 − 24) = 0, over-billed 24 − 8 = 16
            // monthly 8 ÷ 3 = 2.67 < 12 ÷ 3 = 4 → LOW; the meter moved → not ZERO
            Accepted a = read(MeterHistory.of(fiveDigits, twoEstimates()), MAY, 1080);
            assertThat(a.consumption()).isEqualTo(CubicMeters.ZERO);
            assertThat(a.overBilled()).isEqualTo(CubicMeters.of(16));
            assertThat(a.flags()).containsExactly(LOW, TRUE_UP, OVER_ESTIMATED);
            assertThat(a.flagsText()).isEqualTo("LOW,TRUE_UP,OVER_ESTIMATED");
        }

        @Test
        void exactEstimatesTrueUpToZeroWithoutExcess() {
            // real 1 096: used 24, billed 24 → 0 m³, nothing over-billed; monthly 8 ≥ 4 → no LOW
            Accepted a = read(MeterHistory.of(fiveDigits, twoEstimates()), MAY, 1096);
            assertThat(a.consumption()).isEqualTo(CubicMeters.ZERO);
            assertThat(a.overBilled()).isEqualTo(CubicMeters.ZERO);
            assertThat(a.flags()).containsExactly(TRUE_UP);
        }

        @Test
        void aTrueUpIsLeftOutOfLaterAverages() {
            // May true-up of 14 m³ is a remainder, not a month: June's estimate is still 72 ÷ 6 = 12
            List<ReadingEntry> h = twoEstimates();
            h.add(ReadingEntry.of(read(MeterHistory.of(fiveDigits, h), MAY, 1110)));
            Accepted jun = rules.estimate(MeterHistory.of(fiveDigits, h), JUN, mid(JUN)).orThrow();
            assertThat(jun.consumption()).isEqualTo(CubicMeters.of(12));
            assertThat(jun.index()).isEqualTo(1122);
        }
    }

    @Nested
    class Flags {

        @Test
        void zeroConsumption() {
            // 1 072 − 1 072 = 0: ZERO, and 0 < 12 ÷ 3 = 4: LOW
            assertThat(read(sixMonthHistory(), MAR, 1072).flags()).containsExactly(ZERO, LOW);
        }

        @Test
        void highAboveThreeTimesTheAverage() {
            // 12 × 3 = 36: 37 m³ is HIGH, 36 m³ is not (strictly above)
            assertThat(read(sixMonthHistory(), MAR, 1072 + 37).flags()).containsExactly(HIGH);
            assertThat(read(sixMonthHistory(), MAR, 1072 + 36).flags()).isEmpty();
        }

        @Test
        void lowBelowAThirdOfTheAverage() {
            // 12 ÷ 3 = 4: 3 m³ is LOW, 4 m³ is not (strictly below)
            assertThat(read(sixMonthHistory(), MAR, 1072 + 3).flags()).containsExactly(LOW);
            assertThat(read(sixMonthHistory(), MAR, 1072 + 4).flags()).isEmpty();
        }

        @Test
        void aSkippedMonthIsJudgedPerMonth() {
            // Feb → Apr covers 2 months: 60 m³ ÷ 2 = 30 ≤ 36 → not HIGH; 74 ÷ 2 = 37 > 36 → HIGH
            assertThat(read(sixMonthHistory(), APR, 1072 + 60).flags()).isEmpty();
            assertThat(read(sixMonthHistory(), APR, 1072 + 74).flags()).containsExactly(HIGH);
        }

        @Test
        void noHighOrLowWithLessThanThreeMonthsOfHistory() {
            // two months of 10 m³, then 100 m³: 100 > 10 × 3 but the average needs 3 months
            List<ReadingEntry> h = List.of(ReadingEntry.actual(NEW, JAN, mid(JAN), 110, 10),
                    ReadingEntry.actual(NEW, FEB, mid(FEB), 120, 10));
            Accepted a = read(MeterHistory.of(fiveDigits, h), MAR, 220);
            assertThat(a.consumption()).isEqualTo(CubicMeters.of(100));
            assertThat(a.flags()).isEmpty();
        }

        @Test
        void factorsComeFromThePolicy() {
            // ×2: 12 × 2 = 24 < 25 → HIGH
            ReadingEvaluator strict = new ReadingEvaluator(ReadingPolicy.defaults()
                    .withFactors(BigDecimal.valueOf(2), BigDecimal.valueOf(2)));
            assertThat(strict.evaluate(sixMonthHistory(), MAR, mid(MAR), 1072 + 25).orThrow().flags())
                    .containsExactly(HIGH);
        }

        @Test
        void staleDate() {
            // period 2026-03: 1 March − 45 days = 15 January; 14 January is older; after 31 March is too late
            MeterHistory h = MeterHistory.of(fiveDigits, List.of());
            assertThat(rules.evaluate(h, MAR, LocalDate.of(2026, 1, 14), 5).orThrow().flags()).contains(STALE_DATE);
            assertThat(rules.evaluate(h, MAR, LocalDate.of(2026, 1, 15), 5).orThrow().flags()).doesNotContain(STALE_DATE);
            assertThat(rules.evaluate(h, MAR, LocalDate.of(2026, 3, 31), 5).orThrow().flags()).doesNotContain(STALE_DATE);
            assertThat(rules.evaluate(h, MAR, LocalDate.of(2026, 4, 1), 5).orThrow().flags()).contains(STALE_DATE);
            assertThat(rules.estimate(h, MAR, LocalDate.of(2026, 4, 1)).orThrow().flags()).contains(STALE_DATE);
        }
    }

    @Nested
    class Sequence {

        @Test
        void indexMustFitTheDial() {
            Rejected r = rejected(rules.evaluate(sixMonthHistory(), MAR, mid(MAR), 100_000));
            assertThat(r.messageKey()).isEqualTo("error.reading.indexOutOfRange");
            assertThat(r.message()).isEqualTo("index 100000 does not fit the 5-digit dial of meter 9");
        }

        @Test
        void periodMustFollowTheLastReading() {
            Rejected r = rejected(rules.evaluate(sixMonthHistory(), FEB, mid(FEB), 1080));
            assertThat(r.messageKey()).isEqualTo("error.reading.periodNotAfterPrevious");
            assertThat(r.message()).isEqualTo("period 2026-02 is not after the last reading's period 2026-02");
        }

        @Test
        void dateMustNotPrecedeTheLastReading() {
            Rejected r = rejected(rules.evaluate(sixMonthHistory(), MAR, LocalDate.of(2026, 2, 14), 1080));
            assertThat(r.messageKey()).isEqualTo("error.reading.dateBeforePrevious");
        }

        @Test
        void historyOrderDoesNotMatter() {
            List<ReadingEntry> reversed = new ArrayList<>(sixMonths());
            java.util.Collections.reverse(reversed);
            assertThat(read(MeterHistory.of(fiveDigits, reversed), MAR, 1085).consumption())
                    .isEqualTo(CubicMeters.of(13));
        }
    }

    @Test
    void flagsRoundTripThroughTheColumn() {
        assertThat(ReadingFlag.parse("HIGH,ROLLOVER")).containsExactly(HIGH, ROLLOVER);
        assertThat(ReadingFlag.parse(" rollover , high ")).containsExactly(HIGH, ROLLOVER);
        assertThat(ReadingFlag.parse(null)).isEmpty();
        assertThat(ReadingFlag.format(ReadingFlag.parse("TRUE_UP,LOW"))).isEqualTo("LOW,TRUE_UP");
        // every flag together still fits reading.flags VARCHAR(200)
        assertThat(ReadingFlag.format(java.util.EnumSet.allOf(ReadingFlag.class)).length()).isLessThanOrEqualTo(200);
    }

    @Test
    void evaluationIsImmutable() {
        Accepted a = read(sixMonthHistory(), MAR, 1072 + 37);
        a.flags().add(ZERO);
        assertThat(a.flags()).containsExactly(HIGH);
    }
}
