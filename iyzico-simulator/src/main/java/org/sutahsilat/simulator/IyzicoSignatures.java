package org.sutahsilat.simulator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The HMAC-SHA256 arithmetic iyzico uses, written from iyzico's documentation (not taken from iyzipay-java, so
 * that the tests check the client against an independent implementation):
 * <ul>
 *   <li>request authorization {@code IYZWSv2 base64("apiKey:K&randomKey:R&signature:S")}, S = hex HMAC over
 *       {@code randomKey + uri path + body};</li>
 *   <li>response signatures: hex HMAC over the colon-joined fields, a missing field written empty, amounts
 *       without trailing zeros;</li>
 *   <li>webhook {@code X-IYZ-SIGNATURE-V3} of a Checkout Form: hex HMAC over
 *       {@code secretKey + iyziEventType + iyziPaymentId + token + paymentConversationId + status}.</li>
 * </ul>
 */
public final class IyzicoSignatures {

    public static final String AUTHORIZATION_PREFIX = "IYZWSv2 ";

    private IyzicoSignatures() {
    }

    public static String hmacSha256Hex(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A response signature: the fields joined by ':', null written as the empty string. */
    public static String responseSignature(String secretKey, Object... fields) {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                data.append(':');
            }
            data.append(text(fields[i]));
        }
        return hmacSha256Hex(secretKey, data.toString());
    }

    /** The webhook header {@code X-IYZ-SIGNATURE-V3} of a Checkout Form payment. */
    public static String webhookSignatureV3(String secretKey, String eventType, String paymentId, String token,
                                            String paymentConversationId, String status) {
        return hmacSha256Hex(secretKey, secretKey + text(eventType) + text(paymentId) + text(token)
                + text(paymentConversationId) + text(status));
    }

    /** 150.00 is signed as {@code 150}, 148.10 as {@code 148.1}. */
    static String amount(BigDecimal amount) {
        return amount == null ? "" : amount.stripTrailingZeros().toPlainString();
    }

    private static String text(Object field) {
        if (field == null) {
            return "";
        }
        return field instanceof BigDecimal d ? amount(d) : field.toString();
    }

    /** What an {@code Authorization} header says, or why it is refused. */
    record Authorization(String apiKey, String randomKey, String signature) {

        /** Parses {@code IYZWSv2 base64(...)}; null when the header is missing or malformed. */
        static Authorization parse(String header) {
            if (header == null || !header.startsWith(AUTHORIZATION_PREFIX)) {
                return null;
            }
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(AUTHORIZATION_PREFIX.length()).trim()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            Map<String, String> parts = new HashMap<>();
            for (String part : decoded.split("&")) {
                int colon = part.indexOf(':');
                if (colon > 0) {
                    parts.put(part.substring(0, colon), part.substring(colon + 1));
                }
            }
            if (!parts.containsKey("apiKey") || !parts.containsKey("randomKey") || !parts.containsKey("signature")) {
                return null;
            }
            return new Authorization(parts.get("apiKey"), parts.get("randomKey"), parts.get("signature"));
        }

        boolean signs(String secretKey, String path, String body) {
            byte[] expected = hmacSha256Hex(secretKey, randomKey + path + body).getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
        }
    }
}
