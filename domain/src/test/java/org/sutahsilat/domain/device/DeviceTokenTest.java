package org.sutahsilat.domain.device;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DeviceTokenTest {

    @Test
    void generatedTokensAre32RandomBytesInBase64UrlWithoutPadding() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String value = DeviceToken.generate().value();
            assertThat(value).hasSize(43).matches("[A-Za-z0-9_-]+");
            assertThat(Base64.getUrlDecoder().decode(value)).hasSize(32);
            seen.add(value);
        }
        assertThat(seen).hasSize(200);
    }

    @Test
    void theHashIsTheSha256OfTheTokenTextInLowercaseHex() {
        // 43 × "A" is a well-formed token; its SHA-256 computed independently (sha256sum of the ASCII text)
        DeviceToken token = DeviceToken.parse("A".repeat(43)).orElseThrow();
        assertThat(token.hash()).isEqualTo("0f007385b6f9d4b7eeb2748605afe1a984a0a3bfa3f014d09e2a784ce9e5cd1a");
        DeviceToken generated = DeviceToken.generate();
        assertThat(generated.hash()).matches("[0-9a-f]{64}").isNotEqualTo(generated.value())
                .isEqualTo(DeviceToken.parse(generated.value()).orElseThrow().hash());
    }

    @Test
    void bearerHeaderIsParsedStrictly() {
        String value = DeviceToken.generate().value();
        assertThat(DeviceToken.fromAuthorizationHeader("Bearer " + value)).map(DeviceToken::value).contains(value);
        assertThat(DeviceToken.fromAuthorizationHeader("bearer   " + value + " ")).map(DeviceToken::value)
                .contains(value);
        assertThat(DeviceToken.fromAuthorizationHeader(null)).isEmpty();
        assertThat(DeviceToken.fromAuthorizationHeader("")).isEmpty();
        assertThat(DeviceToken.fromAuthorizationHeader("Bearer")).isEmpty();
        assertThat(DeviceToken.fromAuthorizationHeader("Bearer ")).isEmpty();
        assertThat(DeviceToken.fromAuthorizationHeader("Basic " + value)).isEmpty();
        assertThat(DeviceToken.fromAuthorizationHeader("Bearer" + value)).isEmpty();
        assertThat(DeviceToken.fromAuthorizationHeader("Bearer " + value + "x")).isEmpty();
        assertThat(DeviceToken.fromAuthorizationHeader("Bearer " + value.substring(1))).isEmpty();
        assertThat(DeviceToken.fromAuthorizationHeader("Bearer " + value.substring(1) + "=")).isEmpty();
        assertThat(DeviceToken.fromAuthorizationHeader("Bearer " + value.substring(1) + "+")).isEmpty();
        assertThat(DeviceToken.fromAuthorizationHeader("Bearer " + value + " " + value)).isEmpty();
    }

    @Test
    void theTokenNeverPrintsAndTheDeviceKeepsOnlyItsHash() {
        DeviceToken token = DeviceToken.generate();
        assertThat(token.toString()).doesNotContain(token.value());
        ReaderDevice device = ReaderDevice.register(1, 2, "El terminali 1", token, 3L, Instant.EPOCH);
        assertThat(device.getTokenHash()).isEqualTo(token.hash()).doesNotContain(token.value());
        assertThat(device.isRevoked()).isFalse();
        device.revoke(3L, Instant.EPOCH.plusSeconds(60));
        device.revoke(4L, Instant.EPOCH.plusSeconds(120));
        assertThat(device.isRevoked()).isTrue();
        assertThat(device.getRevokedAt()).isEqualTo(Instant.EPOCH.plusSeconds(60));
    }
}
