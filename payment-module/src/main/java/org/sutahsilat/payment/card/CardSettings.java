package org.sutahsilat.payment.card;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the card flow.
 *
 * @param callbackUrl        where the gateway posts the token: {@code su.public.base.url} + {@code /odeme/donus}
 * @param grace              an attempt younger than this is left to its callback by the reconciliation
 * @param tokenLifetime      lifetime of a checkout token when the gateway reports none (iyzico: 1800 s)
 * @param lease              how long one node holds the reconciliation lease
 * @param concurrentPostings how many settlements of this node post to the ledger at once; more deliveries wait for
 *                           a turn (before their transaction, holding no lock), see {@link #defaultConcurrentPostings}
 */
public record CardSettings(String callbackUrl, Duration grace, Duration tokenLifetime, Duration lease,
                           int concurrentPostings) {

    public static final Duration IYZICO_TOKEN_LIFETIME = Duration.ofSeconds(1800);

    public CardSettings {
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(tokenLifetime, "tokenLifetime");
        Objects.requireNonNull(lease, "lease");
        if (concurrentPostings < 1) {
            throw new IllegalArgumentException("concurrentPostings must be at least 1: " + concurrentPostings);
        }
    }

    /** With the default number of concurrent postings. */
    public CardSettings(String callbackUrl, Duration grace, Duration tokenLifetime, Duration lease) {
        this(callbackUrl, grace, tokenLifetime, lease, defaultConcurrentPostings());
    }

    /**
     * Two postings per core (at least two). A posting is CPU work here and in the database, a few milliseconds of
     * it; a burst of deliveries (a webhook backlog after an outage, the callback, refresh and webhook of many
     * payments) let through all at once only makes them queue on each other's locks and latches: measured with the
     * callback benchmark on 2 cores, 32 deliveries in flight settled 150–165 attempts/s unbounded and 170–210/s with
     * 4 postings at a time (2 at a time: 150/s, the cores then wait on the database).
     */
    public static int defaultConcurrentPostings() {
        return Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
    }
}
