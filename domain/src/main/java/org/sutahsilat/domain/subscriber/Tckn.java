package org.sutahsilat.domain.subscriber;

import org.sutahsilat.domain.shared.DomainException;

import java.io.Serializable;

/**
 * A Turkish national identity number (TC Kimlik No): 11 digits, the first not zero, with two check digits:
 * d10 = ((d1+d3+d5+d7+d9)·7 − (d2+d4+d6+d8)) mod 10 and d11 = (d1+…+d10) mod 10.
 * Personal data: {@link #toString()} prints it masked; use {@link #value()} only to encrypt or hash it.
 */
public final class Tckn implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String value;

    private Tckn(String value) {
        this.value = value;
    }

    public static Tckn of(String text) {
        String digits = text == null ? "" : text.trim();
        if (!isValid(digits)) {
            // never echo the number itself: it is personal data
            throw new DomainException("error.tckn.invalid", "invalid TC identity number");
        }
        return new Tckn(digits);
    }

    public static boolean isValid(String digits) {
        if (digits == null || digits.length() != 11 || digits.charAt(0) == '0') {
            return false;
        }
        int[] d = new int[11];
        for (int i = 0; i < 11; i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            d[i] = c - '0';
        }
        int odd = d[0] + d[2] + d[4] + d[6] + d[8];
        int even = d[1] + d[3] + d[5] + d[7];
        int tenth = Math.floorMod(odd * 7 - even, 10);
        if (tenth != d[9]) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += d[i];
        }
        return sum % 10 == d[10];
    }

    /** Builds a valid number from its first nine digits (demo data, tests). */
    public static Tckn fromFirstNine(String nine) {
        if (nine == null || !nine.matches("[1-9][0-9]{8}")) {
            throw new IllegalArgumentException("nine digits, the first not zero, expected");
        }
        int[] d = nine.chars().map(c -> c - '0').toArray();
        int tenth = Math.floorMod((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7]), 10);
        int sum = tenth;
        for (int x : d) {
            sum += x;
        }
        return new Tckn(nine + tenth + (sum % 10));
    }

    public String value() {
        return value;
    }

    /** {@code 123******78}: the first three and the last two digits. */
    public String masked() {
        return value.substring(0, 3) + "******" + value.substring(9);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tckn t && value.equals(t.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
