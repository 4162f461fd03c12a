package org.sutahsilat.portal.i18n;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundles are ASCII with \\u escapes (no reader can get the Turkish letters wrong) and agree on keys. */
class PortalBundlesTest {

    private static final Locale TR = Locale.forLanguageTag("tr");

    @ParameterizedTest
    @ValueSource(strings = {"messages_tr", "messages_en", "faces_tr", "faces_en"})
    void filesArePureAscii(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/org/sutahsilat/portal/" + name + ".properties")) {
            assertThat(in).as(name).isNotNull();
            byte[] bytes = in.readAllBytes();
            for (byte b : bytes) {
                assertThat(b & 0xff).as(name + " must be ASCII (use \\uXXXX escapes)").isLessThan(128);
            }
        }
    }

    @Test
    void turkishAndEnglishHaveTheSameKeys() {
        assertThat(keys(Messages.BUNDLE, TR)).isEqualTo(keys(Messages.BUNDLE, Locale.ENGLISH));
        assertThat(keys("org.sutahsilat.portal.faces", TR)).isEqualTo(keys("org.sutahsilat.portal.faces", Locale.ENGLISH));
    }

    @Test
    void turkishLettersSurviveTheEscapes() {
        ResourceBundle tr = ResourceBundle.getBundle(Messages.BUNDLE, TR);
        assertThat(tr.getString("lookup.failed")).startsWith("Abone numarası veya ödeme kodu hatalı.");
        assertThat(tr.getString("result.noDebt")).isEqualTo("Borcunuz bulunmamaktadır.");
        assertThat(tr.getString("lookup.paymentCode")).isEqualTo("Ödeme kodu");
        assertThat(ResourceBundle.getBundle(Messages.BUNDLE, Locale.ENGLISH).getString("lookup.paymentCode"))
                .isEqualTo("Payment code");
    }

    private static Set<String> keys(String base, Locale locale) {
        return ResourceBundle.getBundle(base, locale).keySet();
    }
}
