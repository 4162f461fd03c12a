package org.sutahsilat.portal.lookup;

import org.junit.jupiter.api.Test;
import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.shared.Money;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class PortalFormatTest {

    private final PortalFormat turkish = new PortalFormat(Locale.forLanguageTag("tr"));
    private final PortalFormat english = new PortalFormat(Locale.ENGLISH);

    @Test
    void writesMoneyAsTurkishAndEnglishReadersExpect() {
        assertThat(turkish.money(Money.of("1234.56"))).isEqualTo("₺1.234,56");
        assertThat(english.money(Money.of("1234.56"))).isEqualTo("₺1,234.56");
        assertThat(turkish.money(Money.ZERO)).isEqualTo("₺0,00");
    }

    @Test
    void writesPeriodsAsMonthNames() {
        assertThat(turkish.period(BillingPeriod.of(2026, 3))).isEqualTo("Mart 2026");
        assertThat(turkish.period(BillingPeriod.of(2026, 8))).isEqualTo("Ağustos 2026");
        assertThat(english.period(BillingPeriod.of(2026, 3))).isEqualTo("March 2026");
    }

    @Test
    void writesDatesInTheLocalShape() {
        assertThat(turkish.date(LocalDate.of(2026, 3, 5))).isEqualTo("05.03.2026");
        assertThat(english.date(LocalDate.of(2026, 3, 5))).isEqualTo("5 Mar 2026");
    }

    @Test
    void unknownLanguageFallsBackToTurkish() {
        assertThat(new PortalFormat(Locale.GERMAN).money(Money.of("1234.56"))).isEqualTo("₺1.234,56");
        assertThat(new PortalFormat(null).period(BillingPeriod.of(2026, 1))).isEqualTo("Ocak 2026");
    }

    @Test
    void todayIsTheTurkishCalendarDay() {
        // 22:30 UTC on 14 March is already 15 March in Türkiye (UTC+3)
        Clock clock = Clock.fixed(Instant.parse("2026-03-14T22:30:00Z"), ZoneOffset.UTC);
        assertThat(PortalFormat.today(clock)).isEqualTo(LocalDate.of(2026, 3, 15));
    }
}
