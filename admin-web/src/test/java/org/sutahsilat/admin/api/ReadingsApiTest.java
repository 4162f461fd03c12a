package org.sutahsilat.admin.api;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The API's language choice (its JSON parsing and answers are proven in AdminWebIT, in the container). */
class ReadingsApiTest {

    @Test
    void languageIsTheFirstOfTurkishOrEnglishAndTurkishByDefault() {
        assertThat(ApiLanguage.of(List.of())).isEqualTo(ApiLanguage.TURKISH);
        assertThat(ApiLanguage.of((List<Locale>) null)).isEqualTo(ApiLanguage.TURKISH);
        assertThat(ApiLanguage.of(List.of(Locale.forLanguageTag("en-US"), Locale.forLanguageTag("tr"))))
                .isEqualTo(Locale.ENGLISH);
        assertThat(ApiLanguage.of(List.of(Locale.GERMAN, Locale.forLanguageTag("tr-TR"), Locale.ENGLISH)))
                .isEqualTo(ApiLanguage.TURKISH);
        assertThat(ApiLanguage.of(List.of(Locale.GERMAN))).isEqualTo(ApiLanguage.TURKISH);
    }
}
