package org.sutahsilat.payment;

/**
 * Port to a hosted card-payment page (iyzico Checkout Form).
 *
 * <p>Implementations are framework-free and thread-safe. Every method either returns a value
 * whose signature was checked as far as the gateway signs it, or throws
 * {@link PaymentGatewayException}; no other runtime exception is expected from a well-formed call.
 */
public interface PaymentGateway {

    /**
     * Opens a checkout session for the basket; the subscriber is then redirected to
     * {@link CheckoutSession#paymentPageUrl()}.
     *
     * @throws PaymentGatewayException UNAVAILABLE, TIMEOUT, REJECTED (the gateway refused the
     *         request, see its error code), SIGNATURE_INVALID or INVALID_RESPONSE
     */
    CheckoutSession initializeCheckout(CheckoutRequest request);

    /**
     * Asks the gateway for the result of the checkout identified by {@code token}. Never trust the
     * token's callback alone: this call is the only source of a payment's outcome.
     *
     * @param token          the token of {@link CheckoutSession#token()} (or posted to the callback)
     * @param conversationId our attempt id, echoed by the gateway
     * @throws PaymentGatewayException UNAVAILABLE, TIMEOUT, SIGNATURE_INVALID or INVALID_RESPONSE;
     *         a gateway answer of {@code status=failure} is a {@link CheckoutStatus#FAILURE} result,
     *         not an exception
     */
    CheckoutResult retrieveCheckout(String token, String conversationId);
}
