package org.sutahsilat.payment.card;

/** How a token reached us; each delivery is checked with the gateway the same way. */
public enum DeliveryChannel {
    CALLBACK,
    WEBHOOK,
    RECONCILIATION
}
