package org.sutahsilat.admin.api;

import jakarta.ws.rs.core.HttpHeaders;

import java.util.List;
import java.util.Locale;

/** The language of an API answer: the first of Turkish or English in Accept-Language; Turkish by default. */
public final class ApiLanguage {

    static final Locale TURKISH = Locale.forLanguageTag("tr");

    private ApiLanguage() {
    }

    public static Locale of(HttpHeaders headers) {
        return headers == null ? TURKISH : of(headers.getAcceptableLanguages());
    }

    /** @param acceptable the Accept-Language ranges, most preferred first */
    static Locale of(List<Locale> acceptable) {
        if (acceptable != null) {
            for (Locale l : acceptable) {
                if ("tr".equalsIgnoreCase(l.getLanguage())) {
                    return TURKISH;
                }
                if ("en".equalsIgnoreCase(l.getLanguage())) {
                    return Locale.ENGLISH;
                }
            }
        }
        return TURKISH;
    }
}
