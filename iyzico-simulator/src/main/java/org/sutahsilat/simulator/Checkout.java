package org.sutahsilat.simulator;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/** One initialized Checkout Form, and the subscriber's choice on the hosted page once made. */
final class Checkout {

    enum State { OPEN, APPROVED, DECLINED }

    record Item(String id, String name, BigDecimal price) {
    }

    final String token;
    final String conversationId;
    final String basketId;
    final BigDecimal price;
    final BigDecimal paidPrice;
    final String currency;
    final URI callbackUrl;
    final String locale;
    final List<Item> items;
    final Instant expiresAt;
    private State state = State.OPEN;
    private String paymentId;

    Checkout(String token, String conversationId, String basketId, BigDecimal price, BigDecimal paidPrice,
             String currency, URI callbackUrl, String locale, List<Item> items, Instant expiresAt) {
        this.token = token;
        this.conversationId = conversationId;
        this.basketId = basketId;
        this.price = price;
        this.paidPrice = paidPrice;
        this.currency = currency;
        this.callbackUrl = callbackUrl;
        this.locale = locale;
        this.items = List.copyOf(items);
        this.expiresAt = expiresAt;
    }

    synchronized State state() {
        return state;
    }

    synchronized String paymentId() {
        return paymentId;
    }

    /** Records the choice; true only for the first choice (a second one changes nothing). */
    synchronized boolean decide(boolean approve, String newPaymentId) {
        if (state != State.OPEN) {
            return false;
        }
        state = approve ? State.APPROVED : State.DECLINED;
        paymentId = newPaymentId;
        return true;
    }

    boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
