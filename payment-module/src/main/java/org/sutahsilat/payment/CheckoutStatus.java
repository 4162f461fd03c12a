package org.sutahsilat.payment;

/** Outcome of a checkout as reported by {@link PaymentGateway#retrieveCheckout}. */
public enum CheckoutStatus {
    /** {@code status=success} and {@code paymentStatus=SUCCESS}: the card was charged. */
    SUCCESS,
    /**
     * {@code status=failure} (the gateway's error code says why) or {@code paymentStatus=FAILURE}:
     * the card was not charged by this checkout.
     */
    FAILURE,
    /**
     * {@code status=success} but the payment has not completed yet ({@code INIT_THREEDS},
     * {@code CALLBACK_THREEDS}, {@code BKM_POS_SELECTED}, {@code CALLBACK_PECCO} or none): ask again later.
     */
    PENDING
}
