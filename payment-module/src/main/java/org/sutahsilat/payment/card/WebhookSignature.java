package org.sutahsilat.payment.card;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

/**
 * iyzico's webhook signature {@code X-IYZ-SIGNATURE-V3} for the hosted page (Checkout Form) format: HMAC-SHA256,
 * keyed with the merchant's secret key, over the concatenation (no separator) of
 * {@code secretKey + iyziEventType + iyziPaymentId + token + paymentConversationId + status}, lower-case hex
 * (iyzico's webhook documentation and its iyzipay-php sample). Compared in constant time.
 */
public final class WebhookSignature {

    private final String secretKey;

    public WebhookSignature(String secretKey) {
        if (secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException("secretKey must not be blank");
        }
        this.secretKey = secretKey;
    }

    /** The fields of the hosted-page webhook body that are signed. */
    public record Fields(String iyziEventType, String iyziPaymentId, String token, String paymentConversationId,
                         String status) {
    }

    public String sign(Fields f) {
        String data = secretKey + nz(f.iyziEventType()) + nz(f.iyziPaymentId()) + nz(f.token())
                + nz(f.paymentConversationId()) + nz(f.status());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when {@code header} is the signature of the fields; a missing header is false. */
    public boolean verify(Fields f, String header) {
        if (header == null || header.isBlank()) {
            return false;
        }
        byte[] expected = sign(f).getBytes(StandardCharsets.US_ASCII);
        byte[] given = header.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @Override
    public String toString() {
        return "WebhookSignature[secretKey=***]";
    }
}
