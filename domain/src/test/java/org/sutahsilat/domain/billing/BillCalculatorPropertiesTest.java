package org.sutahsilat.domain.billing;

import org.junit.jupiter.api.Test;
import org.sutahsilat.domain.institution.InstitutionKind;
import org.sutahsilat.domain.shared.CubicMeters;
import org.sutahsilat.domain.shared.Money;
import org.sutahsilat.domain.subscriber.SubscriberCategory;
import org.sutahsilat.domain.tariff.Tariff;
import org.sutahsilat.domain.tariff.TariffVersion;
import org.sutahsilat.domain.tariff.TierMode;
import org.sutahsilat.domain.tariff.WastewaterMode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the bill arithmetic over random tariffs and consumptions (plain JUnit, seeded: every run checks the
 * same cases; a failure names the case's seed, and {@link #spec(long, int, boolean)} rebuilds it).
 */
class BillCalculatorPropertiesTest {

    private static final int CASES = 2_000;
    private static final long SEED = 20260301L;

    private final BillCalculator calculator = new BillCalculator();

    /** Everything that defines a bill except the tier mode; tier i spans widths[i] m³, the last is open-ended. */
    record Spec(long seed, List<Long> widths, List<BigDecimal> prices, Money fixedFee, Money minimum,
                WastewaterMode wastewaterMode, BigDecimal wastewaterValue, BigDecimal ctv, List<BigDecimal> kdvRates,
                InstitutionKind kind, boolean kdvExempt) {

        TariffVersion version(TierMode mode) {
            Tariff tariff = Tariff.create(1L, SubscriberCategory.RESIDENTIAL, "Mesken");
            TariffVersion v = TariffVersion.of(tariff, LocalDate.of(2026, 1, 1), mode, Instant.EPOCH);
            long from = 0;
            for (int i = 0; i < prices.size(); i++) {
                Long to = i < widths.size() ? from + widths.get(i) : null;
                v.tier(from, to, prices.get(i));
                from = to == null ? from : to;
            }
            return v.fees(fixedFee, minimum).wastewater(wastewaterMode, wastewaterValue).ctv(ctv)
                    .kdv(kdvRates.get(0), kdvRates.get(1), kdvRates.get(2));
        }
    }

    @Test
    void totalIsTheSumOfRoundedNonNegativeLines() {
        Random cases = new Random(SEED);
        for (int i = 0; i < CASES; i++) {
            Spec spec = spec(cases.nextLong(), 4, false);
            TierMode mode = cases.nextBoolean() ? TierMode.PROGRESSIVE : TierMode.WHOLE_BAND;
            long consumption = consumption(cases, 100_000);
            BillComputation bill = compute(spec, mode, consumption);
            String at = spec + " " + mode + " " + consumption + " m³";

            Money sum = Money.ZERO;
            for (ComputedLine line : bill.lines()) {
                assertThat(line.amount().amount().scale()).as(at).isEqualTo(2);
                assertThat(line.amount().isNegative()).as(at).isFalse();
                sum = sum.plus(line.amount());
            }
            assertThat(bill.total()).as(at).isEqualTo(sum);
            if (spec.kdvExempt()) {
                assertThat(bill.lines()).as(at).allSatisfy(l -> assertThat(l.kdvRate().signum()).isZero());
                assertThat(bill.linesOf(BillLineKind.KDV)).as(at).isEmpty();
            }
            if (spec.kind() == InstitutionKind.VILLAGE) {
                assertThat(bill.linesOf(BillLineKind.CTV)).as(at).isEmpty();
            }
            // water + minimum top-up = the larger of the metered water and the minimum
            assertThat(bill.amountOf(BillLineKind.WATER).plus(bill.amountOf(BillLineKind.MINIMUM_CHARGE))).as(at)
                    .isEqualTo(bill.amountOf(BillLineKind.WATER).max(spec.minimum()));
        }
    }

    /**
     * With prices that do not fall from tier to tier, progressive never bills more than whole-band. The prices here are
     * in whole kuruş (as tariffs publish them), so m³ × price is exact. With prices in fractions of a kuruş the
     * progressive lines are rounded one by one and may exceed the single whole-band line by up to half a kuruş per line
     * (e.g. 1 × 0.0050 + 1 × 0.0051 → 0.01 + 0.01 = 0.02 against 2 × 0.0051 = 0.0102 → 0.01).
     */
    @Test
    void progressiveNeverAboveWholeBandForRisingPrices() {
        Random cases = new Random(SEED + 1);
        for (int i = 0; i < CASES; i++) {
            Spec spec = spec(cases.nextLong(), 2, true);
            long consumption = consumption(cases, 100_000);
            BillComputation progressive = compute(spec, TierMode.PROGRESSIVE, consumption);
            BillComputation wholeBand = compute(spec, TierMode.WHOLE_BAND, consumption);
            String at = spec + " " + consumption + " m³";

            assertThat(progressive.amountOf(BillLineKind.WATER)).as(at)
                    .isLessThanOrEqualTo(wholeBand.amountOf(BillLineKind.WATER));
            assertThat(progressive.total()).as(at).isLessThanOrEqualTo(wholeBand.total());
        }
    }

    /** More water never costs less: progressive with any prices, whole-band with prices that do not fall. */
    @Test
    void totalIsMonotonicInConsumption() {
        Random cases = new Random(SEED + 2);
        for (int i = 0; i < CASES; i++) {
            Spec any = spec(cases.nextLong(), 4, false);
            Spec rising = spec(cases.nextLong(), 4, true);
            long consumption = consumption(cases, 50_000);
            long more = 1 + cases.nextInt(50);

            assertThat(compute(any, TierMode.PROGRESSIVE, consumption).total()).as(any + " " + consumption + " m³")
                    .isLessThanOrEqualTo(compute(any, TierMode.PROGRESSIVE, consumption + more).total());
            assertThat(compute(rising, TierMode.WHOLE_BAND, consumption).total()).as(rising + " " + consumption + " m³")
                    .isLessThanOrEqualTo(compute(rising, TierMode.WHOLE_BAND, consumption + more).total());
        }
    }

    private BillComputation compute(Spec spec, TierMode mode, long consumption) {
        return calculator.compute(spec.kind(), spec.kdvExempt(), spec.version(mode), CubicMeters.of(consumption));
    }

    /** Mostly small consumptions, often right at a tier bound, sometimes large. */
    private static long consumption(Random random, int max) {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt(20);
            case 1 -> 8L * random.nextInt(30);
            case 2 -> random.nextInt(200);
            default -> random.nextInt(max + 1);
        };
    }

    /** A random tariff: up to 5 tiers of 1–60 m³ with prices 0–100 at the given scale, fees, wastewater, ÇTV, KDV. */
    static Spec spec(long seed, int priceScale, boolean rising) {
        Random r = new Random(seed);
        int bounded = r.nextInt(5);
        List<Long> widths = new ArrayList<>();
        List<BigDecimal> prices = new ArrayList<>();
        for (int i = 0; i < bounded; i++) {
            widths.add(1L + r.nextInt(60));
        }
        for (int i = 0; i <= bounded; i++) {
            prices.add(decimal(r, 100, priceScale).setScale(4));
        }
        if (rising) {
            prices.sort(null);
        }
        Money fixedFee = r.nextInt(3) == 0 ? Money.ZERO : Money.of(decimal(r, 50, 2));
        Money minimum = r.nextBoolean() ? Money.ZERO : Money.of(decimal(r, 500, 2));
        WastewaterMode wastewater = WastewaterMode.values()[r.nextInt(WastewaterMode.values().length)];
        BigDecimal wastewaterValue = decimal(r, 2, 4);
        BigDecimal ctv = r.nextBoolean() ? BigDecimal.ZERO : decimal(r, 2, 4);
        String[] rates = {"0", "0.01", "0.0100", "0.08", "0.10", "0.20"};
        List<BigDecimal> kdv = List.of(new BigDecimal(rates[r.nextInt(rates.length)]),
                new BigDecimal(rates[r.nextInt(rates.length)]), new BigDecimal(rates[r.nextInt(rates.length)]));
        InstitutionKind kind = r.nextBoolean() ? InstitutionKind.VILLAGE : InstitutionKind.MUNICIPALITY;
        return new Spec(seed, widths, prices, fixedFee, minimum, wastewater, wastewaterValue, ctv, kdv, kind,
                r.nextBoolean());
    }

    /** A decimal in [0, max] with the given scale; a fifth of them exactly 0 or max. */
    private static BigDecimal decimal(Random r, int max, int scale) {
        long units = (long) max * BigDecimal.TEN.pow(scale).longValueExact();
        long value = switch (r.nextInt(10)) {
            case 0 -> 0;
            case 1 -> units;
            default -> r.nextLong(units + 1);
        };
        return BigDecimal.valueOf(value, scale);
    }
}
