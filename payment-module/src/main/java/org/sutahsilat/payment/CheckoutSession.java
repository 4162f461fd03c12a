package org.sutahsilat.payment;

import java.util.Objects;

/**
 * An opened checkout: redirect the subscriber to {@code paymentPageUrl}; keep {@code token} with
 * the attempt to retrieve the result.
 *
 * @param token                   the gateway's token for this checkout
 * @param paymentPageUrl          the hosted payment page
 * @param tokenExpireTimeSeconds  lifetime of the token in seconds as reported (iyzico: 1800), 0 if not reported
 * @param conversationId          our attempt id, as echoed by the gateway
 */
public record CheckoutSession(String token, String paymentPageUrl, long tokenExpireTimeSeconds,
                              String conversationId) {

    public CheckoutSession {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(paymentPageUrl, "paymentPageUrl");
        if (tokenExpireTimeSeconds < 0) {
            throw new IllegalArgumentException("tokenExpireTimeSeconds must not be negative");
        }
    }
}
