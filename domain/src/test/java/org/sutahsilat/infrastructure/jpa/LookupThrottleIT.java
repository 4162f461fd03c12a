package org.sutahsilat.infrastructure.jpa;

import org.junit.jupiter.api.Test;
import org.sutahsilat.domain.portal.LookupThrottle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The lookup throttle on MariaDB (table portal_lookup_failure, migration V7): by number and by address. */
class LookupThrottleIT {

    private static final long INSTITUTION = 990_001; // keys only: no row of the institution is needed

    private static <T> T at(Instant now, java.util.function.Function<LookupThrottle, T> work) {
        return TestDatabase.inTransaction(em -> work.apply(new LookupThrottle(new JpaLookupThrottleStore(em),
                Clock.fixed(now, ZoneOffset.UTC))));
    }

    private static Optional<Instant> blocked(Instant now, String address, String number) {
        return at(now, t -> t.blockedUntil(address, INSTITUTION, number));
    }

    private static void fail(Instant now, String address, String number) {
        at(now, t -> {
            t.recordFailure(address, INSTITUTION, number);
            return null;
        });
    }

    @Test
    void aNumberGuessedFromTenAddressesIsBlockedForEveryoneAndOnlyForTheWindow() {
        Instant t0 = Instant.parse("2031-01-01T10:00:00Z");
        for (int i = 0; i < 10; i++) {
            fail(t0.plusSeconds(i), "198.51.100." + i, "7001");
        }
        Instant now = t0.plusSeconds(20);
        Optional<Instant> blocked = blocked(now, "203.0.113.9", "7001");
        assertThat(blocked).contains(t0.plus(LookupThrottle.WINDOW));
        // each address failed once only, and another number is not concerned
        assertThat(blocked(now, "198.51.100.3", "7002")).isEmpty();
        // once the oldest failure is out of the window, the number may be tried again
        assertThat(blocked(t0.plus(LookupThrottle.WINDOW).plusMillis(1), "203.0.113.9", "7001")).isEmpty();
    }

    @Test
    void oneAddressTryingTenNumbersIsBlockedForAnyNumber() {
        Instant t0 = Instant.parse("2031-02-01T10:00:00Z");
        for (int i = 0; i < 10; i++) {
            fail(t0.plusSeconds(i), "192.0.2.77", "80" + i);
        }
        Instant now = t0.plusSeconds(30);
        assertThat(blocked(now, "192.0.2.77", "9999"))
                .contains(t0.plus(LookupThrottle.WINDOW));
        assertThat(blocked(now, "192.0.2.78", "9999")).isEmpty();
        // failures older than the window are purged as new ones come
        fail(t0.plus(Duration.ofHours(1)), "192.0.2.99", "1");
        long left = TestDatabase.inTransaction(em -> ((Number) em.createNativeQuery(
                "SELECT COUNT(*) FROM portal_lookup_failure WHERE failed_at_ms < ?")
                .setParameter(1, t0.plus(Duration.ofMinutes(50)).toEpochMilli()).getSingleResult()).longValue());
        assertThat(left).isZero();
    }
}
