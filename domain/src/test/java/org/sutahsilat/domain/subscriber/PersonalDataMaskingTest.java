package org.sutahsilat.domain.subscriber;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataMaskingTest {

    @Test
    void namesKeepTwoLettersAndHideTheLength() {
        assertThat(PersonalDataMasking.name("Ayşe Yılmaz")).isEqualTo("Ay*** Yı***");
        assertThat(PersonalDataMasking.name("  Mehmet   Öztürk ")).isEqualTo("Me*** Öz***");
        assertThat(PersonalDataMasking.name("Ali Öz")).as("short words show one letter").isEqualTo("A*** Ö***");
        assertThat(PersonalDataMasking.name("ismail ırmak")).as("Turkish upper case").isEqualTo("İs*** Ir***");
        assertThat(PersonalDataMasking.name("Mehmet")).hasSameSizeAs(PersonalDataMasking.name("Mehmetcan"));
        assertThat(PersonalDataMasking.name(null)).isEmpty();
    }

    @Test
    void phonesShowOperatorPrefixAndLastTwoDigits() {
        assertThat(PersonalDataMasking.phone("0532 123 45 67")).isEqualTo("0532 *** ** 67");
        assertThat(PersonalDataMasking.phone("123")).isEqualTo("***");
        assertThat(PersonalDataMasking.phone("")).isEmpty();
    }
}
