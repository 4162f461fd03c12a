package org.sutahsilat.portal.i18n;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocaleBackingTest {

    @Test
    void turkishByDefault() {
        assertThat(LanguageFilter.of(null)).isEqualTo(LocaleBacking.TURKISH);
    }

    @Test
    void onlyTurkishAndEnglishAreSupported() {
        assertThat(LocaleBacking.supported("en")).isEqualTo(LocaleBacking.ENGLISH);
        assertThat(LocaleBacking.supported("en-GB")).isEqualTo(LocaleBacking.ENGLISH);
        assertThat(LocaleBacking.supported("tr")).isEqualTo(LocaleBacking.TURKISH);
        assertThat(LocaleBacking.supported("de")).isEqualTo(LocaleBacking.TURKISH);
        assertThat(LocaleBacking.supported("<script>")).isEqualTo(LocaleBacking.TURKISH);
        assertThat(LocaleBacking.supported(null)).isEqualTo(LocaleBacking.TURKISH);
    }

    @Test
    void theSwitchKeepsThePagesQueryAndReplacesOnlyTheLanguage() {
        assertThat(LocaleBacking.withLanguage(null, "lang=en")).isEqualTo("lang=en");
        assertThat(LocaleBacking.withLanguage("t=abc.def", "lang=en")).isEqualTo("t=abc.def&lang=en");
        assertThat(LocaleBacking.withLanguage("lang=en&t=x&language=1&lang", "lang=tr"))
                .isEqualTo("t=x&language=1&lang=tr");
    }

    @Test
    void outsideARequestTheSwitchGoesToTheStartPage() {
        assertThat(LocaleBacking.switchUrl(null, "en")).isEqualTo("/?lang=en");
        assertThat(LocaleBacking.switchUrl(null, "xx")).isEqualTo("/?lang=tr");
    }
}
