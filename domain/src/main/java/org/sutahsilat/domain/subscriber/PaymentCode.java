package org.sutahsilat.domain.subscriber;

import org.sutahsilat.domain.shared.DomainException;

import java.io.Serializable;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The code printed on every bill that the portal asks for together with the subscriber number.
 * Eight characters from an alphabet without look-alikes (no 0/O, 1/I/L), compared in constant time.
 */
public record PaymentCode(String value) implements Serializable {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public static final int LENGTH = 8;
    private static final Pattern FORMAT = Pattern.compile("[" + ALPHABET + "]{" + LENGTH + "}");

    public PaymentCode {
        String normal = normalize(value);
        if (!FORMAT.matcher(normal).matches()) {
            throw new DomainException("error.paymentCode.invalid", "invalid payment code");
        }
        value = normal;
    }

    public static PaymentCode generate(SecureRandom random) {
        StringBuilder sb = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new PaymentCode(sb.toString());
    }

    /** Upper-case, spaces and dashes removed, so that "abcd-2345" matches "ABCD2345". */
    public static String normalize(String text) {
        return text == null ? "" : text.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /** Constant-time comparison with what a person typed. */
    public boolean matches(String typed) {
        byte[] a = value.getBytes(StandardCharsets.US_ASCII);
        byte[] b = normalize(typed).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(a, b);
    }

    @Override
    public String toString() {
        return value.substring(0, 4) + "-" + value.substring(4);
    }
}
