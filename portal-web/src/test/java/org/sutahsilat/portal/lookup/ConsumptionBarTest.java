package org.sutahsilat.portal.lookup;

import org.junit.jupiter.api.Test;
import org.sutahsilat.domain.billing.BillBalance;
import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.shared.Money;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumptionBarTest {

    private static final Locale TR = Locale.forLanguageTag("tr");

    private static BillBalance bill(int year, int month, long m3) {
        return new BillBalance(month, "B-" + month, BillingPeriod.of(year, month), LocalDate.of(year, month, 20), m3,
                Money.of("10.00"), Money.ZERO);
    }

    @Test
    void twelveMonthsEndingThisMonthScaledToTheLargest() {
        List<ConsumptionBar> bars = ConsumptionBar.of(List.of(bill(2025, 11, 99), bill(2025, 12, 10),
                bill(2026, 3, 20), bill(2026, 10, 40), bill(2026, 12, 7)), YearMonth.of(2026, 11), TR,
                new PortalFormat(TR));
        assertThat(bars).hasSize(12);
        // 2025-11 is thirteen months back and 2026-12 is in the future: neither is drawn
        assertThat(bars).extracting(ConsumptionBar::getM3).containsExactly(10L, 0L, 0L, 20L, 0L, 0L, 0L, 0L, 0L, 0L,
                40L, 0L);
        assertThat(bars.get(0).getMonth()).isEqualTo("Ara");
        assertThat(bars.get(0).getMonthLong()).isEqualTo("Aralık 2025");
        assertThat(bars.get(10).getHeight()).isEqualTo(ConsumptionBar.MAX_BAR);
        assertThat(bars.get(3).getHeight()).isEqualTo(50);
        assertThat(bars.get(0).getHeight()).isEqualTo(25);
        assertThat(bars.get(1).getHeight()).isZero();
        assertThat(bars.get(10).getY() + bars.get(10).getHeight()).isEqualTo(ConsumptionBar.AXIS_Y);
        assertThat(bars.get(11).getX()).isGreaterThan(bars.get(10).getX());
        assertThat(bars.get(11).getX() + ConsumptionBar.BAR_WIDTH).isLessThanOrEqualTo(ConsumptionBar.WIDTH);
    }

    @Test
    void twoBillsOfOnePeriodAddUpAndNoBillsDrawNothing() {
        List<ConsumptionBar> bars = ConsumptionBar.of(List.of(bill(2026, 5, 3), bill(2026, 5, 4)),
                YearMonth.of(2026, 5), Locale.ENGLISH, new PortalFormat(Locale.ENGLISH));
        assertThat(bars.get(11).getM3()).isEqualTo(7);
        assertThat(bars.get(11).getMonth()).isEqualTo("May");
        assertThat(ConsumptionBar.of(List.of(), YearMonth.of(2026, 5), TR, new PortalFormat(TR)))
                .allSatisfy(b -> assertThat(b.getHeight()).isZero());
    }
}
