package org.sutahsilat.admin.ui;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** Decimals typed on a Turkish phone keypad or a desktop numpad read alike; shown in the view's language. */
class DecimalConverterTest {

    @Test
    void readsTheCommaAndThePointAsTheDecimalSeparator() {
        assertThat(DecimalConverter.parse("12,5")).isEqualByComparingTo("12.5");
        assertThat(DecimalConverter.parse("12.5")).isEqualByComparingTo("12.5");
        assertThat(DecimalConverter.parse(" 6,5000 ")).isEqualTo(new BigDecimal("6.5000"));
        assertThat(DecimalConverter.parse("1.234,56")).isEqualTo(new BigDecimal("1234.56"));
        assertThat(DecimalConverter.parse("1,234.56")).isEqualTo(new BigDecimal("1234.56"));
        assertThat(DecimalConverter.parse("-0,01")).isEqualTo(new BigDecimal("-0.01"));
        assertThat(DecimalConverter.parse("")).isNull();
        assertThat(DecimalConverter.parse(null)).isNull();
    }

    @Test
    void showsAtLeastTwoAndAtMostTheKeptDecimals() {
        assertThat(DecimalConverter.format(new BigDecimal("6.5000"), ',')).isEqualTo("6,50");
        assertThat(DecimalConverter.format(new BigDecimal("40.1234"), ',')).isEqualTo("40,1234");
        assertThat(DecimalConverter.format(new BigDecimal("9"), '.')).isEqualTo("9.00");
        assertThat(DecimalConverter.format(new BigDecimal("1000"), ',')).isEqualTo("1000,00");
        assertThat(DecimalConverter.format(null, ',')).isEmpty();
    }
}
