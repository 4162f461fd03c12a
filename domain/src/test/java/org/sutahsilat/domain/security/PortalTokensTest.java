package org.sutahsilat.domain.security;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortalTokensTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private final PortalTokens tokens = new PortalTokens(KEY, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aBillTokenOpensItsBillAndNothingElse() {
        String token = tokens.bill(7, 123456);
        assertThat(token).matches("7\\.123456\\.[A-Za-z0-9_-]{22}");
        assertThat(tokens.verifyBill(token)).contains(new PortalTokens.BillRef(7, 123456));
        // another bill's number with this MAC, another institution, a cut or altered MAC: not valid
        assertThat(tokens.verifyBill(token.replace("7.123456", "7.123457"))).isEmpty();
        assertThat(tokens.verifyBill(token.replace("7.123456", "8.123456"))).isEmpty();
        assertThat(tokens.verifyBill(token.substring(0, token.length() - 1))).isEmpty();
        char last = token.charAt(token.length() - 1);
        assertThat(tokens.verifyBill(token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A'))).isEmpty();
        // another key never accepts it
        byte[] other = KEY.clone();
        other[0] ^= 1;
        assertThat(new PortalTokens(other, Clock.systemUTC()).verifyBill(token)).isEmpty();
    }

    @Test
    void tokensOfOnePurposeAreNotValidForTheOther() {
        String access = tokens.access(7, 42, Duration.ofMinutes(30));
        assertThat(tokens.verifyBill(access)).isEmpty();
        String bill = tokens.bill(7, 42);
        assertThat(tokens.verifyAccess(bill)).isEmpty();
        assertThat(tokens.verifyAccess(bill + ".9999999999")).isEmpty();
    }

    @Test
    void anAccessTokenExpires() {
        String token = tokens.access(7, 42, Duration.ofMinutes(30));
        assertThat(tokens.verifyAccess(token)).contains(new PortalTokens.Access(7, 42, NOW.plusSeconds(1800)));
        PortalTokens later = new PortalTokens(KEY, Clock.fixed(NOW.plusSeconds(1800), ZoneOffset.UTC));
        assertThat(later.verifyAccess(token)).isEmpty();
        PortalTokens justBefore = new PortalTokens(KEY, Clock.fixed(NOW.plusSeconds(1799), ZoneOffset.UTC));
        assertThat(justBefore.verifyAccess(token)).isPresent();
        // pushing the expiry forward breaks the MAC
        String extended = token.replace("." + NOW.plusSeconds(1800).getEpochSecond() + ".",
                "." + NOW.plusSeconds(999_999).getEpochSecond() + ".");
        assertThat(extended).isNotEqualTo(token);
        assertThat(tokens.verifyAccess(extended)).isEmpty();
    }

    @Test
    void garbageIsNeverValidAndNeverThrows() {
        Random random = new Random(20261128);
        String alphabet = "0123456789.-_abcXYZ=%/ ";
        for (int i = 0; i < 5000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(60);
            for (int j = 0; j < n; j++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(tokens.verifyBill(sb.toString())).isEmpty();
            assertThat(tokens.verifyAccess(sb.toString())).isEmpty();
        }
        assertThat(tokens.verifyBill(null)).isEmpty();
        assertThat(tokens.verifyBill("x".repeat(10_000))).isEmpty();
        assertThatThrownBy(() -> new PortalTokens(new byte[31], Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theKeyComesFromItsOwnSettingOrIsDerivedFromTheCryptoKey() {
        String crypto = java.util.Base64.getEncoder().encodeToString(KEY);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        PortalTokens derived = PortalTokens.fromSettings(java.util.Optional.empty(), java.util.Optional.of(crypto),
                clock);
        // derived: not the crypto key itself, and stable for the same crypto key
        assertThat(tokens.verifyBill(derived.bill(1, 2))).isEmpty();
        assertThat(PortalTokens.fromSettings(java.util.Optional.of(" "), java.util.Optional.of(crypto), clock)
                .verifyBill(derived.bill(1, 2))).isPresent();
        PortalTokens own = PortalTokens.fromSettings(java.util.Optional.of(crypto), java.util.Optional.empty(), clock);
        assertThat(tokens.verifyBill(own.bill(1, 2))).isPresent();
        assertThatThrownBy(() -> PortalTokens.fromSettings(java.util.Optional.empty(), java.util.Optional.empty(),
                clock)).isInstanceOf(IllegalStateException.class);
    }
}
