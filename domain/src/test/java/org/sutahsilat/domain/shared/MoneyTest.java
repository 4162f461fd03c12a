package org.sutahsilat.domain.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyTest {

    @ParameterizedTest
    @CsvSource({
            "0.005, 0.01",
            "0.004, 0.00",
            "1.235, 1.24",
            "1.2349, 1.23",
            "-1.235, -1.24",
            "2.5, 2.50",
            "107, 107.00"
    })
    void roundsHalfUpToTheKurus(String raw, String expected) {
        assertThat(Money.of(raw).amount()).isEqualTo(new BigDecimal(expected));
    }

    @Test
    void unitPriceTimesQuantityRoundsOnceAtTheEnd() {
        // 3 m³ × 1.3335 = 4.0005 → 4.00 (one rounding); rounding the price first would give 4.02
        assertThat(Money.times(new BigDecimal("1.3335"), new BigDecimal("3"))).isEqualTo(Money.of("4.00"));
        // worked example in domain.md: KDV 1% of 290.00 = 2.90, 10% of 145.00 = 14.50
        assertThat(Money.of("290.00").multiply(new BigDecimal("0.01"))).isEqualTo(Money.of("2.90"));
        assertThat(Money.of("145.00").multiply(new BigDecimal("0.10"))).isEqualTo(Money.of("14.50"));
        // 3.7% of 150.00 for a month = 5.55; per day 3.7%/30 × 17 days = 3.145 → 3.15
        assertThat(Money.of("150.00").multiply(new BigDecimal("0.037"))).isEqualTo(Money.of("5.55"));
        assertThat(Money.of(new BigDecimal("150.00").multiply(new BigDecimal("0.037")).multiply(new BigDecimal(17))
                .divide(new BigDecimal(30), 10, java.math.RoundingMode.HALF_UP))).isEqualTo(Money.of("3.15"));
    }

    @Test
    void kurusRoundTripAndArithmetic() {
        Money a = Money.ofKurus(123456);
        assertThat(a.amount()).isEqualTo(new BigDecimal("1234.56"));
        assertThat(a.toKurus()).isEqualTo(123456);
        assertThat(a.plus(Money.of("0.44"))).isEqualTo(Money.of("1235.00"));
        assertThat(a.minus(a)).isEqualTo(Money.ZERO);
        assertThat(a.minus(a).isZero()).isTrue();
        assertThat(Money.of("1.10")).isEqualTo(Money.of("1.1")).hasSameHashCodeAs(Money.of("1.1"));
        assertThat(Money.of("3").min(Money.of("2"))).isEqualTo(Money.of("2"));
    }

    @Test
    void formatsTurkishAndEnglish() {
        Locale tr = Locale.forLanguageTag("tr-TR");
        assertThat(Money.of("1234.56").format(tr)).isEqualTo("₺1.234,56");
        assertThat(Money.of("1234567.5").format(tr)).isEqualTo("₺1.234.567,50");
        assertThat(Money.of("-5").format(tr)).isEqualTo("-₺5,00");
        assertThat(Money.of("0").format(tr)).isEqualTo("₺0,00");
        assertThat(Money.of("0.05").format(tr)).isEqualTo("₺0,05");
        assertThat(Money.of("-0.5").format(tr)).isEqualTo("-₺0,50");
        assertThat(Money.of("999.99").format(tr)).isEqualTo("₺999,99");
        assertThat(Money.of("1000").format(tr)).isEqualTo("₺1.000,00");
        assertThat(Money.of("123456789012.34").format(tr)).isEqualTo("₺123.456.789.012,34");
        assertThat(Money.of("1234.56").format(Locale.ENGLISH)).isEqualTo("₺1,234.56");
        assertThat(Money.of("-1234567.05").format(Locale.ENGLISH)).isEqualTo("-₺1,234,567.05");
    }
}
