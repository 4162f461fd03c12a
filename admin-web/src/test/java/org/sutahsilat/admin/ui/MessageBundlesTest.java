package org.sutahsilat.admin.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The UI bundles: read as UTF-8, the same keys in both languages, every key a page uses exists. */
class MessageBundlesTest {

    static final ResourceBundle TR = ResourceBundle.getBundle(Messages.BUNDLE, Locale.forLanguageTag("tr"));
    static final ResourceBundle EN = ResourceBundle.getBundle(Messages.BUNDLE, Locale.ENGLISH);

    @Test
    void turkishLettersSurviveTheBundleLoader() {
        assertThat(TR.getString("login.title")).isEqualTo("Giriş");
        assertThat(TR.getString("category.COMMERCIAL")).isEqualTo("İşyeri");
        assertThat(TR.getString("login.locked")).startsWith("Hesap kilitlendi");
        assertThat(EN.getString("login.title")).isEqualTo("Sign in");
        assertThat(Messages.text(Locale.forLanguageTag("tr"), "home.welcome", "Ayşe")).isEqualTo("Hoş geldiniz, Ayşe.");
    }

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(new TreeSet<>(TR.keySet())).isEqualTo(new TreeSet<>(EN.keySet()));
    }

    @Test
    void everyKeyUsedInAPageExists() throws IOException {
        Pattern key = Pattern.compile("msg\\['([a-zA-Z0-9.]+)'\\]");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/webapp"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".xhtml")).toList()) {
                Matcher m = key.matcher(Files.readString(p, StandardCharsets.UTF_8));
                while (m.find()) {
                    if (!m.group(1).endsWith(".")) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(TR.keySet()).containsAll(used);
    }
}
