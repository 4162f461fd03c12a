package org.sutahsilat.infrastructure.pdf;

import java.util.Locale;
import java.util.ResourceBundle;

/** The language a printed document uses: English on request, Turkish otherwise; and its labels. */
final class PdfLanguage {

    private PdfLanguage() {
    }

    /** Turkish ({@code tr}) or English ({@code en}); any other language prints Turkish. */
    static Locale of(Locale requested) {
        return "en".equals(requested.getLanguage()) ? Locale.ENGLISH : Locale.forLanguageTag("tr-TR");
    }

    /** The document's labels in exactly that language (no fallback to the JVM's default locale). */
    static ResourceBundle labels(String bundle, Locale locale) {
        return ResourceBundle.getBundle(bundle, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
