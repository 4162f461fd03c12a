package org.sutahsilat.portal.i18n;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocaleBackingTest {

    @Test
    void turkishByDefault() {
        assertThat(new LocaleBacking().getLanguage()).isEqualTo("tr");
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
}
