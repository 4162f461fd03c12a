package org.sutahsilat.domain.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.ConfigProvider;

/** Produces the personal-data cipher from configuration {@code su.crypto.key} (env {@code SU_CRYPTO_KEY}). */
@ApplicationScoped
public class SecurityProducers {

    @Produces
    @ApplicationScoped
    PersonalDataCipher personalDataCipher() {
        String key = ConfigProvider.getConfig().getOptionalValue("su.crypto.key", String.class)
                .orElseThrow(() -> new IllegalStateException("su.crypto.key (SU_CRYPTO_KEY) is not configured"));
        return PersonalDataCipher.fromBase64(key);
    }
}
