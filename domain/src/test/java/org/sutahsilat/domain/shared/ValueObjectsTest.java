package org.sutahsilat.domain.shared;

import org.junit.jupiter.api.Test;
import org.sutahsilat.domain.subscriber.PaymentCode;
import org.sutahsilat.domain.subscriber.SubscriberNo;

import java.security.SecureRandom;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValueObjectsTest {

    @Test
    void subscriberNumbersAreDigits() {
        assertThat(SubscriberNo.of(" 000123 ").value()).isEqualTo("000123");
        for (String bad : new String[]{"", "12a", "1 2", "123456789012345678901", null}) {
            assertThatThrownBy(() -> SubscriberNo.of(bad)).isInstanceOf(DomainException.class)
                    .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("error.subscriberNo.invalid");
        }
    }

    @Test
    void cubicMetersAreNeverNegative() {
        assertThat(CubicMeters.of(5).plus(CubicMeters.of(3))).isEqualTo(CubicMeters.of(8));
        assertThat(CubicMeters.of(5).minusFloored(CubicMeters.of(9))).isEqualTo(CubicMeters.ZERO);
        assertThatThrownBy(() -> CubicMeters.of(-1)).isInstanceOf(DomainException.class);
    }

    @Test
    void billingPeriods() {
        BillingPeriod p = BillingPeriod.parse("2026-02");
        assertThat(p.previous()).isEqualTo(BillingPeriod.of(2026, 1));
        assertThat(p.next().toString()).isEqualTo("2026-03");
        assertThat(p.day(31)).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(BillingPeriod.containing(LocalDate.of(2025, 12, 31))).isEqualTo(BillingPeriod.of(2025, 12));
        assertThatThrownBy(() -> BillingPeriod.parse("2026-13")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> BillingPeriod.parse("02/2026")).isInstanceOf(DomainException.class);
    }

    @Test
    void paymentCodesNormalizeAndCompare() {
        PaymentCode code = PaymentCode.generate(new SecureRandom());
        assertThat(code.value()).hasSize(8).matches("[2-9A-HJKMNP-Z]{8}");
        assertThat(code.matches(code.toString().toLowerCase())).isTrue();
        assertThat(new PaymentCode("abcd-2345").value()).isEqualTo("ABCD2345");
        assertThat(new PaymentCode("ABCD2345").matches("ABCD2346")).isFalse();
        assertThat(new PaymentCode("ABCD2345").matches(null)).isFalse();
        assertThatThrownBy(() -> new PaymentCode("ABCD0345")).isInstanceOf(DomainException.class);
    }
}
