package org.sutahsilat.domain.security;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Signed tokens the portal puts in URLs, so that a page can be opened without the payment code and without any state
 * on the server (HMAC-SHA256, a key of its own per purpose; compared in constant time).
 * <ul>
 *   <li><b>Bill</b> ({@link #bill}): printed as the bill's QR code, opens that one bill's page. It never expires (the
 *       paper does not change); it names the institution and the bill, nothing personal.</li>
 *   <li><b>Access</b> ({@link #access}): handed out after a successful lookup (or a QR bill page), lets the same
 *       subscriber open their bill and receipt PDFs and the payment page for a short while.</li>
 * </ul>
 * A token that was changed, cut, made for another purpose or (access) has expired is simply not valid: callers answer
 * "not found", never why.
 */
public final class PortalTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final int MAC_BYTES = 16; // 128 bits: short enough for a small QR code, far beyond guessing
    private static final int MAX_TOKEN = 200;

    /** The bill a printed QR code opens. */
    public record BillRef(long institutionId, long billId) {
    }

    /** A subscriber allowed to see their own documents and pay, until {@code expiresAt}. */
    public record Access(long institutionId, long subscriberId, Instant expiresAt) {
    }

    private final byte[] billKey;
    private final byte[] accessKey;
    private final Clock clock;

    /** @param key at least 32 bytes of secret; the per-purpose keys are derived from it */
    public PortalTokens(byte[] key, Clock clock) {
        Objects.requireNonNull(key, "key");
        if (key.length < 32) {
            throw new IllegalArgumentException("the portal token key needs at least 32 bytes");
        }
        this.billKey = mac(key, "su-tahsilat portal bill token".getBytes(StandardCharsets.UTF_8), 32);
        this.accessKey = mac(key, "su-tahsilat portal access token".getBytes(StandardCharsets.UTF_8), 32);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The signer from configuration: {@code su.portal.token-key} (base64, 32 bytes or more) when set, otherwise a key
     * derived from {@code su.crypto.key} (HMAC-SHA256 over a fixed label: a separate key, never the cipher's own).
     */
    public static PortalTokens fromSettings(Optional<String> tokenKeyBase64, Optional<String> cryptoKeyBase64,
                                            Clock clock) {
        byte[] key = tokenKeyBase64.filter(k -> !k.isBlank()).map(k -> Base64.getDecoder().decode(k.trim()))
                .orElseGet(() -> mac(Base64.getDecoder().decode(cryptoKeyBase64.filter(k -> !k.isBlank())
                                .orElseThrow(() -> new IllegalStateException(
                                        "neither su.portal.token-key nor su.crypto.key is configured")).trim()),
                        "su-tahsilat portal token key".getBytes(StandardCharsets.UTF_8), 32));
        return new PortalTokens(key, clock);
    }

    /** The bill's printed token: {@code <institution>.<bill>.<mac>}, URL-safe. */
    public String bill(long institutionId, long billId) {
        return sign(billKey, institutionId + "." + billId);
    }

    public Optional<BillRef> verifyBill(String token) {
        return verify(billKey, token).flatMap(parts -> {
            if (parts.length != 2) {
                return Optional.empty();
            }
            return Optional.of(new BillRef(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
        });
    }

    /** An access token for the subscriber, valid for {@code ttl} from now. */
    public String access(long institutionId, long subscriberId, Duration ttl) {
        long expires = clock.instant().plus(ttl).getEpochSecond();
        return sign(accessKey, institutionId + "." + subscriberId + "." + expires);
    }

    /** The access the token grants, if it is genuine and not expired. */
    public Optional<Access> verifyAccess(String token) {
        return verify(accessKey, token).flatMap(parts -> {
            if (parts.length != 3) {
                return Optional.empty();
            }
            Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[2]));
            if (!clock.instant().isBefore(expires)) {
                return Optional.empty();
            }
            return Optional.of(new Access(Long.parseLong(parts[0]), Long.parseLong(parts[1]), expires));
        });
    }

    private static String sign(byte[] key, String payload) {
        byte[] tag = mac(key, payload.getBytes(StandardCharsets.ISO_8859_1), MAC_BYTES);
        return payload + "." + B64.encodeToString(tag);
    }

    /** The payload's numeric parts when the MAC matches; empty for anything else (no exception leaks out). */
    private static Optional<String[]> verify(byte[] key, String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN) {
            return Optional.empty();
        }
        int dot = token.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        // compared as text, not decoded: base64's last character has spare bits, and a token that differs in them
        // must not be accepted (one bill, one URL)
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = B64.encode(mac(key, payload.getBytes(StandardCharsets.ISO_8859_1), MAC_BYTES));
        if (!MessageDigest.isEqual(expected, given)) {
            return Optional.empty();
        }
        String[] parts = payload.split("\\.", -1);
        for (String part : parts) {
            if (!part.matches("[0-9]{1,18}")) {
                return Optional.empty();
            }
        }
        return Optional.of(parts);
    }

    private static byte[] mac(byte[] key, byte[] data, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(data), length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
