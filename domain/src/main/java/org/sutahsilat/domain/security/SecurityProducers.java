package org.sutahsilat.domain.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Produces the personal-data cipher from configuration {@code su.crypto.key} (env {@code SU_CRYPTO_KEY}) and the
 * portal's URL token signer from {@code su.portal.token-key} (env {@code SU_PORTAL_TOKEN_KEY}, base64, 32 bytes or
 * more); without that setting the signer's key is derived from {@code su.crypto.key} (HMAC, a separate key).
 */
@ApplicationScoped
public class SecurityProducers {

    @Produces
    @ApplicationScoped
    PersonalDataCipher personalDataCipher() {
        String key = ConfigProvider.getConfig().getOptionalValue("su.crypto.key", String.class)
                .orElseThrow(() -> new IllegalStateException("su.crypto.key (SU_CRYPTO_KEY) is not configured"));
        return PersonalDataCipher.fromBase64(key);
    }

    /** A pseudo-scoped singleton: PortalTokens is a final, immutable value (no client proxy needed). */
    @Produces
    @jakarta.inject.Singleton
    PortalTokens portalTokens(java.time.Clock clock) {
        var config = ConfigProvider.getConfig();
        return PortalTokens.fromSettings(config.getOptionalValue("su.portal.token-key", String.class),
                config.getOptionalValue("su.crypto.key", String.class), clock);
    }
}
