package org.sutahsilat.payment.card;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the card flow.
 *
 * @param callbackUrl   where the gateway posts the token: {@code su.public.base.url} + {@code /odeme/donus}
 * @param grace         an attempt younger than this is left to its callback by the reconciliation
 * @param tokenLifetime lifetime of a checkout token when the gateway reports none (iyzico: 1800 s)
 * @param lease         how long one node holds the reconciliation lease
 */
public record CardSettings(String callbackUrl, Duration grace, Duration tokenLifetime, Duration lease) {

    public static final Duration IYZICO_TOKEN_LIFETIME = Duration.ofSeconds(1800);

    public CardSettings {
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(tokenLifetime, "tokenLifetime");
        Objects.requireNonNull(lease, "lease");
    }
}
