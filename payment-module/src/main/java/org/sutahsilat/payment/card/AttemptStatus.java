package org.sutahsilat.payment.card;

import java.util.Set;

/**
 * Life of a card payment attempt. OPEN and UNKNOWN are active (they hold the subscriber's one active slot and block
 * a new charge); the others are final, except that a gateway SUCCESS still settles a FAILED or EXPIRED attempt (the
 * bank took the money: it must be recorded) but never a REJECTED one (staff review).
 */
public enum AttemptStatus {
    /** Stored, the checkout opened (or being opened); waiting for the subscriber. */
    OPEN,
    /** The gateway did not answer (timeout, unavailable): the outcome is unknown until a retrieve answers. */
    UNKNOWN,
    /** One payment recorded for it. */
    SUCCEEDED,
    /** The gateway reported FAILURE: nothing charged. */
    FAILED,
    /** The token's lifetime passed without a successful retrieve. */
    EXPIRED,
    /** The gateway's answer did not match the attempt (amount, currency, basket, conversation): for staff. */
    REJECTED;

    /** States a SUCCESS of the gateway may settle. */
    public static final Set<AttemptStatus> SETTLEABLE = Set.of(OPEN, UNKNOWN, FAILED, EXPIRED);

    public boolean isActive() {
        return this == OPEN || this == UNKNOWN;
    }
}
