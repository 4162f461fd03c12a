package org.sutahsilat.launcher;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo tariffs reproduce the worked examples of domain.md to the kuruş. */
class DemoTariffTest {

    @Test
    void villageResidentialNineteenCubicMetres() {
        List<DemoTariff.Line> lines = DemoData.tariffFor(true, "RESIDENTIAL").lines(19);
        assertThat(sum(lines, "WATER")).isEqualTo("107.00");
        assertThat(sum(lines, "FIXED_FEE")).isEqualTo("10.00");
        assertThat(lines).noneMatch(l -> l.kind().equals("KDV") || l.kind().equals("CTV"));
        assertThat(DemoTariff.total(lines).toString()).isEqualTo("117.00");
    }

    @Test
    void municipalityResidentialThirteenCubicMetres() {
        List<DemoTariff.Line> lines = DemoData.tariffFor(false, "RESIDENTIAL").lines(13);
        assertThat(sum(lines, "WATER")).isEqualTo("290.00");
        assertThat(sum(lines, "WASTEWATER")).isEqualTo("145.00");
        assertThat(sum(lines, "CTV")).isEqualTo("7.80");
        assertThat(lines.stream().filter(l -> l.kind().equals("KDV")).map(l -> l.amount().toString()))
                .containsExactly("2.90", "14.50");
        assertThat(DemoTariff.total(lines).toString()).isEqualTo("460.20");
    }

    @Test
    void zeroConsumptionBillsOnlyTheFixedFee() {
        assertThat(DemoTariff.total(DemoData.tariffFor(true, "LIVESTOCK").lines(0)).toString()).isEqualTo("10.00");
        assertThat(DemoData.tariffFor(false, "COMMERCIAL").lines(0)).isEmpty();
    }

    private static String sum(List<DemoTariff.Line> lines, String kind) {
        return lines.stream().filter(l -> l.kind().equals(kind)).map(DemoTariff.Line::amount)
                .reduce(org.sutahsilat.domain.shared.Money.ZERO, org.sutahsilat.domain.shared.Money::plus).toString();
    }
}
