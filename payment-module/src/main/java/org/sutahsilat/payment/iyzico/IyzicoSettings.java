package org.sutahsilat.payment.iyzico;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Connection settings for iyzico.
 *
 * @param baseUrl        {@code https://sandbox-api.iyzipay.com}, {@code https://api.iyzipay.com} or a
 *                       local iyzico-compatible simulator; iyzipay-java speaks HTTPS only
 * @param apiKey         merchant API key
 * @param secretKey      merchant secret key: signs requests and verifies responses; never printed
 * @param connectTimeout time allowed to connect
 * @param readTimeout    time allowed to wait for the answer; a call is abandoned after
 *                       {@code connectTimeout + readTimeout} (see {@link #callTimeout()})
 */
public record IyzicoSettings(String baseUrl, String apiKey, String secretKey,
                             Duration connectTimeout, Duration readTimeout) {

    public IyzicoSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (!"https".equalsIgnoreCase(URI.create(baseUrl).getScheme())) {
            throw new IllegalArgumentException(
                    "iyzico baseUrl must be https (iyzipay-java speaks HTTPS only): " + baseUrl);
        }
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("apiKey must not be blank");
        }
        if (secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException("secretKey must not be blank");
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
    }

    /** The total time a call may take before it is reported as a TIMEOUT. */
    public Duration callTimeout() {
        return connectTimeout.plus(readTimeout);
    }

    /** Never prints the secret key, nor the whole API key. */
    @Override
    public String toString() {
        return "IyzicoSettings[baseUrl=" + baseUrl
                + ", apiKey=" + mask(apiKey)
                + ", secretKey=***"
                + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + "]";
    }

    private static String mask(String key) {
        return key.length() <= 4 ? "***" : key.substring(0, 4) + "***";
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }
}
