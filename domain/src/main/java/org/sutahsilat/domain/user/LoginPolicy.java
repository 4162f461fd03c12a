package org.sutahsilat.domain.user;

import java.time.Duration;

/** After {@code maxFailures} wrong passwords in a row the account is locked for {@code lockDuration}. */
public record LoginPolicy(int maxFailures, Duration lockDuration) {

    public static final LoginPolicy DEFAULT = new LoginPolicy(5, Duration.ofMinutes(15));

    public LoginPolicy {
        if (maxFailures < 1 || lockDuration.isNegative() || lockDuration.isZero()) {
            throw new IllegalArgumentException("invalid login policy");
        }
    }
}
