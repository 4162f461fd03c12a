package org.sutahsilat.portal.lookup;

import org.sutahsilat.domain.payment.Payment;
import org.sutahsilat.domain.shared.BillingPeriod;
import org.sutahsilat.domain.shared.Money;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the portal writes periods, dates and amounts for a subscriber: Turkish first ("Mart 2026", "15.03.2026",
 * "₺1.234,56"), English second ("March 2026", "15 Mar 2026", "₺1,234.56"). Any other language is written the Turkish way.
 */
public final class PortalFormat {

    /** Due dates are Turkish calendar days: a bill due on the 15th is overdue from the 16th in Türkiye. */
    public static final ZoneId TURKEY = Payment.BUSINESS_ZONE;

    private static final Locale TURKISH = Locale.forLanguageTag("tr-TR");

    private final Locale locale;
    private final DateTimeFormatter periodFormat;
    private final DateTimeFormatter dateFormat;

    public PortalFormat(Locale locale) {
        boolean english = locale != null && "en".equals(locale.getLanguage());
        this.locale = english ? Locale.UK : TURKISH;
        this.periodFormat = DateTimeFormatter.ofPattern("LLLL yyyy", this.locale);
        this.dateFormat = DateTimeFormatter.ofPattern(english ? "d MMM yyyy" : "dd.MM.yyyy", this.locale);
    }

    /** Today's date in Türkiye, whatever zone the clock (UTC in production) is in. */
    public static LocalDate today(Clock clock) {
        return Payment.today(clock);
    }

    public String period(BillingPeriod period) {
        String text = periodFormat.format(period.month());
        return text.substring(0, 1).toUpperCase(locale) + text.substring(1);
    }

    public String date(LocalDate date) {
        return dateFormat.format(date);
    }

    public String money(Money amount) {
        return amount.format(locale);
    }
}
