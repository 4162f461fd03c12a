package org.sutahsilat.payment;

import java.util.Objects;

/**
 * What the gateway reports for a checkout. The payment flow must still compare amount, currency
 * and {@code basketId} with the saved attempt before recording a payment.
 *
 * @param status            our reading of {@code status} and {@code paymentStatus}
 * @param paymentStatus     the gateway's raw {@code paymentStatus} (SUCCESS, FAILURE, INIT_THREEDS, ...), may be null
 * @param paymentId         the gateway's payment id, null when no payment was made
 * @param paidPriceKurus    amount charged, in kuruş; always reported for SUCCESS, 0 when the gateway reported none
 * @param priceKurus        basket total, in kuruş; always reported for SUCCESS, 0 when the gateway reported none
 * @param currency          e.g. {@code TRY}, may be null on failures
 * @param basketId          our reference, echoed by the gateway
 * @param conversationId    our attempt id, echoed by the gateway
 * @param token             the checkout token
 * @param fraudStatus       1 approved, 0 under review, -1 rejected; null when not reported
 * @param errorCode         the gateway's error code on failure
 * @param errorMessage      the gateway's error message on failure
 * @param signatureVerified true when the response carried a signature and it matched; always true
 *                          for SUCCESS (an unsigned or badly signed success is an exception instead)
 */
public record CheckoutResult(CheckoutStatus status,
                             String paymentStatus,
                             String paymentId,
                             long paidPriceKurus,
                             long priceKurus,
                             String currency,
                             String basketId,
                             String conversationId,
                             String token,
                             Integer fraudStatus,
                             String errorCode,
                             String errorMessage,
                             boolean signatureVerified) {

    public CheckoutResult {
        Objects.requireNonNull(status, "status");
        if (paidPriceKurus < 0 || priceKurus < 0) {
            throw new IllegalArgumentException("amounts must not be negative");
        }
        if (status == CheckoutStatus.SUCCESS && !signatureVerified) {
            throw new IllegalArgumentException("a SUCCESS result must carry a verified signature");
        }
    }

    public boolean isSuccess() {
        return status == CheckoutStatus.SUCCESS;
    }
}
