package org.sutahsilat.domain.device;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The secret a handheld device sends as {@code Authorization: Bearer <token>}: 32 random bytes, base64url without
 * padding (43 characters). Only its SHA-256 ({@link #hash()}, 64 lowercase hex digits) is stored; the token itself
 * is shown once, when the device is registered. {@link #toString()} never prints it.
 */
public final class DeviceToken {

    /** Random bytes of a token. */
    public static final int BYTES = 32;
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;

    private DeviceToken(String value) {
        this.value = value;
    }

    /** A new random token. */
    public static DeviceToken generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return new DeviceToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The token of a well-formed value (43 base64url characters); anything else is no token. */
    public static Optional<DeviceToken> parse(String value) {
        return value != null && FORMAT.matcher(value).matches() ? Optional.of(new DeviceToken(value))
                : Optional.empty();
    }

    /**
     * The token of an HTTP {@code Authorization} header of the form {@code Bearer <token>} (the scheme in any case,
     * one or more spaces); a missing header, another scheme or a malformed token is no token.
     */
    public static Optional<DeviceToken> fromAuthorizationHeader(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String h = header.strip();
        if (h.length() < 7 || !h.regionMatches(true, 0, "Bearer", 0, 6) || !Character.isWhitespace(h.charAt(6))) {
            return Optional.empty();
        }
        return parse(h.substring(7).strip());
    }

    /** The value to hand to the device (once). */
    public String value() {
        return value;
    }

    /** SHA-256 of the token's text, as 64 lowercase hex digits: what the database keeps. */
    public String hash() {
        return sha256Hex(value);
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeviceToken t && MessageDigest.isEqual(value.getBytes(StandardCharsets.US_ASCII),
                t.value.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "DeviceToken[***]";
    }
}
