package org.sutahsilat.domain.billing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sutahsilat.domain.institution.Institution;
import org.sutahsilat.domain.institution.InstitutionKind;
import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.shared.CubicMeters;
import org.sutahsilat.domain.shared.DomainException;
import org.sutahsilat.domain.shared.Money;
import org.sutahsilat.domain.subscriber.SubscriberCategory;
import org.sutahsilat.domain.tariff.Tariff;
import org.sutahsilat.domain.tariff.TariffRules;
import org.sutahsilat.domain.tariff.TariffVersion;
import org.sutahsilat.domain.tariff.TierMode;
import org.sutahsilat.domain.tariff.WastewaterMode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sutahsilat.domain.tariff.TierMode.PROGRESSIVE;
import static org.sutahsilat.domain.tariff.TierMode.WHOLE_BAND;

/**
 * Hand-computed bills. Each test writes its arithmetic in a comment; lines are rendered as
 * {@code KIND quantity x unitPrice = amount kdv rate%} so that a failure shows the whole bill.
 */
class BillCalculatorTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
    private static final Institution VILLAGE = Institution.register("K01", "Çamlıca Köyü", InstitutionKind.VILLAGE,
            "Kastamonu", "Taşköprü", NOW);
    private static final Institution MUNICIPALITY = Institution.register("B01", "Yeşilöz Belediyesi",
            InstitutionKind.MUNICIPALITY, "Kastamonu", "Taşköprü", NOW);

    private final BillCalculator calculator = new BillCalculator();

    // --- the worked examples of domain.md -------------------------------------------------------------------------

    @Test
    void villageProgressiveWorkedExample() {
        // 19 m³: 8 × 4.0000 = 32.00; 8 × 6.0000 = 48.00; 3 × 9.0000 = 27.00 → water 107.00
        // fixed fee 10.00; village: KDV-exempt → total 107.00 + 10.00 = 117.00
        BillComputation bill = calculator.compute(VILLAGE, villageTariff(PROGRESSIVE), m3(19));

        assertThat(render(bill)).containsExactly(
                "WATER 8x4 = 32.00 kdv 0%",
                "WATER 8x6 = 48.00 kdv 0%",
                "WATER 3x9 = 27.00 kdv 0%",
                "FIXED_FEE 1x10 = 10.00 kdv 0%");
        assertThat(bill.amountOf(BillLineKind.WATER)).isEqualTo(Money.of("107.00"));
        assertThat(bill.total()).isEqualTo(Money.of("117.00"));
        ComputedLine first = bill.lines().get(0);
        ComputedLine last = bill.lines().get(2);
        assertThat(first.messageKey()).isEqualTo("bill.line.water.tier");
        assertThat(first.arguments()).containsExactly(0L, 8L);
        assertThat(last.messageKey()).isEqualTo("bill.line.water.tierOpen");
        assertThat(last.arguments()).containsExactly(16L);
    }

    @Test
    void villageWholeBandWorkedExample() {
        // 19 m³ falls in the tier "above 16": all 19 × 9.0000 = 171.00; + fixed 10.00 = 181.00
        BillComputation bill = calculator.compute(VILLAGE, villageTariff(WHOLE_BAND), m3(19));

        assertThat(render(bill)).containsExactly(
                "WATER 19x9 = 171.00 kdv 0%",
                "FIXED_FEE 1x10 = 10.00 kdv 0%");
        assertThat(bill.lines().get(0).messageKey()).isEqualTo("bill.line.water.bandOpen");
        assertThat(bill.total()).isEqualTo(Money.of("181.00"));
    }

    @Test
    void municipalityWorkedExample() {
        // 13 m³: 10 × 20.0000 = 200.00; 3 × 30.0000 = 90.00 → water 290.00 (KDV 1%)
        // wastewater 50% of 290.00 = 145.00 (KDV 10%); ÇTV 13 × 0.6000 = 7.80 (no KDV)
        // KDV 1% of 290.00 = 2.90; KDV 10% of 145.00 = 14.50
        // total 290.00 + 145.00 + 7.80 + 2.90 + 14.50 = 460.20
        BillComputation bill = calculator.compute(MUNICIPALITY, municipalityTariff(), m3(13));

        assertThat(render(bill)).containsExactly(
                "WATER 10x20 = 200.00 kdv 1%",
                "WATER 3x30 = 90.00 kdv 1%",
                "WASTEWATER = 145.00 kdv 10%",
                "CTV 13x0.6 = 7.80 kdv 0%",
                "KDV = 2.90 kdv 1%",
                "KDV = 14.50 kdv 10%");
        assertThat(bill.total()).isEqualTo(Money.of("460.20"));
        assertThat(bill.linesOf(BillLineKind.WASTEWATER).get(0).arguments())
                .containsExactly(new BigDecimal("50"), Money.of("290.00"));
        assertThat(bill.linesOf(BillLineKind.KDV)).extracting(ComputedLine::arguments).containsExactly(
                List.of(new BigDecimal("1"), Money.of("290.00")),
                List.of(new BigDecimal("10"), Money.of("145.00")));
    }

    // --- tiers ----------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} m³ whole band: {1} × {2} = {3}, + fixed 10.00 = {4}")
    @CsvSource({
            // a tier's upper bound belongs to it: 8 is in 0–8, 16 is in 8–16
            "1,  1,  4.0000, 4.00,   14.00",
            "8,  8,  4.0000, 32.00,  42.00",
            "9,  9,  6.0000, 54.00,  64.00",
            "16, 16, 6.0000, 96.00,  106.00",
            "17, 17, 9.0000, 153.00, 163.00"
    })
    void wholeBandAtTierBoundaries(long consumption, long quantity, String price, String water, String total) {
        BillComputation bill = calculator.compute(VILLAGE, villageTariff(WHOLE_BAND), m3(consumption));

        ComputedLine line = bill.linesOf(BillLineKind.WATER).get(0);
        assertThat(bill.linesOf(BillLineKind.WATER)).hasSize(1);
        assertThat(line.quantity()).isEqualByComparingTo(BigDecimal.valueOf(quantity));
        assertThat(line.unitPrice()).isEqualByComparingTo(price);
        assertThat(line.amount()).isEqualTo(Money.of(water));
        assertThat(bill.total()).isEqualTo(Money.of(total));
    }

    @Test
    void progressiveAtTierBoundariesHasNoEmptySlice() {
        // 8 m³: 8 × 4 = 32.00, one line; 16 m³: 8 × 4 + 8 × 6 = 32.00 + 48.00 = 80.00, two lines (no 0 m³ line)
        assertThat(render(calculator.compute(VILLAGE, villageTariff(PROGRESSIVE), m3(8)))).containsExactly(
                "WATER 8x4 = 32.00 kdv 0%",
                "FIXED_FEE 1x10 = 10.00 kdv 0%");
        BillComputation sixteen = calculator.compute(VILLAGE, villageTariff(PROGRESSIVE), m3(16));
        assertThat(render(sixteen)).containsExactly(
                "WATER 8x4 = 32.00 kdv 0%",
                "WATER 8x6 = 48.00 kdv 0%",
                "FIXED_FEE 1x10 = 10.00 kdv 0%");
        assertThat(sixteen.total()).isEqualTo(Money.of("90.00"));
    }

    @Test
    void progressiveCrossingFourTiers() {
        // tiers 0–10 @ 2.5000, 10–20 @ 3.7500, 20–50 @ 5.1250, above 50 @ 8.0000; 73 m³:
        // 10 × 2.5 = 25.00; 10 × 3.75 = 37.50; 30 × 5.125 = 153.75; 23 × 8 = 184.00
        // water = total = 25.00 + 37.50 + 153.75 + 184.00 = 400.25
        TariffVersion v = version(PROGRESSIVE).tier(0, 10L, p("2.5000")).tier(10, 20L, p("3.7500"))
                .tier(20, 50L, p("5.1250")).tier(50, null, p("8.0000"));

        BillComputation bill = calculator.compute(VILLAGE, v, m3(73));

        assertThat(render(bill)).containsExactly(
                "WATER 10x2.5 = 25.00 kdv 0%",
                "WATER 10x3.75 = 37.50 kdv 0%",
                "WATER 30x5.125 = 153.75 kdv 0%",
                "WATER 23x8 = 184.00 kdv 0%");
        assertThat(bill.total()).isEqualTo(Money.of("400.25"));
    }

    // --- zero consumption, minimum charge -------------------------------------------------------------------------

    @Test
    void zeroConsumptionStillBillsTheFixedFee() {
        // 0 m³: no water line in either mode; fixed fee 10.00 = total
        for (TierMode mode : TierMode.values()) {
            BillComputation bill = calculator.compute(VILLAGE, villageTariff(mode), m3(0));
            assertThat(render(bill)).containsExactly("FIXED_FEE 1x10 = 10.00 kdv 0%");
            assertThat(bill.total()).isEqualTo(Money.of("10.00"));
        }
    }

    @Test
    void zeroConsumptionBillsTheMinimumChargeAndFixedFeeWithTheirKdv() {
        // municipality M2, 0 m³: water 0.00 < minimum 50.00 → MINIMUM_CHARGE 50.00 (water KDV 1%)
        // wastewater 0 × 5.50 = 0 and ÇTV 0 × 0.60 = 0: no line; fixed fee 15.00 (KDV 20%)
        // KDV 1% of 50.00 = 0.50; KDV 20% of 15.00 = 3.00; total 50.00 + 15.00 + 0.50 + 3.00 = 68.50
        BillComputation bill = calculator.compute(MUNICIPALITY, municipalityWithMinimum(Money.of("50.00")), m3(0));

        assertThat(render(bill)).containsExactly(
                "MINIMUM_CHARGE = 50.00 kdv 1%",
                "FIXED_FEE 1x15 = 15.00 kdv 20%",
                "KDV = 0.50 kdv 1%",
                "KDV = 3.00 kdv 20%");
        assertThat(bill.total()).isEqualTo(Money.of("68.50"));
    }

    @Test
    void minimumChargeTopsUpWaterBelowIt() {
        // M2, 2 m³: water 2 × 20 = 40.00 < 50.00 → MINIMUM_CHARGE 50.00 − 40.00 = 10.00 (KDV 1%)
        // wastewater 2 × 5.5000 = 11.00 (KDV 10%); fixed 15.00 (KDV 20%); ÇTV 2 × 0.60 = 1.20 (no KDV)
        // KDV 1% of (40.00 + 10.00) = 0.50; 10% of 11.00 = 1.10; 20% of 15.00 = 3.00
        // total 40.00 + 10.00 + 11.00 + 15.00 + 1.20 + 0.50 + 1.10 + 3.00 = 81.80
        BillComputation bill = calculator.compute(MUNICIPALITY, municipalityWithMinimum(Money.of("50.00")), m3(2));

        assertThat(render(bill)).containsExactly(
                "WATER 2x20 = 40.00 kdv 1%",
                "MINIMUM_CHARGE = 10.00 kdv 1%",
                "WASTEWATER 2x5.5 = 11.00 kdv 10%",
                "FIXED_FEE 1x15 = 15.00 kdv 20%",
                "CTV 2x0.6 = 1.20 kdv 0%",
                "KDV = 0.50 kdv 1%",
                "KDV = 1.10 kdv 10%",
                "KDV = 3.00 kdv 20%");
        assertThat(bill.linesOf(BillLineKind.MINIMUM_CHARGE).get(0).arguments())
                .containsExactly(Money.of("50.00"), Money.of("40.00"));
        assertThat(bill.total()).isEqualTo(Money.of("81.80"));
    }

    @Test
    void minimumChargeDoesNotApplyAtOrAboveIt() {
        // M2, 3 m³: water 3 × 20 = 60.00 ≥ 50.00 → no MINIMUM_CHARGE line
        // wastewater 3 × 5.5 = 16.50; fixed 15.00; ÇTV 3 × 0.60 = 1.80
        // KDV 1% of 60.00 = 0.60; 10% of 16.50 = 1.65; 20% of 15.00 = 3.00
        // total 60.00 + 16.50 + 15.00 + 1.80 + 0.60 + 1.65 + 3.00 = 98.55
        List<String> expected = List.of(
                "WATER 3x20 = 60.00 kdv 1%",
                "WASTEWATER 3x5.5 = 16.50 kdv 10%",
                "FIXED_FEE 1x15 = 15.00 kdv 20%",
                "CTV 3x0.6 = 1.80 kdv 0%",
                "KDV = 0.60 kdv 1%",
                "KDV = 1.65 kdv 10%",
                "KDV = 3.00 kdv 20%");
        BillComputation above = calculator.compute(MUNICIPALITY, municipalityWithMinimum(Money.of("50.00")), m3(3));
        assertThat(render(above)).isEqualTo(expected);
        assertThat(above.total()).isEqualTo(Money.of("98.55"));

        // minimum 60.00 = water 60.00 exactly: still no line (only water strictly below the minimum is topped up)
        BillComputation equal = calculator.compute(MUNICIPALITY, municipalityWithMinimum(Money.of("60.00")), m3(3));
        assertThat(render(equal)).isEqualTo(expected);
        assertThat(equal.total()).isEqualTo(Money.of("98.55"));
    }

    // --- wastewater -----------------------------------------------------------------------------------------------

    @Test
    void wastewaterAsAShareRoundsOnceOnTheWaterAmount() {
        // village, 19 m³ progressive: water 107.00; wastewater 33.33% : 107.00 × 0.3333 = 35.6631 → 35.66
        // fixed 10.00; total 107.00 + 35.66 + 10.00 = 152.66
        TariffVersion v = villageTariff(PROGRESSIVE).wastewater(WastewaterMode.SHARE_OF_WATER, p("0.3333"));

        BillComputation bill = calculator.compute(VILLAGE, v, m3(19));

        assertThat(bill.linesOf(BillLineKind.WASTEWATER)).extracting(ComputedLine::amount)
                .containsExactly(Money.of("35.66"));
        assertThat(bill.total()).isEqualTo(Money.of("152.66"));
    }

    @Test
    void wastewaterShareIsOfTheMeteredWaterNotOfTheMinimumTopUp() {
        // one tier @ 20.0000, minimum 50.00, wastewater 50% of water, no KDV (municipality, no ÇTV set); 1 m³:
        // water 1 × 20 = 20.00; minimum top-up 50.00 − 20.00 = 30.00; wastewater 50% of 20.00 = 10.00
        // total 20.00 + 30.00 + 10.00 = 60.00
        TariffVersion v = version(PROGRESSIVE).tier(0, null, p("20.0000")).fees(Money.ZERO, Money.of("50.00"))
                .wastewater(WastewaterMode.SHARE_OF_WATER, p("0.5000"));

        BillComputation bill = calculator.compute(MUNICIPALITY, v, m3(1));

        assertThat(render(bill)).containsExactly(
                "WATER 1x20 = 20.00 kdv 0%",
                "MINIMUM_CHARGE = 30.00 kdv 0%",
                "WASTEWATER = 10.00 kdv 0%");
        assertThat(bill.total()).isEqualTo(Money.of("60.00"));
    }

    // --- ÇTV and KDV ----------------------------------------------------------------------------------------------

    @Test
    void municipalityChargesCtvAndKdvOnEveryLineKind() {
        // tariff T: village tiers, fixed 10.00, wastewater 50%, ÇTV 0.60, KDV water 1% / wastewater 10% / fixed 20%
        // municipality, 19 m³: water 107.00; wastewater 53.50; fixed 10.00; ÇTV 19 × 0.60 = 11.40
        // KDV 1% of 107.00 = 1.07; 10% of 53.50 = 5.35; 20% of 10.00 = 2.00
        // total 107.00 + 53.50 + 10.00 + 11.40 + 1.07 + 5.35 + 2.00 = 190.32
        BillComputation bill = calculator.compute(MUNICIPALITY, taxedTariff(), m3(19));

        assertThat(render(bill)).containsExactly(
                "WATER 8x4 = 32.00 kdv 1%",
                "WATER 8x6 = 48.00 kdv 1%",
                "WATER 3x9 = 27.00 kdv 1%",
                "WASTEWATER = 53.50 kdv 10%",
                "FIXED_FEE 1x10 = 10.00 kdv 20%",
                "CTV 19x0.6 = 11.40 kdv 0%",
                "KDV = 1.07 kdv 1%",
                "KDV = 5.35 kdv 10%",
                "KDV = 2.00 kdv 20%");
        assertThat(bill.total()).isEqualTo(Money.of("190.32"));
    }

    @Test
    void kdvExemptVillageNeverChargesCtvNorKdvEvenWhenItsTariffListsThem() {
        // the same tariff T for a village (KDV-exempt, KDV Law 17/4-h), 19 m³:
        // water 107.00; wastewater 53.50; fixed 10.00; no ÇTV (villages never charge it); every KDV rate 0
        // total 107.00 + 53.50 + 10.00 = 170.50
        BillComputation bill = calculator.compute(VILLAGE, taxedTariff(), m3(19));

        assertThat(render(bill)).containsExactly(
                "WATER 8x4 = 32.00 kdv 0%",
                "WATER 8x6 = 48.00 kdv 0%",
                "WATER 3x9 = 27.00 kdv 0%",
                "WASTEWATER = 53.50 kdv 0%",
                "FIXED_FEE 1x10 = 10.00 kdv 0%");
        assertThat(bill.total()).isEqualTo(Money.of("170.50"));

        // saving such a tariff for a village is refused; for a municipality it is fine
        assertThatThrownBy(() -> TariffRules.check(taxedTariff(), InstitutionKind.VILLAGE))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("error.tariff.ctvInVillage");
        TariffRules.check(taxedTariff(), InstitutionKind.MUNICIPALITY);
    }

    @Test
    void ctvFollowsTheInstitutionKindAndKdvTheExemption() {
        // a village that is not KDV-exempt (kind VILLAGE, exempt false), tariff T, 19 m³:
        // as the municipality's 190.32 without ÇTV 11.40 = 178.92
        BillComputation bill = calculator.compute(InstitutionKind.VILLAGE, false, taxedTariff(), m3(19));

        assertThat(bill.linesOf(BillLineKind.CTV)).isEmpty();
        assertThat(bill.linesOf(BillLineKind.KDV)).extracting(ComputedLine::amount)
                .containsExactly(Money.of("1.07"), Money.of("5.35"), Money.of("2.00"));
        assertThat(bill.total()).isEqualTo(Money.of("178.92"));
    }

    // --- rounding -------------------------------------------------------------------------------------------------

    @Test
    void everyLineRoundsHalfUpOnceToTheKurus() {
        // 3 × 2.3350 = 7.0050 → 7.01 (half-up; half-even would give 7.00)
        assertThat(oneTier("2.3350", 3, VILLAGE).total()).isEqualTo(Money.of("7.01"));
        // 3 × 4.1235 = 12.3705 → 12.37 (m³ × price exactly, then one rounding; 3 × 4.12 would be 12.36)
        assertThat(oneTier("4.1235", 3, VILLAGE).total()).isEqualTo(Money.of("12.37"));
        // 1 × 0.0049 = 0.0049 → 0.00: a tier priced in fractions of a kuruş may round to nothing, and is shown
        assertThat(render(oneTier("0.0049", 1, VILLAGE))).containsExactly("WATER 1x0.0049 = 0.00 kdv 0%");
    }

    @Test
    void kdvIsComputedOnTheRoundedLinesPerRate() {
        // municipality, one tier @ 16.8333, KDV water 1%; 3 m³: 3 × 16.8333 = 50.4999 → 50.50
        // KDV 1% of the rounded 50.50 = 0.505 → 0.51 (on the unrounded 50.4999 it would be 0.50); total 51.01
        TariffVersion v = version(WHOLE_BAND).tier(0, null, p("16.8333")).kdv(p("0.0100"), p("0"), p("0"));
        BillComputation bill = calculator.compute(MUNICIPALITY, v, m3(3));
        assertThat(render(bill)).containsExactly("WATER 3x16.8333 = 50.50 kdv 1%", "KDV = 0.51 kdv 1%");
        assertThat(bill.total()).isEqualTo(Money.of("51.01"));

        // one KDV line per rate: water 2 × 0.2500 = 0.50 and fixed fee 0.50, both at 1%:
        // KDV 1% of (0.50 + 0.50) = 0.01 (per line it would be 0.005 → 0.01 twice = 0.02); total 1.01
        TariffVersion tiny = version(PROGRESSIVE).tier(0, null, p("0.2500")).fees(Money.of("0.50"), Money.ZERO)
                .kdv(p("0.01"), p("0"), p("0.0100"));
        BillComputation small = calculator.compute(MUNICIPALITY, tiny, m3(2));
        assertThat(render(small)).containsExactly(
                "WATER 2x0.25 = 0.50 kdv 1%",
                "FIXED_FEE 1x0.5 = 0.50 kdv 1%",
                "KDV = 0.01 kdv 1%");
        assertThat(small.linesOf(BillLineKind.KDV).get(0).arguments())
                .containsExactly(new BigDecimal("1"), Money.of("1.00"));
        assertThat(small.total()).isEqualTo(Money.of("1.01"));
    }

    // --- large consumption ----------------------------------------------------------------------------------------

    @Test
    void largeConsumptionDoesNotOverflow() {
        // municipality example tariff, 12,345 m³: 10 × 20 = 200.00; 12,335 × 30 = 370,050.00 → water 370,250.00
        // wastewater 50% = 185,125.00; ÇTV 12,345 × 0.60 = 7,407.00
        // KDV 1% of 370,250.00 = 3,702.50; 10% of 185,125.00 = 18,512.50
        // total 370,250.00 + 185,125.00 + 7,407.00 + 3,702.50 + 18,512.50 = 584,997.00
        BillComputation bill = calculator.compute(MUNICIPALITY, municipalityTariff(), m3(12_345));
        assertThat(render(bill)).containsExactly(
                "WATER 10x20 = 200.00 kdv 1%",
                "WATER 12335x30 = 370050.00 kdv 1%",
                "WASTEWATER = 185125.00 kdv 10%",
                "CTV 12345x0.6 = 7407.00 kdv 0%",
                "KDV = 3702.50 kdv 1%",
                "KDV = 18512.50 kdv 10%");
        assertThat(bill.total()).isEqualTo(Money.of("584997.00"));

        // village, 10^12 m³ progressive: 32.00 + 48.00 + (10^12 − 16) × 9 = 8,999,999,999,936.00; + 10.00
        assertThat(calculator.compute(VILLAGE, villageTariff(PROGRESSIVE), m3(1_000_000_000_000L)).total())
                .isEqualTo(Money.of("8999999999946.00"));
        // Long.MAX_VALUE m³ whole band: 9 × 9,223,372,036,854,775,807 = 83,010,348,331,692,982,263; + 10.00
        assertThat(calculator.compute(VILLAGE, villageTariff(WHOLE_BAND), m3(Long.MAX_VALUE)).total())
                .isEqualTo(Money.of("83010348331692982273.00"));
    }

    // --- the version in force -------------------------------------------------------------------------------------

    @Test
    void theVersionInForceOnTheReadingDatePricesTheBillAndALaterVersionChangesNothingComputed() {
        Tariff tariff = Tariff.create(1L, SubscriberCategory.RESIDENTIAL, "Mesken");
        TariffVersion january = villageTiers(TariffVersion.of(tariff, JAN_1, PROGRESSIVE, NOW))
                .fees(Money.of("10.00"), Money.ZERO);
        // reading 2026-02-10, only the January version exists: 117.00 (worked example)
        BillComputation february = calculator.compute(VILLAGE, tariff, LocalDate.of(2026, 2, 10), m3(19));
        assertThat(february.total()).isEqualTo(Money.of("117.00"));
        assertThat(february.tariffValidFrom()).isEqualTo(JAN_1);
        List<ComputedLine> linesBefore = february.lines();

        // a new version from 2026-03-01: 5 / 7 / 10 per m³, fixed 12.00
        TariffVersion.of(tariff, LocalDate.of(2026, 3, 1), PROGRESSIVE, NOW)
                .tier(0, 8L, p("5.0000")).tier(8, 16L, p("7.0000")).tier(16, null, p("10.0000"))
                .fees(Money.of("12.00"), Money.ZERO);
        // the February bill is a value: unchanged, and recomputing February still uses the January version
        assertThat(february.lines()).isEqualTo(linesBefore);
        assertThat(calculator.compute(VILLAGE, tariff, LocalDate.of(2026, 2, 10), m3(19))).isEqualTo(february);
        // reading on 2026-03-01 (first day of the new version): 8 × 5 + 8 × 7 + 3 × 10 = 40 + 56 + 30 = 126.00
        // + 12.00 = 138.00
        BillComputation march = calculator.compute(VILLAGE, tariff, LocalDate.of(2026, 3, 1), m3(19));
        assertThat(march.total()).isEqualTo(Money.of("138.00"));

        // even a version edited in place (against the rules) does not reach a computation made before
        january.fees(Money.of("99.00"), Money.ZERO);
        assertThat(february.total()).isEqualTo(Money.of("117.00"));

        // no version in force before the first one
        assertThatThrownBy(() -> calculator.compute(VILLAGE, tariff, LocalDate.of(2025, 12, 31), m3(19)))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("error.tariff.noVersionOn");
    }

    // --- invalid tariffs ------------------------------------------------------------------------------------------

    @Test
    void invalidTierTablesAreRejectedWithAMessageKey() {
        assertRejected(version(PROGRESSIVE), "error.tariff.tiers.empty");
        assertRejected(version(PROGRESSIVE).tier(1, 8L, p("4")).tier(8, null, p("6")), "error.tariff.tiers.notFromZero");
        assertRejected(version(PROGRESSIVE).tier(0, 8L, p("4")).tier(9, null, p("6")),
                "error.tariff.tiers.notContiguous");
        assertRejected(version(WHOLE_BAND).tier(0, 8L, p("4")).tier(6, null, p("6")),
                "error.tariff.tiers.notContiguous");
        assertRejected(version(PROGRESSIVE).tier(0, null, p("4")).tier(8, null, p("6")),
                "error.tariff.tiers.openNotLast");
        assertRejected(version(WHOLE_BAND).tier(0, 8L, p("4")).tier(8, 16L, p("6")),
                "error.tariff.tiers.lastBounded");
        assertRejected(version(PROGRESSIVE).tier(0, 8L, p("-4")).tier(8, null, p("6")), "error.tariff.tiers.price");
        // a tier ending where it starts cannot even be built (the entity refuses it)
        assertThatThrownBy(() -> version(PROGRESSIVE).tier(0, 0L, p("4")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalidAmountsAndRatesAreRejected() {
        assertRejected(villageTariff(PROGRESSIVE).fees(Money.of("-1.00"), Money.ZERO), "error.tariff.negative");
        assertRejected(villageTariff(PROGRESSIVE).fees(Money.ZERO, Money.of("-1.00")), "error.tariff.negative");
        assertRejected(villageTariff(PROGRESSIVE).wastewater(WastewaterMode.PER_M3, p("-0.5")),
                "error.tariff.negative");
        assertRejected(villageTariff(PROGRESSIVE).ctv(p("-0.6")), "error.tariff.negative");
        // a percentage typed where a fraction belongs: 18 instead of 0.18
        assertRejected(villageTariff(PROGRESSIVE).kdv(p("18"), p("0"), p("0")), "error.tariff.kdvRate");
        assertRejected(villageTariff(PROGRESSIVE).kdv(p("0"), p("-0.1"), p("0")), "error.tariff.kdvRate");
    }

    // --- writing the bill -----------------------------------------------------------------------------------------

    @Test
    void aComputationWritesItsLinesOntoABillInTheBillsLanguage() {
        BillComputation computation = calculator.compute(MUNICIPALITY, municipalityTariff(), m3(13));
        Bill bill = Bill.issue(2L, 7L, "B01-2026-000001", BillingPeriod.of(2026, 2), null, null,
                LocalDate.of(2026, 2, 10), LocalDate.of(2026, 3, 2), m3(13), NOW);

        computation.writeTo(bill, Locale.forLanguageTag("tr-TR"));

        assertThat(bill.getTotal()).isEqualTo(Money.of("460.20"));
        assertThat(bill.getLines()).extracting(BillLine::getDescription).containsExactly(
                "Su bedeli (0–10 m³ kademesi)",
                "Su bedeli (10 m³ üzeri kademe)",
                "Atıksu bedeli (su bedeli ₺290,00 × %50)",
                "Çevre temizlik vergisi (ÇTV)",
                "KDV %1 (₺290,00 üzerinden)",
                "KDV %10 (₺145,00 üzerinden)");
        assertThat(bill.getLines()).extracting(BillLine::getKind).containsExactly(BillLineKind.WATER,
                BillLineKind.WATER, BillLineKind.WASTEWATER, BillLineKind.CTV, BillLineKind.KDV, BillLineKind.KDV);

        assertThat(BillLineTexts.describe(computation.lines().get(4), Locale.ENGLISH)).isEqualTo("KDV 1% (on ₺290.00)");
        assertThat(BillLineTexts.describe(
                calculator.compute(VILLAGE, villageTariff(WHOLE_BAND), m3(12)).lines().get(0), Locale.ENGLISH))
                .isEqualTo("Water (all consumption at the 8–16 m³ tier)");
    }

    // --- fixtures -------------------------------------------------------------------------------------------------

    private BillComputation oneTier(String price, long consumption, Institution institution) {
        return calculator.compute(institution, version(WHOLE_BAND).tier(0, null, p(price)), m3(consumption));
    }

    private void assertRejected(TariffVersion v, String key) {
        assertThatThrownBy(() -> calculator.compute(MUNICIPALITY, v, m3(5)))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo(key);
        assertThatThrownBy(() -> TariffRules.check(v, InstitutionKind.MUNICIPALITY))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo(key);
    }

    /** 0–8 @ 4, 8–16 @ 6, above 16 @ 9; fixed fee 10.00; nothing else (domain.md's village example). */
    static TariffVersion villageTariff(TierMode mode) {
        return villageTiers(version(mode)).fees(Money.of("10.00"), Money.ZERO);
    }

    static TariffVersion villageTiers(TariffVersion v) {
        return v.tier(0, 8L, p("4.0000")).tier(8, 16L, p("6.0000")).tier(16, null, p("9.0000"));
    }

    /** 0–10 @ 20, above 10 @ 30; wastewater 50% of water; ÇTV 0.60; KDV water 1%, wastewater 10% (domain.md). */
    static TariffVersion municipalityTariff() {
        return version(PROGRESSIVE).tier(0, 10L, p("20.0000")).tier(10, null, p("30.0000"))
                .wastewater(WastewaterMode.SHARE_OF_WATER, p("0.5000")).ctv(p("0.6000"))
                .kdv(p("0.0100"), p("0.1000"), p("0.0000"));
    }

    /** M2: 0–10 @ 20, above 10 @ 30; fixed 15.00; the given minimum; wastewater 5.50/m³; ÇTV 0.60; KDV 1/10/20%. */
    static TariffVersion municipalityWithMinimum(Money minimum) {
        return version(PROGRESSIVE).tier(0, 10L, p("20.0000")).tier(10, null, p("30.0000"))
                .fees(Money.of("15.00"), minimum).wastewater(WastewaterMode.PER_M3, p("5.5000")).ctv(p("0.6000"))
                .kdv(p("0.0100"), p("0.1000"), p("0.2000"));
    }

    /** T: the village tiers with fixed 10.00, wastewater 50%, ÇTV 0.60, KDV water 1%, wastewater 10%, fixed 20%. */
    static TariffVersion taxedTariff() {
        return villageTariff(PROGRESSIVE).wastewater(WastewaterMode.SHARE_OF_WATER, p("0.5000")).ctv(p("0.6000"))
                .kdv(p("0.0100"), p("0.1000"), p("0.2000"));
    }

    static TariffVersion version(TierMode mode) {
        return TariffVersion.of(Tariff.create(1L, SubscriberCategory.RESIDENTIAL, "Mesken"), JAN_1, mode, NOW);
    }

    static BigDecimal p(String value) {
        return new BigDecimal(value);
    }

    static CubicMeters m3(long value) {
        return CubicMeters.of(value);
    }

    static List<String> render(BillComputation bill) {
        return bill.lines().stream().map(l -> l.kind()
                + (l.quantity() == null ? "" : " " + plain(l.quantity()) + "x" + plain(l.unitPrice()))
                + " = " + l.amount() + " kdv " + plain(l.kdvRate().movePointRight(2)) + "%").toList();
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
