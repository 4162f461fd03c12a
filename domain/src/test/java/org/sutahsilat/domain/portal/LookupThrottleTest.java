package org.sutahsilat.domain.portal;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LookupThrottleTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void tenFailuresInTheWindowBlockUntilTheOldestCountingOneAgesOut() {
        List<Instant> failures = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            failures.add(T0.plusSeconds(30L * i));
        }
        assertThat(LookupThrottle.until(failures)).as("nine failures").isEmpty();
        failures.add(T0.plusSeconds(300));
        assertThat(LookupThrottle.until(failures)).as("the tenth").contains(T0.plus(Duration.ofMinutes(10)));
        failures.add(T0.plusSeconds(310));
        failures.add(T0.plusSeconds(320));
        // twelve: two of them must age out first, so the third oldest decides
        assertThat(LookupThrottle.until(failures)).contains(T0.plusSeconds(60).plus(Duration.ofMinutes(10)));
    }

    @Test
    void keysAreHashesAndSeparateInstitutionsAndAddresses() {
        String key = LookupThrottle.numberKey(7, "1001");
        assertThat(key).matches("[0-9a-f]{64}").doesNotContain("1001");
        assertThat(LookupThrottle.numberKey(7, " 1001 ")).isEqualTo(key);
        assertThat(LookupThrottle.numberKey(8, "1001")).isNotEqualTo(key);
        assertThat(LookupThrottle.addressKey("10.0.0.1")).isNotEqualTo(LookupThrottle.addressKey("10.0.0.2"))
                .doesNotContain("10.0.0.1");
        assertThat(LookupThrottle.addressKey("2001:DB8::1")).isEqualTo(LookupThrottle.addressKey("2001:db8::1"));
    }
}
