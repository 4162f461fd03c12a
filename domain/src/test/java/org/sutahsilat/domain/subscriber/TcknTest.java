package org.sutahsilat.domain.subscriber;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sutahsilat.domain.shared.DomainException;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TcknTest {

    @ParameterizedTest
    @ValueSource(strings = {"10000000146", "11111111110", "12345678950", "98765432150"})
    void acceptsNumbersWithCorrectCheckDigits(String tckn) {
        assertThat(Tckn.isValid(tckn)).isTrue();
        assertThat(Tckn.of(tckn).value()).isEqualTo(tckn);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "10000000147",   // wrong 11th digit
            "10000000156",   // wrong 10th digit
            "01234567890",   // leading zero
            "1234567895",    // ten digits
            "123456789501",  // twelve digits
            "1234567895a",   // not a digit
            "",
            "12345678951"    // off by one in the last digit
    })
    void rejectsInvalidNumbers(String tckn) {
        assertThat(Tckn.isValid(tckn)).isFalse();
        assertThatThrownBy(() -> Tckn.of(tckn)).isInstanceOf(DomainException.class)
                .hasMessageNotContaining(tckn.isEmpty() ? "\u0000" : tckn);
    }

    @Test
    void everyFirstNineDigitsHaveExactlyOneValidCompletion() {
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            String nine = String.valueOf(100_000_000 + random.nextInt(900_000_000));
            Tckn tckn = Tckn.fromFirstNine(nine);
            assertThat(Tckn.isValid(tckn.value())).isTrue();
            int valid = 0;
            for (int last2 = 0; last2 < 100; last2++) {
                if (Tckn.isValid(nine + String.format("%02d", last2))) {
                    valid++;
                }
            }
            assertThat(valid).isEqualTo(1);
        }
    }

    @Test
    void printsMasked() {
        Tckn tckn = Tckn.of("12345678950");
        assertThat(tckn.toString()).isEqualTo("123******50").doesNotContain("45678");
        assertThat(tckn.masked()).isEqualTo("123******50");
    }
}
