package org.sutahsilat.domain.shared;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** A monthly billing period, written {@code 2026-03}. */
public record BillingPeriod(YearMonth month) implements Comparable<BillingPeriod>, Serializable {

    public BillingPeriod {
        if (month == null) {
            throw new DomainException("error.period.required", "billing period is required");
        }
    }

    public static BillingPeriod of(int year, int month) {
        return new BillingPeriod(YearMonth.of(year, month));
    }

    public static BillingPeriod parse(String text) {
        try {
            return new BillingPeriod(YearMonth.parse(text == null ? "" : text.trim()));
        } catch (DateTimeParseException e) {
            throw new DomainException("error.period.invalid", "invalid billing period (YYYY-MM): " + text, text);
        }
    }

    public static BillingPeriod containing(LocalDate date) {
        return new BillingPeriod(YearMonth.from(date));
    }

    public BillingPeriod previous() {
        return new BillingPeriod(month.minusMonths(1));
    }

    public BillingPeriod next() {
        return new BillingPeriod(month.plusMonths(1));
    }

    /** The given day of this month, clamped to the month's length. */
    public LocalDate day(int dayOfMonth) {
        return month.atDay(Math.min(dayOfMonth, month.lengthOfMonth()));
    }

    @Override
    public int compareTo(BillingPeriod o) {
        return month.compareTo(o.month);
    }

    @Override
    public String toString() {
        return month.toString();
    }
}
