package org.sutahsilat.domain.shared;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Objects;

/**
 * An amount of Turkish lira: scale 2 (kuruş), rounded half-up, immutable. The only money type.
 * Arithmetic that yields fractions of a kuruş (rates, unit prices) rounds once, at the end, half-up.
 */
public final class Money implements Comparable<Money>, Serializable {

    public static final String CURRENCY = "TRY";
    public static final int SCALE = 2;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    public static final Money ZERO = new Money(BigDecimal.ZERO.setScale(SCALE));

    private static final long serialVersionUID = 1L;

    private final BigDecimal amount;

    private Money(BigDecimal amount) {
        this.amount = amount;
    }

    /** Rounds half-up to the kuruş. */
    public static Money of(BigDecimal amount) {
        Objects.requireNonNull(amount, "amount");
        return new Money(amount.setScale(SCALE, ROUNDING));
    }

    public static Money of(String amount) {
        return of(new BigDecimal(amount));
    }

    public static Money ofKurus(long kurus) {
        return new Money(BigDecimal.valueOf(kurus, SCALE));
    }

    /** unitPrice (any scale) × quantity, rounded half-up to the kuruş once. */
    public static Money times(BigDecimal unitPrice, BigDecimal quantity) {
        return of(unitPrice.multiply(quantity));
    }

    public BigDecimal amount() {
        return amount;
    }

    public long toKurus() {
        return amount.movePointRight(SCALE).longValueExact();
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(other.amount));
    }

    /** This amount × rate (e.g. 0.01 for 1% KDV), rounded half-up to the kuruş. */
    public Money multiply(BigDecimal rate) {
        return of(amount.multiply(rate));
    }

    public Money abs() {
        return new Money(amount.abs());
    }

    public Money negate() {
        return new Money(amount.negate());
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(other.amount);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && amount.equals(m.amount);
    }

    @Override
    public int hashCode() {
        return amount.hashCode();
    }

    /** Plain form for logs and files: {@code 1234.56}. */
    @Override
    public String toString() {
        return amount.toPlainString();
    }

    /** As people read it: {@code ₺1.234,56} in Turkish, {@code ₺1,234.56} in English. */
    public String format(Locale locale) {
        // written from the kuruş digits (no DecimalFormat per call: pages write many amounts)
        boolean turkish = "tr".equals(locale.getLanguage());
        String digits = amount.setScale(SCALE, ROUNDING).unscaledValue().abs().toString();
        if (digits.length() < SCALE + 1) {
            digits = "0".repeat(SCALE + 1 - digits.length()) + digits;
        }
        int units = digits.length() - SCALE;
        StringBuilder out = new StringBuilder(digits.length() + units / 3 + 3);
        if (amount.signum() < 0) {
            out.append('-');
        }
        out.append('₺');
        for (int i = 0; i < units; i++) {
            if (i > 0 && (units - i) % 3 == 0) {
                out.append(turkish ? '.' : ',');
            }
            out.append(digits.charAt(i));
        }
        return out.append(turkish ? ',' : '.').append(digits, units, digits.length()).toString();
    }
}
