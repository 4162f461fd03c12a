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

    @Produces
    @ApplicationScoped
    PortalTokens portalTokens(java.time.Clock clock) {
        var config = ConfigProvider.getConfig();
        byte[] key = config.getOptionalValue("su.portal.token-key", String.class)
                .map(k -> java.util.Base64.getDecoder().decode(k.trim()))
                .orElseGet(() -> derived(config.getOptionalValue("su.crypto.key", String.class).orElseThrow(
                        () -> new IllegalStateException("neither su.portal.token-key nor su.crypto.key is configured"))));
        return new PortalTokens(key, clock);
    }

    private static byte[] derived(String cryptoKeyBase64) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(java.util.Base64.getDecoder().decode(cryptoKeyBase64.trim()),
                    "HmacSHA256"));
            return mac.doFinal("su-tahsilat portal token key".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
