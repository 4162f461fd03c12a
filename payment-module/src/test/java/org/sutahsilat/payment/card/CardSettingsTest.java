package org.sutahsilat.payment.card;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CardSettingsTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void postsTwiceAsManyAtOnceAsThereAreCoresByDefault() {
        CardSettings s = new CardSettings("https://p.example/odeme/donus", MINUTE, MINUTE, MINUTE);
        assertThat(s.concurrentPostings())
                .isEqualTo(Math.max(2, 2 * Runtime.getRuntime().availableProcessors()))
                .isEqualTo(CardSettings.defaultConcurrentPostings());
        assertThat(new CardSettings("https://p.example/odeme/donus", MINUTE, MINUTE, MINUTE, 3).concurrentPostings())
                .isEqualTo(3);
    }

    @Test
    void refusesFewerThanOnePostingAtATime() {
        assertThatThrownBy(() -> new CardSettings("https://p.example/odeme/donus", MINUTE, MINUTE, MINUTE, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("concurrentPostings");
    }
}
