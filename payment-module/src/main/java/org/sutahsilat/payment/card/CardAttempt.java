package org.sutahsilat.payment.card;

import java.time.Instant;

/** A stored payment attempt (table payment_attempt). */
public record CardAttempt(long id, long institutionId, long subscriberId, String reference, long amountKurus,
                          String currency, AttemptStatus status, String token, String pageUrl,
                          Instant tokenExpiresAt, String gatewayPaymentId, Long paymentId, boolean needsReview,
                          Instant createdAt) {

    /** Our attempt id as sent to the gateway (conversationId). */
    public String conversationId() {
        return String.valueOf(id);
    }
}
