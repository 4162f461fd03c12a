package org.sutahsilat.domain.billing;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The heartbeat is a worker's fencing token: to the microsecond, and strictly after the one before. */
class BillingRunHeartbeatTest {

    private static final Instant T = Instant.parse("2026-03-20T08:00:00.123456Z");

    @Test
    void isNowToTheMicrosecond() {
        assertThat(BillingRunService.nextHeartbeat(null, T.plusNanos(789))).isEqualTo(T);
        assertThat(BillingRunService.nextHeartbeat(T.minusSeconds(5), T)).isEqualTo(T);
    }

    @Test
    void neverRepeatsOrGoesBackEvenWhenTheClockDoes() {
        assertThat(BillingRunService.nextHeartbeat(T, T)).isEqualTo(T.plusNanos(1000));
        assertThat(BillingRunService.nextHeartbeat(T, T.minusSeconds(30))).isEqualTo(T.plusNanos(1000));
        Instant last = null;
        for (int i = 0; i < 1000; i++) {
            Instant next = BillingRunService.nextHeartbeat(last, T);
            if (last != null) {
                assertThat(next).isAfter(last);
            }
            last = next;
        }
    }
}
